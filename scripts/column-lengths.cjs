// How many characters each String field of a Prisma datamodel can hold in its column,
// on every engine that stores it: the input limits of the tenant API come from here,
// so that a value one engine takes is never refused by another's column. PostgreSQL's
// text holds any length; MySQL's VARCHAR(n) and CHAR(n) hold n characters, and its
// TEXT types a number of bytes, of which a utf8mb4 character takes up to four.
'use strict';

// Prisma's column for a String without a native type attribute.
const DEFAULT_CAPACITY = { postgresql: null, mysql: 191 };

// Bytes each MySQL TEXT type holds; utf8mb4 spends at most four on a character.
const TEXT_BYTES = { TinyText: 255, Text: 65_535, MediumText: 16_777_215, LongText: 4_294_967_295 };
const UTF8MB4_BYTES = 4;

/** Characters a column of `nativeType` holds on `engine`; null for any length. */
function capacity(engine, nativeType) {
  if (!nativeType) return DEFAULT_CAPACITY[engine];
  const [name, args] = nativeType;
  if (name === 'VarChar' || name === 'Char') return Number(args[0]);
  if (name === 'Uuid') return 36;
  if (engine === 'mysql' && name in TEXT_BYTES) return Math.floor(TEXT_BYTES[name] / UTF8MB4_BYTES);
  if (engine === 'postgresql' && name === 'Text') return null;
  throw new Error(`no known capacity for a String stored as ${name}(${args.join(', ')}) on ${engine}`);
}

const least = (a, b) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * `{ Model: { field: characters } }` for every String field, the least of what its
 * column holds on each engine given (`{ postgresql: datamodel, mysql: datamodel }`);
 * null where every engine takes any length.
 */
function columnLengths(datamodels) {
  const lengths = {};
  for (const [engine, datamodel] of Object.entries(datamodels)) {
    for (const model of datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind === 'scalar' && f.type === 'String')) {
        const here = capacity(engine, field.nativeType);
        const fields = (lengths[model.name] ??= {});
        fields[field.name] = field.name in fields ? least(fields[field.name], here) : here;
      }
    }
  }
  return lengths;
}

module.exports = { columnLengths };
