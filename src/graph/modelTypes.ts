// The GraphQL types of the tenant graph, generated from the tenant model: per model
// its object type, connection and edge, aggregates, `where` input, order and group
// enums, and the arguments every list of it takes. They are type-graphql classes like
// the hand-written ones, so hand-written resolvers add computed fields to them and
// answer them from mutations (`modelType('Product')`).
import { GraphQLScalarType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { Args, ArgsType, Field, Float, ID, InputType, Int, ObjectType, getMetadataStorage, registerEnumType, type ClassType } from 'type-graphql';
import { listComplexity } from '../schema/tenant/complexity';
import { declareListArgs, declareWhere, describeOrder, orderByEnum } from '../schema/listInputs';
import { PageInfo } from '../schema/pageInfo';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONObjectScalar, JSONScalar } from '../schema/scalars';
import { MAX_GROUPS, NUMERIC, RANGED, comparableColumns, groupValuesOf, type GroupKey } from '../planner/listKeys';
import { BooleanFilter, DateFilter, DateTimeFilter, DecimalFilter, FloatFilter, IDFilter, IntFilter, StringFilter, StringListFilter, enumFilter } from './scalarFilters';
import { graphModels, tenantModel, type Column, type Model } from '../model/tenantModel';

type TypeRef = ClassType | GraphQLScalarType | object | typeof String | typeof Boolean;
type Nullable = boolean | 'items' | 'itemsAndList';

/** What the graph has for one model. */
export interface ModelTypes {
  model: Model;
  object: ClassType;
  edge: ClassType;
  connection: ClassType;
  aggregates: ClassType;
  grouped: ClassType;
  where: ClassType;
  listWhere: ClassType;
  /** `PRICE_DESC` -> [price, desc]. */
  orderValues: Map<string, [field: string, direction: 'asc' | 'desc']>;
  orderBy: object;
  /** `CREATED_AT_TRUNCATED_TO_DAY` -> how to group. */
  groupValues: Map<string, GroupKey>;
  groupBy: object;
  /** first/after/last/before/orderBy/where. */
  args: ClassType;
  /** groupBy. */
  groupArgs: ClassType;
}

// What aggregates cost against MAX_QUERY_COMPLEXITY: a scan of the list's rows, not a row each.
const AGGREGATE_COST = 10;
const GROUPED_COST = 100;

// ---------------------------------------------------------------------------
// Enums: Prisma's, under the same names and values.

const enumObjects = new Map<string, Record<string, string>>();
for (const e of tenantModel.enums) {
  const values = Object.fromEntries(e.values.map((v) => [v, v]));
  enumObjects.set(e.name, values);
  registerEnumType(values, {
    name: e.name,
    ...(e.description ? { description: e.description } : {}),
    ...(e.valueDescriptions ? { valuesConfig: Object.fromEntries(Object.entries(e.valueDescriptions).map(([v, description]) => [v, { description }])) } : {}),
  });
}

/** A tenant enum as registered in the graph, for hand-written fields and inputs. */
export function tenantEnum<T extends string>(name: string): Record<T, T> {
  const values = enumObjects.get(name);
  if (!values) throw new Error(`the tenant model has no enum ${name}`);
  return values as Record<T, T>;
}

const enumFilters = new Map(tenantModel.enums.map((e) => [e.name, enumFilter(e.name, enumObjects.get(e.name)!)]));

// ---------------------------------------------------------------------------
// Column types.

const NAMED_OUTPUT: Record<string, TypeRef> = {
  String,
  Boolean,
  Int,
  Float,
  ID,
  JSON: JSONScalar,
  JSONObject: JSONObjectScalar,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Date: DateScalar,
};

/** A hand-written object type by name (for `@type` of Json columns). */
function namedType(name: string, where: string): TypeRef {
  const known = NAMED_OUTPUT[name];
  if (known) return known;
  const objectType = getMetadataStorage().objectTypes.find((t) => t.name === name);
  if (!objectType) throw new Error(`${where}: @type names ${name}, which is neither a scalar nor an object type of the schema`);
  return objectType.target;
}

/** The GraphQL type of a column and its nullability, as type-graphql takes them. */
function columnType(model: Model, column: Column): [() => TypeRef | [TypeRef], Nullable] {
  switch (column.scalar) {
    case 'Enum':
      return [() => enumObjects.get(column.enum!)!, column.nullable];
    case 'Json': {
      const where = `${model.name}.${column.name}`;
      const written = column.graphqlType ?? 'JSON';
      const list = /^\[(\w+)(!?)\]$/.exec(written);
      if (list) {
        const itemsNullable = list[2] !== '!';
        return [() => [namedType(list[1], where)], column.nullable ? (itemsNullable ? 'itemsAndList' : true) : itemsNullable ? 'items' : false];
      }
      if (!/^\w+$/.test(written)) throw new Error(`${where}: @type takes a name or a list of one ("[String!]"), not ${written}`);
      return [() => namedType(written, where), column.nullable];
    }
    default:
      return [() => NAMED_OUTPUT[column.scalar], column.nullable];
  }
}

