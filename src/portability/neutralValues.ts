// A column's value in an archive's engine-neutral form, the same text whichever engine
// it came from: decimals as the exact string stored ("12.50"), moments as UTC ISO 8601
// with milliseconds, days as "YYYY-MM-DD", booleans as true and false (MySQL's tinyint
// too), integers as numbers, Json as the JSON value with its objects' keys sorted
// (PostgreSQL's jsonb keeps them in an order of its own, MySQL as written), the rest
// as strings. Reading, each engine is asked for the column in a form that does not
// depend on the session's time zone or date style; loading, each value is checked
// against its column's form and turned into what the engine takes.
import type { Engine } from '../engine';
import type { Column, Scalar } from '../model/tenantModel';
import { isoMoment } from '../planner/values';

/** The expression a snapshot selects `quoted` (a column of `column`'s scalar) as. */
export function selectedAs(engine: Engine, scalar: Scalar, quoted: string): string {
  if (engine === 'postgresql') {
    switch (scalar) {
      // to_char of a timestamp without a zone gives it as stored; the snapshot's session is in UTC for one with a zone.
      case 'DateTime':
        return `to_char(${quoted}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      case 'Date':
        return `to_char(${quoted}, 'YYYY-MM-DD')`;
      // Json as text too: pg would parse it, and a JSON string would look like any other string.
      case 'ID':
      case 'Enum':
      case 'Decimal':
      case 'Json':
        return `${quoted}::text`;
      default:
        return quoted;
    }
  }
  switch (scalar) {
    case 'Decimal':
    case 'DateTime':
    case 'Json':
      return `CAST(${quoted} AS CHAR)`;
    case 'Date':
      return `DATE_FORMAT(${quoted}, '%Y-%m-%d')`;
    default:
      return quoted;
  }
}

/** A value as the snapshot's statement returned it, in the neutral form. */
export function toNeutral(engine: Engine, scalar: Scalar, value: unknown): unknown {
  if (value === null) return null;
  switch (scalar) {
    case 'Boolean':
      return value === true || value === 1 || value === '1';
    case 'Int':
    case 'Float':
      return Number(value);
    case 'DateTime':
      return engine === 'mysql' ? isoMoment(String(value)) : value;
    case 'Json':
      return sortedKeys(JSON.parse(value as string));
    default:
      return value;
  }
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

const FORMS: Record<Scalar, { valid: (value: unknown) => boolean; form: string }> = {
  ID: { valid: (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v), form: 'a UUID in lower case' },
  String: { valid: (v) => typeof v === 'string', form: 'a string' },
  Enum: { valid: (v) => typeof v === 'string', form: 'a string' },
  Int: { valid: (v) => Number.isSafeInteger(v), form: 'an integer' },
  Float: { valid: (v) => typeof v === 'number' && Number.isFinite(v), form: 'a number' },
  Boolean: { valid: (v) => typeof v === 'boolean', form: 'true or false' },
  Decimal: { valid: (v) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v), form: 'a decimal in a string, e.g. "12.50"' },
  DateTime: {
    valid: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v),
    form: 'a UTC time, e.g. "2026-12-01T10:00:00.000Z"',
  },
  Date: { valid: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), form: 'a day, e.g. "2026-12-01"' },
  Json: { valid: () => true, form: 'JSON' },
};

/** Why `value` is not of the neutral form of `column`, or undefined when it is. */
export function misfit(column: Column, value: unknown): string | undefined {
  if (value === null) return column.nullable ? undefined : 'is null, and the column holds no null';
  const { valid, form } = FORMS[column.scalar];
  return valid(value) ? undefined : `is ${JSON.stringify(value)?.slice(0, 40)}, not ${form}`;
}

/** A neutral value (already checked) as a statement of `engine` binds it into its column. */
export function toEngine(engine: Engine, scalar: Scalar, value: unknown): unknown {
  if (value === null) return null;
  switch (scalar) {
    case 'Json':
      return JSON.stringify(value);
    // PostgreSQL reads the "Z" (and a column without a zone ignores it); MySQL's session is in UTC and takes no zone.
    case 'DateTime':
      return engine === 'mysql' ? `${(value as string).slice(0, 10)} ${(value as string).slice(11, 23)}` : value;
    default:
      return value;
  }
}
