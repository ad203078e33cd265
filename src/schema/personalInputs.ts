// Which arguments of a mutation carry personal data, so that the audit log never stores
// them (mutationTrail.ts): a customer's erasure cannot reach entries already written, so
// their values must not get there in the first place.
//
// Derived from the tenant model's `@personal` columns, not listed here: an input type, or
// a mutation for its own arguments, says with WritesModel which model's rows it fills, and
// each of its fields (arguments) named as a `@personal` column of that model carries that
// column's value. The inputs the graph generates from a model are marked by
// graph/genericMutations.ts; a module marks the inputs it writes by hand (CustomerInput,
// OrderInput and the customer it may create, a journal line, refundOrder's own arguments).
// A column marked `@personal` later is covered wherever an input already writes its model,
// and so is a field added under a personal column's name. FreeForm marks arguments of
// free-form text or JSON that may hold anyone's data whatever the model says of them (a
// bank statement's CSV, a tracked event's properties).
//
// The walk follows the arguments' GraphQL input types, so nested inputs and lists are
// covered: a personal field given a value is recorded as PERSONAL under its own key (an
// auditor still sees that the name changed, not to what); null, a value cleared, is kept.
import { isInputObjectType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType, type GraphQLInputObjectType } from 'graphql';
import { Extensions } from 'type-graphql';
import { tenantModel } from '../model/tenantModel';

type Row = Record<string, unknown>;

/** What the audit log records instead of a personal value. */
export const PERSONAL = '[personal]';

const personalColumns = new Map(tenantModel.models.map((model) => [model.name, model.columns.filter((c) => c.personal).map((c) => c.name)]));

/** On an input type or a mutation: its fields (its arguments) named as a column of `model` carry that column's value. */
export function WritesModel(model: string) {
  if (!personalColumns.has(model)) throw new Error(`WritesModel: the tenant model has no model ${model}`);
  return Extensions({ writesModel: model });
}

/** On a mutation: these arguments are free-form text or JSON, which may hold anyone's personal data. */
export const FreeForm = (...args: string[]) => Extensions({ freeForm: args });

/** The model whose rows an input type or mutation fills, as WritesModel says. */
export const writtenModel = (holder: { extensions: Readonly<Record<string, unknown>> }) => holder.extensions.writesModel as string | undefined;

/** The names of the holder's fields (or arguments) that carry personal data. */
const personalNames = (holder: GraphQLInputObjectType | GraphQLField<unknown, unknown>): ReadonlySet<string> =>
  new Set([...(personalColumns.get(writtenModel(holder) ?? '') ?? []), ...((holder.extensions.freeForm as string[] | undefined) ?? [])]);

const ofInputType = new WeakMap<GraphQLInputObjectType, ReadonlySet<string>>();
function personalFields(type: GraphQLInputObjectType): ReadonlySet<string> {
  let names = ofInputType.get(type);
  if (!names) ofInputType.set(type, (names = personalNames(type)));
  return names;
}

function withoutPersonal(value: unknown, type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return value;
  if (isListType(inner)) return Array.isArray(value) ? value.map((item) => withoutPersonal(item, inner.ofType)) : value;
  if (isInputObjectType(inner)) return replaced(value as Row, inner.getFields(), personalFields(inner));
  return value;
}

function replaced(values: Row, definitions: Record<string, { type: GraphQLInputType }>, personal: ReadonlySet<string>): Row {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value !== null && personal.has(name) ? PERSONAL : withoutPersonal(value, definitions[name].type)]),
  );
}

/** For a mutation field: its arguments as the audit log may keep them, every personal value replaced by PERSONAL. */
export function auditableArgs(field: GraphQLField<unknown, unknown>): (args: Row) => Row {
  const personal = personalNames(field);
  const definitions = Object.fromEntries(field.args.map((arg) => [arg.name, arg]));
  for (const name of (field.extensions.freeForm as string[] | undefined) ?? []) {
    if (!definitions[name]) throw new Error(`FreeForm: Mutation.${field.name} has no argument ${name}`);
  }
  return (args) => replaced(args, definitions, personal);
}
