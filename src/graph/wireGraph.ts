// Resolvers of the generated graph, installed on the schema once it is built. A
// planned row holds its relations and nested lists under `$<response key>`: the
// field answers that value, with no per-row work beyond a property read. A row no
// plan made (a report's account, a mutation's payload, the resolver path) lacks
// them: its relation is then read by id, a batch per level (rowLoaders.ts).
// Mutations that answer a row of the model answer it as a planned read, and so does
// a hand-written type's field of a model's type (a report's account, an adjustment's
// product): a type has one row shape whoever produced it, and the row is read under
// the same access rules as everywhere (a column only admins read stays theirs).
import { GraphQLList, GraphQLObjectType, getNamedType, getNullableType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { relationPlan, rowsPlan } from '../planner/plan';
import { notFound } from '../errors';
import { answerKey, type Row } from '../planner/shape';
import type { GatewayContext } from '../schema/context';
import { computedColumns } from '../planner/computed';
import { allModelTypes } from './modelTypes';
import { modelOfType, type Model } from '../model/tenantModel';

type Resolve = GraphQLFieldResolver<Row, GatewayContext>;

export function wireGraph(schema: GraphQLSchema): void {
  for (const { model } of allModelTypes()) {
    const fields = (schema.getType(model.typeName) as { getFields(): Record<string, GraphQLField<Row, GatewayContext>> }).getFields();
    for (const relation of model.relations) fields[relation.name].resolve = relationResolver(model);
    for (const field of Object.values(fields)) {
      const computed = computedColumns(field);
      if (computed && field.resolve && model.columns.some((c) => c.name === field.name)) field.resolve = shadowingColumn(field.name, field.resolve);
      else if (field.resolve && !computed && !model.relations.some((r) => r.name === field.name)) {
        throw new Error(`${model.typeName}.${field.name} has a resolver: mark it @Computed with the columns it reads`);
      }
    }
    const grouped = (schema.getType(`${model.typeName}Connection`) as { getFields(): Record<string, GraphQLField<Row, GatewayContext>> }).getFields().groupedAggregates;
    grouped.resolve = (list, _args, _ctx, info) => list[answerKey(info.path.key as string)];
  }
  // Rows of a model that a resolver answers rather than the graph's own fields: a
  // mutation's payload, a field of a hand-written type (a report's account).
  const generated = new Set(allModelTypes().flatMap(({ model }) => [model.typeName, `${model.typeName}Connection`, `${model.typeName}Edge`]));
  const graphRoots = new Set([schema.getQueryType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || graphRoots.has(type) || generated.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const model = modelOfType(getNamedType(field.type).name);
      if (!model || field.extensions.answersPlannedRow) continue;
      const resolve = field.resolve ?? ((source: unknown) => (source as Record<string, unknown>)[field.name]);
      field.resolve = answeredThroughPlanner(model, resolve, getNullableType(field.type) instanceof GraphQLList);
    }
  }
}

function relationResolver(model: Model): Resolve {
  const readById: Resolve = async (row, _args, ctx, info) => {
    const { rows } = await ctx.tenant();
    const plan = relationPlan(info, model, ctx.services.config.plannedReads);
    const parent = await rows.load(plan, row.id as string, info.variableValues);
    return parent ? parent[answerKey(info.path.key as string)] : null;
  };
  return (row, args, ctx, info) => {
    const answered = row[answerKey(info.path.key as string)];
    return answered !== undefined ? answered : readById(row, args, ctx, info);
  };
}

/** A computed field named after its own column answers the column when asked without arguments. */
const shadowingColumn =
  (name: string, resolve: Resolve): Resolve =>
  (row, args, ctx, info) =>
    Object.keys(args).length === 0 ? row[name] : resolve(row, args, ctx, info);

/**
 * The rows `resolve` answers, read again through the planner by id as the field asks
 * for them, a batch per field and level: one missing is NOT_FOUND, or null in a list.
 */
function answeredThroughPlanner(model: Model, resolve: GraphQLFieldResolver<unknown, GatewayContext>, list: boolean): GraphQLFieldResolver<unknown, GatewayContext> {
  return async (source, args, ctx, info) => {
    const answer = (await resolve(source, args, ctx, info)) as { id: string } | Array<{ id: string }> | null | undefined;
    if (answer === null || answer === undefined) return answer;
    const { rows } = await ctx.tenant();
    const plan = rowsPlan(info, model, ctx.services.config.plannedReads);
    const load = (id: string) => rows.load(plan, id, info.variableValues);
    if (list) return Promise.all((answer as Array<{ id: string }>).map(async ({ id }) => (await load(id)) ?? null));
    const row = await load((answer as { id: string }).id);
    if (!row) throw notFound(model.singular);
    return row;
  };
}
