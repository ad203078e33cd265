// Operations generated from schema.graphql, so that a test covers every root field and
// every argument without anyone listing them: a well-formed call of each field, and
// calls with one argument (or one field of an input object, at any depth) given a value
// of the wrong kind, null, a NUL or a lone surrogate, or nothing at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  OperationTypeNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

export interface SchemaCase {
  /** What the case tries, to name it in a failure: `Mutation.createProduct(input.attributes) = a NUL in a string`. */
  name: string;
  kind: OperationTypeNode;
  field: string;
  /** The value at `path` replaces the well-formed one; `MISSING` leaves it out. */
  path: Array<string | number>;
  value: unknown;
}

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

/** Leaves the argument or input field out altogether. */
export const MISSING = Symbol('missing');

export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
}

const nested = (levels: number) => {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 0; i < levels; i++) node = node.a = {};
  return root;
};

// Values of every kind, and for each named type the ones that are wrong for it only in
// detail. The same few are tried at every position; which one breaks is in the case's name.
const WRONG_KINDS: Array<[string, unknown]> = [
  ['null', null],
  ['nothing', MISSING],
  ['a string', '10'],
  ['a fraction', 1.5],
  ['2^31', 2 ** 31],
  ['a boolean', true],
  ['an object', {}],
  ['a list', []],
  ['a NUL in a string', 'a\u0000b'],
  ['a lone high surrogate', 'gold \ud800'],
  ['a lone low surrogate', '\udc00'],
  ['an object 1,000 deep', nested(1000)],
];

const WRONG_DETAILS: Record<string, Array<[string, unknown]>> = {
  // One more character than MySQL's VARCHAR(191) holds, and more than its TEXT holds.
  String: [['an empty string', ''], ['192 characters', 'x'.repeat(192)], ['70,000 characters', 'x'.repeat(70_000)], ['a NUL alone', '\u0000']],
  ID: [['an ID that is no UUID', '42'], ['an empty ID', ''], ['a NUL in an ID', '00000000-0000-7000-8000-\u0000']],
  Int: [['-1', -1], ['0', 0], ['1,000,000', 1_000_000], ['an integer as a string', '10']],
  Boolean: [['"true"', 'true'], ['1', 1]],
  Decimal: [['"abc"', 'abc'], ['an exponent', '1e5'], ['-1', '-1'], ['20 digits', '99999999999999999999'], ['7 decimals', '0.0000001'], ['18 digits', '999999999999999999']],
  DateTime: [['"not a date"', 'not a date'], ['a plain date', '2026-12-01'], ['year 0000', '0000-01-01T00:00:00Z'], ['year 0000 in UTC', '0001-01-01T00:30:00+01:00'], ['year 10000 in UTC', '9999-12-31T23:59:59-01:00'], ['February 30th', '2026-02-30T00:00:00Z']],
  Date: [['a date-time', '2026-12-01T00:00:00Z'], ['year 0000', '0000-01-01'], ['month 13', '2026-13-01']],
  JSONObject: [['a NUL in a value', { k: 'a\u0000' }], ['a NUL in a key', { 'k\u0000': 1 }], ['a lone surrogate in a value', { k: ['\ud800'] }], ['a lone surrogate in a key', { '\udc00': 1 }]],
};

const ENUM_DETAILS: Array<[string, unknown]> = [['an unknown value', 'NOPE'], ['a value in lower case', 'gold']];
const INPUT_OBJECT_DETAILS: Array<[string, unknown]> = [['an unknown field', { noSuchField: 1 }]];

/** Values that look right for a type: enough for a call to get past the checks of its other arguments. */
const WELL_FORMED: Record<string, unknown> = {
  String: 'x',
  ID: '00000000-0000-7000-8000-000000000000',
  Int: 1,
  Float: 1.5,
  Boolean: true,
  Decimal: '1',
  DateTime: '2026-01-01T00:00:00Z',
  Date: '2026-01-01',
  JSONObject: {},
};

function wellFormed(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return wellFormed(type.ofType);
  if (isListType(type)) return [wellFormed(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    // Only the required fields: an optional one is set when it is the one being tried.
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, wellFormed(field.type)]));
  }
  return WELL_FORMED[type.name] ?? 'x';
}

function wrongValuesFor(type: GraphQLNamedType): Array<[string, unknown]> {
  const details = isEnumType(type) ? ENUM_DETAILS : isInputObjectType(type) ? INPUT_OBJECT_DETAILS : (WRONG_DETAILS[type.name] ?? []);
  return [...WRONG_KINDS, ...details];
}

interface Position {
  path: Array<string | number>;
  type: GraphQLInputType;
}

/**
 * The positions of `type` at `path`: itself, and the fields of an input object the first
 * time it is met (`visited`). Input objects contain themselves and each other (a list's
 * where holds the where of every related list): each one's fields are tried at the first
 * path that reaches them, which reaches every field without trying it at every path.
 */
function positionsIn(type: GraphQLInputType, path: Array<string | number>, visited: Set<string>): Position[] {
  const here = { path, type };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [here, ...positionsIn(inner.ofType, [...path, 0], visited)];
  if (!isInputObjectType(inner) || visited.has(inner.name)) return [here];
  visited.add(inner.name);
  const fields = Object.values(inner.getFields()).sort((a, b) => a.name.localeCompare(b.name));
  return [here, ...fields.flatMap((field) => positionsIn(field.type, [...path, field.name], visited))];
}

