// Tenant root fields read through the planner (src/planner): one statement each.
import type { GraphQLResolveInfo } from 'graphql';
import { plannedRead } from '../../planner/plannedRead';
import type { RootRead } from '../../planner/plannedStatement';
import type { GatewayContext } from '../context';

export async function readTenant(ctx: GatewayContext, info: GraphQLResolveInfo, read: RootRead): Promise<any> {
  const { target } = await ctx.tenant();
  return plannedRead(target, info, read, ctx.services.config.plannedReads);
}
