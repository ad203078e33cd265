// The MySQL twin of the tenant schema, derived by rule from the PostgreSQL one: the
// same models, fields and relations (so one Prisma Client shape serves tenants on
// either engine), with MySQL's column types.
//   - `@db.Uuid` is CHAR(36);
//   - the native types both engines share pass through;
//   - a String without one is VARCHAR(191), as Prisma's own MySQL default: the
//     longest that fits a utf8mb4 index key on every MySQL and MariaDB, and a column
//     MySQL sorts and groups in memory (TEXT goes to temporary tables on disk). Long
//     text says so in the model with `@db.Text` (the same type as plain String on
//     PostgreSQL), and is TEXT on MySQL;
//   - any other native type has no rule, and is refused naming the field.
'use strict';

/** The characters of a String without a native type on MySQL: its VARCHAR's length. */
const PLAIN_STRING_LENGTH = 191;

// PostgreSQL native types the rule knows, and their MySQL spelling (null: the same).
const NATIVE_TYPES = { Uuid: 'Char(36)', Char: null, VarChar: null, Text: null, Decimal: null, Date: null };

const FIELD_LINE = /^(\s+)(\w+)(\s+)(\w+(?:\?|\[\])?)(.*)$/;
const NATIVE_ATTRIBUTE = /@db\.\w+(\([^)]*\))?/;

/** Per model, the fields MySQL must be able to index: ids, uniques, indexes and foreign keys. */
function indexedFields(datamodel) {
  const indexed = new Map(datamodel.models.map((m) => [m.name, new Set()]));
  for (const index of datamodel.indexes) for (const field of index.fields) indexed.get(index.model).add(field.name);
  for (const model of datamodel.models) {
    for (const field of model.fields) for (const name of field.relationFromFields ?? []) indexed.get(model.name).add(name);
  }
  return indexed;
}

/** `Model.field` -> the MySQL native type attribute it gets (without `@db.`), for every field whose column type the rule sets. */
function mysqlColumnTypes(datamodel) {
  const indexed = indexedFields(datamodel);
  const types = new Map();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      const where = `${model.name}.${field.name}`;
      if (field.kind === 'unsupported') throw new Error(`${where}: Unsupported("${field.type}") has no MySQL column type; use a Prisma type`);
      if (field.nativeType) {
        const [name, args] = field.nativeType;
        if (!(name in NATIVE_TYPES)) {
          throw new Error(`${where}: @db.${name} has no MySQL equivalent the tenant schema's rule knows (it knows @db.${Object.keys(NATIVE_TYPES).join(', @db.')}); use one of them or none`);
        }
        if (name === 'Text' && indexed.get(model.name).has(field.name)) {
          throw new Error(`${where}: MySQL cannot index @db.Text (it is in an id, a unique, an index or a foreign key); use @db.VarChar(n), or a String of up to 191 characters`);
        }
        types.set(where, NATIVE_TYPES[name] ?? `${name}${args.length ? `(${args.join(', ')})` : ''}`);
      } else if (field.kind === 'scalar' && field.type === 'String') {
        types.set(where, `VarChar(${PLAIN_STRING_LENGTH})`);
      }
    }
  }
  return types;
}

/**
 * The models and enums of `body` (PostgreSQL schema text without its generator and
 * datasource) with MySQL's column types; `datamodel` is the DMMF of the whole
 * PostgreSQL schema. Comments and layout are kept: only native type attributes change.
 */
function mysqlTwinBody(body, datamodel) {
  const types = mysqlColumnTypes(datamodel);
  let model = null;
  return body
    .split('\n')
    .map((line) => {
      const opened = /^model (\w+) \{/.exec(line);
      if (opened) model = opened[1];
      else if (line.startsWith('}')) model = null;
      const field = model && FIELD_LINE.exec(line);
      const type = field && types.get(`${model}.${field[2]}`);
      if (!type) return line;
      if (NATIVE_ATTRIBUTE.test(line)) return line.replace(NATIVE_ATTRIBUTE, `@db.${type}`);
      const [, indent, name, space, fieldType, rest] = field;
      return `${indent}${name}${space}${fieldType} @db.${type}${rest}`;
    })
    .join('\n');
}

module.exports = { mysqlTwinBody, PLAIN_STRING_LENGTH };
