// What an operator reads about a tenant beside its record: where its data lives, how
// much of the month's quota it used, how much room its data takes. Its usage is its
// records (policy.ts, records.read): platform admins and the tenant's OWNERs and ADMINs.
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { storageUsedMb } from '../../billing/storageUsed';
import type { Tenant as TenantRow } from '../../generated/platform/client';
import type { GatewayContext } from '../context';
import { authorizeInTenant } from './platformScope';
import { Tenant } from './types';

/** Statuses in which a tenant has tables to measure. */
const HAS_DATA = new Set(['ACTIVE', 'SUSPENDED']);

@Resolver(() => Tenant)
export class TenantStandingResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'The database server holding its data (a name from TENANT_SERVERS); null for a tenant on a database of its own (createTenant’s external). Platform admins and its OWNERs and ADMINs.',
  })
  async server(@Root() tenant: TenantRow, @Ctx() ctx: GatewayContext) {
    await authorizeInTenant(ctx, tenant.id, 'records.read');
    return tenant.externalUrlCipher ? null : tenant.server;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'API calls counted this UTC month, against its plan’s maxApiCallsPerMonth. Platform admins and its OWNERs and ADMINs.',
  })
  async apiCallsThisMonth(@Root() tenant: TenantRow, @Ctx() ctx: GatewayContext) {
    await authorizeInTenant(ctx, tenant.id, 'records.read');
    return ctx.services.usage.monthToDate(tenant.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'The room its data takes now, in MB to a tenth, as the plan’s maxStorageMb counts it; null while it has no tables (not ACTIVE or SUSPENDED). Measured on its database server: ask for it per tenant, not over a long list. Platform admins and its OWNERs and ADMINs.',
  })
  async storageUsedMb(@Root() tenant: TenantRow, @Ctx() ctx: GatewayContext) {
    await authorizeInTenant(ctx, tenant.id, 'records.read');
    if (!HAS_DATA.has(tenant.status)) return null;
    const record = await ctx.services.registry.find(tenant.slug);
    if (!record) return null;
    const lease = ctx.services.pool.acquire(record);
    try {
      return await storageUsedMb(lease.target);
    } finally {
      lease.release();
    }
  }
}
