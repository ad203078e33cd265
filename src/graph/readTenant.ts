// Tenant root fields read through the planner (src/planner): one statement each.
import type { GraphQLResolveInfo } from 'graphql';
import { rowsPlan } from '../planner/plan';
import { plannedRead, type RootRead } from '../planner/plannedRead';
import type { GatewayContext } from '../schema/context';
import { modelOfType } from '../model/tenantModel';

export async function readTenant(ctx: GatewayContext, info: GraphQLResolveInfo, read: RootRead): Promise<any> {
  const { target, role } = await ctx.tenant();
  return plannedRead(target, role, info, read, ctx.services.config.plannedReads);
}

/** The row of model type `typeName` with `id` as the field `info` asks for it, batched per request (for hand-written types that point at rows). */
export async function readRowById(ctx: GatewayContext, info: GraphQLResolveInfo, typeName: string, id: string): Promise<unknown> {
  const model = modelOfType(typeName);
  if (!model) throw new Error(`${typeName} is not a type of the tenant model`);
  const { rows } = await ctx.tenant();
  return (await rows.load(rowsPlan(info, model, ctx.services.config.plannedReads), id, info.variableValues)) ?? null;
}
