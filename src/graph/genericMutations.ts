// The mutations of a model no module claims (a deployment's own, in tenant-models/):
// `createGymClass(input:)`, `updateGymClass(id:, input:)` (only the fields given
// change) and `deleteGymClass(id:)` (answers the row as it was). Inputs are generated
// from the model: required fields are those without a default, each typed as the
// column. Who may write is the model's `@access write` (MEMBER by default); a create
// needs room in the plan's storage (maxStorageMb), the one limit on every model's rows.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, Field, ID, Info, InputType, Int, Float, Mutation, Resolver, type ClassType } from 'type-graphql';
import { authorizeRole } from '../auth/policy';
import { withinStorageLimit } from '../billing/planLimits';
import { parseId } from '../ids';
import type { GatewayContext } from '../schema/context';
import { WritesModel } from '../schema/personalInputs';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from '../schema/scalars';
import { allModelTypes, isStringList, tenantEnum } from './modelTypes';
import { upperFirst } from '../model/names';
import { readTenant } from './readTenant';
import type { Column, Model } from '../model/tenantModel';
import { createRow, deleteRow, updateRow } from './modelWrites';

const INPUT_SCALARS: Record<string, unknown> = {
  ID,
  String,
  Int,
  Float,
  Boolean,
  Decimal: DecimalScalar,
  DateTime: DateTimeScalar,
  Date: DateScalar,
};

function inputType(column: Column): () => unknown {
  if (column.scalar === 'Enum') return () => tenantEnum(column.enum!);
  if (column.scalar === 'Json') return isStringList(column) ? () => [String] : () => JSONScalar;
  return () => INPUT_SCALARS[column.scalar];
}

/** Columns a client sets: all but the id and what the database keeps itself (updatedAt). */
const writable = (model: Model) => model.columns.filter((c) => !c.isId && !c.isUpdatedAt);

function inputClass(model: Model, kind: 'Create' | 'Update'): ClassType {
  const name = `${kind}${model.typeName}Input`;
  const cls = { [name]: class {} }[name] as ClassType;
  for (const column of writable(model)) {
    const optional = kind === 'Update' || column.nullable || column.hasDefault;
    Field(inputType(column) as () => ClassType, { nullable: optional, ...(column.description ? { description: column.description } : {}) })(cls.prototype, column.name);
  }
  // Its @personal columns' values stay out of the audit log.
  WritesModel(model.name)(cls);
  InputType(name, { description: kind === 'Create' ? `A new ${model.typeName}.` : `What changes of a ${model.typeName}: only the fields given.` })(cls);
  return cls;
}

/** Resolver classes with the generic mutations of every model no module claims, but those named in `written`. */
export function generatedMutations(written: ReadonlySet<string>): ClassType[] {
  return allModelTypes()
    .filter(({ model }) => !model.module)
    .map(({ model, object }) => {
      const name = `${model.typeName}Mutations`;
      const resolver = { [name]: class {} }[name] as ClassType;
      const create = inputClass(model, 'Create');
      const update = inputClass(model, 'Update');
      const define = (field: string, value: (...params: never[]) => unknown, params: Array<(target: object, key: string, index: number) => void>, description: string, readsItsAnswer = false) => {
        if (written.has(field)) return;
        const descriptor: PropertyDescriptor = { value, writable: true, configurable: true };
        Object.defineProperty(resolver.prototype, field, descriptor);
        params.forEach((param, index) => param(resolver.prototype, field, index));
        Mutation(() => object, { description })(resolver.prototype, field, descriptor);
        if (readsItsAnswer) Extensions({ answersPlannedRow: true })(resolver.prototype, field, descriptor);
      };
      const writer = async (ctx: GatewayContext) => {
        const scope = await ctx.tenant('data.write');
        authorizeRole(scope.role, model.access.write, `change ${model.plural}`);
        return scope;
      };
      define(
        `create${upperFirst(model.typeName)}`,
        async (input: Record<string, unknown>, ctx: GatewayContext) => {
          const scope = await writer(ctx);
          await withinStorageLimit(ctx.services, scope);
          return createRow(scope.db, model, { ...input });
        },
        [Arg('input', () => create), Ctx()],
        `Creates a ${model.typeName}.`,
      );
      define(
        `update${upperFirst(model.typeName)}`,
        async (id: string, input: Record<string, unknown>, ctx: GatewayContext) => updateRow((await writer(ctx)).db, model, parseId(id), { ...input }),
        [Arg('id', () => ID), Arg('input', () => update), Ctx()],
        `Changes the fields given of a ${model.typeName}.`,
      );
      define(
        `delete${upperFirst(model.typeName)}`,
        async (id: string, ctx: GatewayContext, info: GraphQLResolveInfo) => {
          const { db } = await writer(ctx);
          // The answer is the row as it was: read before it goes.
          const row = await readTenant(ctx, info, { kind: 'one', id: parseId(id), what: model.singular });
          await deleteRow(db, model, parseId(id));
          return row;
        },
        [Arg('id', () => ID), Ctx(), Info()],
        `Deletes a ${model.typeName} that no row refers to; answers it as it was.`,
        true,
      );
      Resolver()(resolver);
      return resolver;
    });
}