const FILTERS: Record<string, ClassType> = {
  ID: IDFilter,
  String: StringFilter,
  Int: IntFilter,
  Float: FloatFilter,
  Boolean: BooleanFilter,
  Decimal: DecimalFilter,
  DateTime: DateTimeFilter,
  Date: DateFilter,
};

/** A Json column holding a list of strings (`@type [String!]`): filtered by `has`. */
export const isStringList = (column: Column) => column.scalar === 'Json' && /^\[String!?\]$/.test(column.graphqlType ?? '');

function filterOf(column: Column): ClassType | undefined {
  if (column.scalar === 'Enum') return enumFilters.get(column.enum!);
  return isStringList(column) ? StringListFilter : FILTERS[column.scalar];
}


// ---------------------------------------------------------------------------
// Per model.

const named = (name: string) => ({ [name]: class {} })[name] as ClassType;
const registry = new Map<string, ModelTypes>();

/** The generated types of the model behind GraphQL type `typeName`. */
export function typesOf(typeName: string): ModelTypes {
  const types = registry.get(typeName);
  if (!types) throw new Error(`${typeName} is not a type of the tenant model`);
  return types;
}

/** The object type of a model, by its GraphQL name, for hand-written resolvers. */
export const modelType = (typeName: string): ClassType => typesOf(typeName).object;

function aggregateTypes(model: Model) {
  const { typeName } = model;
  const numeric = model.columns.filter((c) => NUMERIC.has(c.scalar));
  const ranged = model.columns.filter((c) => RANGED.has(c.scalar));
  const parts: Array<[field: string, type: ClassType, description: string]> = [];
  const part = (kind: string, columns: Column[], typeOf: (c: Column) => TypeRef, description: string) => {
    if (columns.length === 0) return;
    const cls = named(`${typeName}${kind}Aggregates`);
    for (const column of columns) Field(() => typeOf(column), { nullable: true })(cls.prototype, column.name);
    ObjectType(`${typeName}${kind}Aggregates`, { description })(cls);
    parts.push([kind.toLowerCase(), cls, description]);
  };
  part('Sum', numeric, () => DecimalScalar, 'Sums of the rows, as exact decimals; null without rows.');
  part('Avg', numeric, () => DecimalScalar, 'Means of the rows, rounded to 6 decimal places; null without rows.');
  part('Min', ranged, (c) => columnType(model, c)[0]() as TypeRef, 'Least values of the rows; null without rows.');
  part('Max', ranged, (c) => columnType(model, c)[0]() as TypeRef, 'Greatest values of the rows; null without rows.');

  const aggregates = named(`${typeName}Aggregates`);
  const grouped = named(`${typeName}GroupedAggregates`);
  Field(() => [String], { nullable: 'items', description: 'The values grouped by, in the order of groupBy, as text (null for a missing value).' })(grouped.prototype, 'keys');
  for (const cls of [aggregates, grouped]) {
    Field(() => Int, { description: 'How many rows.' })(cls.prototype, 'count');
    for (const [field, type, description] of parts) Field(() => type, { description })(cls.prototype, field);
  }
  ObjectType(`${typeName}Aggregates`, { description: `Aggregates over every ${typeName} the list's where matches (not only its page).` })(aggregates);
  ObjectType(`${typeName}GroupedAggregates`, { description: `Aggregates of the ${typeName} rows that share the values grouped by.` })(grouped);
  return { aggregates, grouped };
}

function orderAndGroupEnums(model: Model) {
  const groupValues = groupValuesOf(model);
  const { orderBy, values: orderValues } = orderByEnum(model.typeName, comparableColumns(model).map((c) => c.name));
  const groupBy = Object.fromEntries([...groupValues.keys()].map((v) => [v, v]));
  registerEnumType(groupBy, {
    name: `${model.typeName}GroupBy`,
    description: 'A column to group by; a date-time truncated to its UTC day ("2026-03-21") or month ("2026-03").',
  });
  return { orderValues, orderBy, groupValues, groupBy };
}

function declareModel(model: Model): ModelTypes {
  const { typeName } = model;
  const object = named(typeName);
  const edge = named(`${typeName}Edge`);
  const connection = named(`${typeName}Connection`);
  const where = named(`${typeName}Where`);
  const listWhere = named(`${typeName}ListWhere`);
  const args = named(`${typeName}ListArgs`);
  const groupArgs = named(`${typeName}GroupArgs`);
  const types: ModelTypes = { model, object, edge, connection, where, listWhere, args, groupArgs, ...aggregateTypes(model), ...orderAndGroupEnums(model) };
  registry.set(typeName, types);
  return types;
}

