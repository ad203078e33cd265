// Back relations for named relations whose other side is in another file. Prisma's
// completion (`prisma format`) names a back relation after the model alone, so two
// relations from one model to another (a referral's referrer and referred customer)
// would get the same field name; a named relation's back relation is named after the
// relation instead: `@relation("referralsMade", ...)` on Referral adds
// `referralsMade Referral[] @relation("referralsMade")` to Customer (`Referral?` when
// the foreign key is unique). This reads the schema text as written, line by line.
'use strict';

const FIELD = /^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/;
const RELATION_NAME = /@relation\(\s*(?:name:\s*)?"([^"]+)"/;

/** The models of the files as written: their fields, block attributes, and the line after which a field may be added. */
function modelBlocks(files) {
  const models = new Map();
  files.forEach(({ text }, fileIndex) => {
    let model = null;
    text.split('\n').forEach((line, lineIndex) => {
      const opened = /^model (\w+) \{/.exec(line);
      if (opened) models.set(opened[1], (model = { name: opened[1], fileIndex, fields: [], attributes: [], lastFieldLine: lineIndex }));
      else if (line.startsWith('}')) model = null;
      if (!model) return;
      if (line.trim().startsWith('@@')) model.attributes.push(line.trim());
      const field = FIELD.exec(line);
      if (!field) return;
      const [, name, type, , rest] = field;
      model.fields.push({ name, type, rest, relationName: RELATION_NAME.exec(rest)?.[1] });
      model.lastFieldLine = lineIndex;
    });
  });
  return models;
}

/** The fields of the foreign key a relation field holds; undefined on the side without one. */
const foreignKey = (field) => /fields:\s*\[([^\]]*)\]/.exec(field.rest)?.[1].split(',').map((s) => s.trim());

/** Whether the foreign key of `field` is unique in `model`: then the relation is one-to-one. */
function uniqueForeignKey(model, field) {
  const keys = foreignKey(field);
  if (keys.length === 1 && model.fields.some((f) => f.name === keys[0] && /@(unique|id)\b/.test(f.rest))) return true;
  const sameKeys = (list) => list.split(',').map((s) => s.trim()).join() === keys.join();
  return model.attributes.some((a) => /^@@(unique|id)\(/.test(a) && sameKeys(/\[([^\]]*)\]/.exec(a)?.[1] ?? ''));
}

/**
 * The files (`{ text }`) with the back relation of each named relation that lacks one
 * added to the other model, named after the relation.
 */
function withNamedBackRelations(files) {
  const models = modelBlocks(files);
  const added = files.map(() => new Map()); // per file: line index -> lines to add after it
  for (const model of models.values()) {
    for (const field of model.fields) {
      const other = models.get(field.type);
      if (!field.relationName || !foreignKey(field) || !other || other === model || other.fields.some((f) => f.relationName === field.relationName)) continue;
      const name = field.relationName[0].toLowerCase() + field.relationName.slice(1);
      const line = `  ${name} ${model.name}${uniqueForeignKey(model, field) ? '?' : '[]'} @relation("${field.relationName}")`;
      const after = added[other.fileIndex];
      after.set(other.lastFieldLine, [...(after.get(other.lastFieldLine) ?? []), line]);
    }
  }
  return files.map((file, i) => ({ ...file, text: file.text.split('\n').flatMap((line, n) => [line, ...(added[i].get(n) ?? [])]).join('\n') }));
}

module.exports = { withNamedBackRelations };
