// The fleet at a glance, for the operator console and scripts alike: usage per day
// over several tenants, the busiest tenants, the database servers.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { utcDays } from '../../billing/calendar';
import { engineName } from '../../engine';
import { busiestTenants, dailyTotals } from '../../billing/usageFigures';
import { serverStatuses } from '../../provisioning/serverStatus';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { DateScalar } from '../scalars';
import { DatabaseServer, TenantUsage, UsageTotal } from './fleetTypes';
import { recordsScope, requirePlatformAdmin } from './platformScope';
import { readUsage } from './usagePeriod';

const MAX_TOP = 100;

@Resolver()
export class FleetResolver {
  @Query(() => [UsageTotal], {
    description:
      "API calls, errors and the 95th percentile latency per UTC day from `from` to `to` (inclusive, at most 366 days), every day listed: of the whole fleet for platform admins (or of `tenant`), of the request's tenant for its OWNER and ADMIN.",
  })
  @Unmetered()
  async usageTotals(
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Arg('tenant', () => String, { nullable: true }) tenant: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const { rows, latency } = await readUsage(ctx.services, { tenantId: await recordsScope(ctx, tenant, 'records.read'), from, to });
    return dailyTotals(utcDays(from, to), rows, latency);
  }

  @Query(() => [TenantUsage], { description: 'Platform admins: the tenants with the most API calls from `from` to `to` (inclusive, at most 366 days), busiest first.' })
  @Unmetered()
  async topTenants(
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Arg('limit', () => Int, { defaultValue: 10, description: `1-${MAX_TOP}.` }) limit: number,
    @Ctx() ctx: GatewayContext,
  ) {
    requirePlatformAdmin(ctx);
    const { rows, latency } = await readUsage(ctx.services, { tenantId: null, from, to });
    const top = busiestTenants(rows, latency, Math.min(Math.max(limit, 1), MAX_TOP));
    const tenants = await ctx.services.platform.tenant.findMany({ where: { id: { in: top.map((t) => t.tenantId) } }, include: { plan: true } });
    const byId = new Map(tenants.map((t) => [t.id, t]));
    // A tenant deleted since keeps its usage rows only until its cascade: leave it out.
    return top.filter((t) => byId.has(t.tenantId)).map((t) => ({ ...t, tenant: byId.get(t.tenantId) }));
  }

  @Query(() => [DatabaseServer], { description: 'Platform admins: every database server of TENANT_SERVERS, with its tenants and this process’s connections to it; each is asked SELECT 1 now.' })
  @Unmetered()
  async databaseServers(@Ctx() ctx: GatewayContext) {
    requirePlatformAdmin(ctx);
    const statuses = await serverStatuses(ctx.services);
    return statuses.map((s) => ({ ...s, engine: engineName(s.engine) }));
  }
}
