// A Prisma schema's datamodel (models, fields, enums, indexes) as Prisma's own
// parser reads it, and what differs between two of them apart from column types:
// the PostgreSQL and MySQL tenant schemas must describe the same models, so that
// one Prisma Client shape and one GraphQL API serve tenants on either engine.
'use strict';

const { get_datamodel } = require('@prisma/prisma-schema-wasm');

/**
 * The DMMF datamodel of a schema: its text, or its files as [path, text] pairs. An
 * invalid schema throws Prisma's validation errors, which name the file and line.
 */
function readDatamodel(schema) {
  try {
    return JSON.parse(get_datamodel(JSON.stringify({ prismaSchema: schema, noColor: true })));
  } catch (error) {
    let message = error.message;
    try {
      message = JSON.parse(message).message;
    } catch {
      // not Prisma's JSON error: keep the message as it is
    }
    throw new Error(message);
  }
}

// What a field means to Prisma Client; its native (column) type may differ per engine.
const FIELD_FACTS = ['kind', 'type', 'isList', 'isRequired', 'isId', 'isUnique', 'isUpdatedAt', 'dbName', 'default', 'relationName', 'relationFromFields', 'relationToFields', 'relationOnDelete', 'relationOnUpdate'];

const show = (value) => (value === undefined ? 'unset' : JSON.stringify(value));

function compareNamed(label, left, right, names, each, out) {
  const a = new Map(left.map((x) => [x.name, x]));
  const b = new Map(right.map((x) => [x.name, x]));
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    if (!b.has(name)) out.push(`${label}${name} is only in ${names[0]}`);
    else if (!a.has(name)) out.push(`${label}${name} is only in ${names[1]}`);
    else each(a.get(name), b.get(name), `${label}${name}`);
  }
}

/**
 * What differs between two datamodels in models, fields, Prisma types, optionality,
 * lists, defaults, relations, ids, uniques, indexes and enums, one sentence each
 * (empty when they agree). `names` label the two sides in the sentences.
 */
function datamodelDifferences(left, right, names = ['the first schema', 'the second schema']) {
  const out = [];
  const differ = (where, fact, x, y) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${where}: ${fact} is ${show(x)} in ${names[0]}, ${show(y)} in ${names[1]}`);
  };
  compareNamed('model ', left.models, right.models, names, (a, b, where) => {
    differ(where, 'dbName', a.dbName, b.dbName);
    differ(where, 'primary key', a.primaryKey, b.primaryKey);
    compareNamed(`${a.name}.`, a.fields, b.fields, names, (fa, fb, at) => {
      for (const fact of FIELD_FACTS) differ(at, fact, fa[fact], fb[fact]);
    }, out);
    const indexes = (dm) => dm.indexes.filter((i) => i.model === a.name).map(({ type, fields, dbName }) => ({ type, fields, dbName }));
    differ(where, 'indexes', indexes(left), indexes(right));
  }, out);
  compareNamed('enum ', left.enums, right.enums, names, (a, b, where) => differ(where, 'values', a.values, b.values), out);
  return out;
}

module.exports = { readDatamodel, datamodelDifferences };