const rootFields = (schema: GraphQLSchema) =>
  [OperationTypeNode.QUERY, OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION].flatMap((kind) => {
    const root = schema.getRootType(kind);
    const fields = Object.values(root?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name));
    return fields.map((field) => ({ kind, root: root!.name, field }));
  });

/** Every root field called with well-formed arguments. */
export function wellFormedCalls(schema: GraphQLSchema): SchemaCase[] {
  return rootFields(schema).map(({ kind, root, field }) => ({ name: `${root}.${field.name} well-formed`, kind, field: field.name, path: [], value: undefined }));
}

interface ArgumentPosition extends Position {
  kind: OperationTypeNode;
  root: string;
  field: string;
}

/**
 * Every argument of every root field, and every field of the input objects they take:
 * `eachTypeOnce` tries an input object's fields at one root field only (the first to take
 * it), else at every root field that takes it.
 */
function argumentPositions(schema: GraphQLSchema, eachTypeOnce: boolean): ArgumentPosition[] {
  const visitedEverywhere = new Set<string>();
  return rootFields(schema).flatMap(({ kind, root, field }) => {
    const visited = eachTypeOnce ? visitedEverywhere : new Set<string>();
    return field.args.flatMap((arg) => positionsIn(arg.type, [arg.name], visited).map((position) => ({ ...position, kind, root, field: field.name })));
  });
}

const caseAt = ({ kind, root, field, path }: ArgumentPosition, what: string, value: unknown): SchemaCase => ({
  name: `${root}.${field}(${path.join('.')}) = ${what}`,
  kind,
  field,
  path,
  value,
});

/** Every argument of every root field and every field of every input object, with every wrong value for its type. */
export function wrongValueCases(schema: GraphQLSchema): SchemaCase[] {
  return argumentPositions(schema, true).flatMap((position) => wrongValuesFor(getNamedType(position.type)).map(([what, value]) => caseAt(position, what, value)));
}

/** Every argument and input field of type `typeName` (e.g. String) of every root field, given `value`. */
export function casesOfType(schema: GraphQLSchema, typeName: string, what: string, value: unknown): SchemaCase[] {
  return argumentPositions(schema, false)
    .filter((position) => getNamedType(position.type).name === typeName)
    .map((position) => caseAt(position, what, value));
}

/** The field's arguments: the well-formed ones, with the case's value put at its path. */
function argumentsOf(field: GraphQLField<unknown, unknown>, schemaCase: SchemaCase): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(
    field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined).map((arg) => [arg.name, wellFormed(arg.type)]),
  );
  const [argName, ...rest] = schemaCase.path;
  if (argName === undefined) return args;
  // Fill the way down with well-formed values, then put the case's value at the end of it.
  let type: GraphQLInputType = field.args.find((arg) => arg.name === argName)!.type;
  let holder: Record<string | number, unknown> = args;
  let step: string | number = argName;
  for (const next of rest) {
    holder = (holder[step] ??= wellFormed(type)) as Record<string | number, unknown>;
    const inner: GraphQLInputType = isNonNullType(type) ? type.ofType : type;
    type = isListType(inner) ? inner.ofType : isInputObjectType(inner) ? inner.getFields()[next].type : inner;
    step = next;
  }
  // An argument left out keeps its variable declared (and unset); a field left out is just not there.
  if (schemaCase.value === MISSING && rest.length > 0) delete holder[step];
  else holder[step] = schemaCase.value;
  return args;
}

/** What to select of a field's result: `__typename` of any object, nothing of a leaf. */
const selectionOf = (field: GraphQLField<unknown, unknown>) => (isLeafType(getNamedType(field.type)) ? '' : ' { __typename }');

const fieldOf = (schema: GraphQLSchema, schemaCase: SchemaCase) => schema.getRootType(schemaCase.kind)!.getFields()[schemaCase.field];

/** The operation with its arguments in variables, each declared with the argument's type. */
export function asVariables(schema: GraphQLSchema, schemaCase: SchemaCase): Operation {
  const field = fieldOf(schema, schemaCase);
  const args = argumentsOf(field, schemaCase);
  const used = field.args.filter((arg) => arg.name in args);
  const declared = used.length ? `(${used.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const passed = used.length ? `(${used.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  const variables = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== MISSING));
  return { query: `${schemaCase.kind}${declared} { ${field.name}${passed}${selectionOf(field)} }`, variables };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A JavaScript value as a GraphQL literal, following the type where it fits: a string
 * where an enum is wanted is written as the enum value it names. A key that is not a
 * name is quoted, so the document does not parse: that is a case too.
 */
function literal(value: unknown, type?: GraphQLInputType): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) return `[${value.map((item) => literal(item, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{${Object.entries(value).map(([key, v]) => `${NAME.test(key) ? key : JSON.stringify(key)}: ${literal(v, fields[key]?.type)}`).join(', ')}}`;
  }
  if (inner && isEnumType(inner) && typeof value === 'string' && NAME.test(value)) return value;
  return JSON.stringify(value);
}

/** The operation with its arguments written in the document. */
export function asLiterals(schema: GraphQLSchema, schemaCase: SchemaCase): Operation {
  const field = fieldOf(schema, schemaCase);
  const args = Object.entries(argumentsOf(field, schemaCase)).filter(([, value]) => value !== MISSING);
  const written = args.map(([name, value]) => `${name}: ${literal(value, field.args.find((arg) => arg.name === name)!.type)}`);
  return { query: `${schemaCase.kind} { ${field.name}${written.length ? `(${written.join(', ')})` : ''}${selectionOf(field)} }` };
}