/** Fields are declared once every model has its classes: they refer to each other. */
function defineModel(types: ModelTypes): void {
  const { model, object, edge, connection, where, listWhere, args, groupArgs } = types;
  const { typeName } = model;

  // A column, or a row joined in, costs nothing of its own: its row is counted where the list is.
  for (const column of model.columns) {
    const [type, nullable] = columnType(model, column);
    Field(type, { nullable, complexity: 0, ...(column.description ? { description: column.description } : {}) })(object.prototype, column.name);
  }
  for (const relation of model.relations.filter((r) => r.kind === 'one')) {
    Field(() => typesOf(modelTypeName(relation.target)).object, {
      nullable: relation.nullable,
      complexity: ({ childComplexity }) => childComplexity,
      ...(relation.description ? { description: relation.description } : {}),
    })(object.prototype, relation.name);
  }
  for (const relation of model.relations.filter((r) => r.kind === 'many')) {
    const target = () => typesOf(modelTypeName(relation.target));
    argumentField(object, relation.name, () => target().connection, () => target().args, {
      complexity: listComplexity,
      description: relation.description ?? `Its ${relation.name}.`,
    });
  }
  ObjectType(typeName, model.description ? { description: model.description } : {})(object);

  Field(() => String, { description: 'Where this row is in the list: pass it as after or before.', complexity: 0 })(edge.prototype, 'cursor');
  Field(() => object, { complexity: ({ childComplexity }) => childComplexity })(edge.prototype, 'node');
  ObjectType(`${typeName}Edge`)(edge);

  // What a list costs (complexity.ts multiplies it by the rows it holds): a row and what it nests.
  const perRow = ({ childComplexity }: { childComplexity: number }) => 1 + childComplexity;
  Field(() => [object], { description: 'The rows of this page.', complexity: perRow })(connection.prototype, 'nodes');
  Field(() => [edge], { description: 'The rows of this page with their cursors.', complexity: perRow })(connection.prototype, 'edges');
  Field(() => PageInfo)(connection.prototype, 'pageInfo');
  Field(() => Int, { description: 'Rows the where matches, in all pages.' })(connection.prototype, 'totalCount');
  Field(() => types.aggregates, { description: 'count, sum, avg, min and max over every row the where matches.', complexity: AGGREGATE_COST })(
    connection.prototype,
    'aggregates',
  );
  argumentField(connection, 'groupedAggregates', () => [types.grouped], () => types.groupArgs, {
    description: `Aggregates per group of the rows the where matches, by the keys' values (at most ${MAX_GROUPS} groups).`,
    complexity: () => GROUPED_COST,
  });
  ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} rows.` })(connection);

  for (const column of model.columns) {
    const filter = filterOf(column);
    if (filter) Field(() => filter, { nullable: true })(where.prototype, column.name);
  }
  for (const relation of model.relations) {
    const target = () => typesOf(modelTypeName(relation.target));
    if (relation.kind === 'one') Field(() => target().where, { nullable: true, description: 'The related row exists and matches.' })(where.prototype, relation.name);
    else Field(() => target().listWhere, { nullable: true })(where.prototype, relation.name);
  }
  declareWhere(where, typeName);

  Field(() => where, { nullable: true, description: 'At least one related row matches.' })(listWhere.prototype, 'some');
  Field(() => where, { nullable: true, description: 'No related row matches.' })(listWhere.prototype, 'none');
  InputType(`${typeName}ListWhere`, { description: `Conditions on the related ${typeName} rows.` })(listWhere);

  declareListArgs(args, types.orderBy, where, describeOrder(model.order));

  Field(() => [types.groupBy], { description: 'The columns whose values make a group, in the order of its keys.' })(groupArgs.prototype, 'groupBy');
  ArgsType()(groupArgs);
}

/**
 * A field with arguments on a generated type. type-graphql declares such a field as a
 * method; its resolver is installed once the schema is built (wireGraph.ts), which
 * answers it from the planned row without type-graphql's per-call work.
 */
function argumentField(
  type: ClassType,
  name: string,
  returns: () => TypeRef | [TypeRef],
  args: () => ClassType,
  options: { description: string; complexity: ComplexityEstimator },
) {
  const descriptor: PropertyDescriptor = { value: unwired, writable: true, configurable: true };
  Object.defineProperty(type.prototype, name, descriptor);
  Args(args)(type.prototype, name, 0);
  Field(returns, options)(type.prototype, name, descriptor);
}

function unwired(): never {
  throw new Error('a generated field runs before wireGraph installed its resolver');
}

const typeNameOfModel = new Map(graphModels.map((m) => [m.name, m.typeName]));
const modelTypeName = (modelName: string) => typeNameOfModel.get(modelName)!;

for (const types of graphModels.map(declareModel)) defineModel(types);

/** Every model's generated types. */
export const allModelTypes = (): ModelTypes[] => [...registry.values()];
