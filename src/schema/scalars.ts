// Money and quantities travel as decimal strings ("1250000.50"): JSON numbers would
// lose precision, and clients can hand the string to their own decimal type.
import { GraphQLScalarType, Kind } from 'graphql';
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

export { JSONObjectResolver as JSONObjectScalar, DateTimeResolver as DateTimeScalar, DateResolver as DateScalar } from 'graphql-scalars';
