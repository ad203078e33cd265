// Our scalars. Money and quantities travel as decimal strings ("1250000.50"): JSON
// numbers would lose precision, and clients can hand the string to their own decimal type.
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateResolver, DateTimeResolver, JSONObjectResolver, JSONResolver } from 'graphql-scalars';
import { badInput } from '../errors';

const DECIMAL = /^-?\d{1,18}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text)) {
    throw badInput(`"${String(value)}" is not a decimal number such as "12.50"`);
  }
  return text;
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number, as a string: "1250000.50".',
  serialize: (value) => {
    if (value !== null && typeof value === 'object' && 'toFixed' in value) return (value as { toFixed(): string }).toFixed();
    return String(value);
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw badInput('a Decimal is written as a string: "12.50"');
  },
});

// PostgreSQL has no year 0 (1 BC comes before AD 1) and Prisma writes years in four
// digits, so an instant outside years 1-9999 in UTC cannot be stored. graphql-scalars
// checks the form (RFC 3339); these add the range, as the value enters.
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

function withinStorableYears(date: Date, name: string): Date {
  const time = date.getTime();
  if (time < EARLIEST || time > LATEST) throw badInput(`a ${name} must fall in the years 0001 to 9999 (UTC)`);
  return date;
}

/** The parsing half of graphql-scalars' scalar, refusing what PostgreSQL cannot store. */
const storableRange = (scalar: GraphQLScalarType<Date, unknown>) => ({
  parseValue: (value: unknown) => withinStorableYears(scalar.parseValue(value), scalar.name),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => withinStorableYears(scalar.parseLiteral(ast, variables), scalar.name),
});

/** A moment as the planner writes it: "2026-03-21T09:05:00.000Z". */
const PLANNED_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description: `${DateTimeResolver.description} Years 0001 to 9999 in UTC.`,
  // Planned rows hold moments as ISO strings in UTC already (planner/values.ts): those go
  // out as they are. Anything else (a Date of a Prisma row) is graphql-scalars' to read.
  serialize: (value) => (typeof value === 'string' && PLANNED_MOMENT.test(value) ? value : (DateTimeResolver.serialize(value) as Date).toISOString()),
  ...storableRange(DateTimeResolver),
});

export const DateScalar = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  description: `${DateResolver.description} Years 0001 to 9999.`,
  ...storableRange(DateResolver),
});

/**
 * How deep a JSON value may nest. MariaDB's JSON_VALID, the check on its JSON columns,
 * refuses documents nested deeper than 31 levels; the same limit on every engine keeps
 * a value that one tenant may store storable by every other.
 */
export const MAX_JSON_DEPTH = 30;

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const inner of Object.values(value)) deepest = Math.max(deepest, depthOf(inner));
  return deepest + 1;
}

function shallowEnough<T>(value: T): T {
  if (depthOf(value) > MAX_JSON_DEPTH) throw badInput(`a JSON value may nest at most ${MAX_JSON_DEPTH} levels deep`);
  return value;
}

/** graphql-scalars' JSON scalar, refusing values nested deeper than every engine stores. */
const shallowJson = (scalar: GraphQLScalarType) =>
  new GraphQLScalarType({
    ...scalar.toConfig(),
    description: `${scalar.description} At most ${MAX_JSON_DEPTH} levels deep.`,
    parseValue: (value: unknown) => shallowEnough(scalar.parseValue(value)),
    parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => shallowEnough(scalar.parseLiteral(ast, variables)),
  });

export const JSONObjectScalar = shallowJson(JSONObjectResolver);
export const JSONScalar = shallowJson(JSONResolver);
