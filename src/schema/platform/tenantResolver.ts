import { reachesEveryTenant } from '../../auth/policy';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../errors';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { Plan, Tenant, TenantDomain } from './types';

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => [Tenant], { description: "The caller's tenants; every tenant for platform admins." })
  @Unmetered()
  tenants(@Ctx() ctx: GatewayContext) {
    const user = ctx.requireUser();
    return ctx.services.platform.tenant.findMany({
      where: reachesEveryTenant(user) ? {} : { memberships: { some: { userId: user.userId } } },
      include: { plan: true },
      orderBy: { slug: 'asc' },
    });
  }

  @Query(() => Tenant, { description: 'One of your tenants by slug.' })
  @Unmetered()
  async tenant(@Arg('slug', () => String) slug: string, @Ctx() ctx: GatewayContext) {
    const user = ctx.requireUser();
    const tenant = await ctx.services.platform.tenant.findFirst({
      where: { slug, ...(reachesEveryTenant(user) ? {} : { memberships: { some: { userId: user.userId } } }) },
      include: { plan: true },
    });
    // Someone else's tenant looks exactly like a missing one.
    if (!tenant) throw notFound(`tenant "${slug}"`);
    return tenant;
  }

  @FieldResolver(() => [TenantDomain], { description: 'Its own domains, routed to it like its subdomain.' })
  domains(@Root() tenant: { id: string }, @Ctx() ctx: GatewayContext) {
    return ctx.services.platform.tenantDomain.findMany({ where: { tenantId: tenant.id }, orderBy: { domain: 'asc' } });
  }

  @Query(() => [Plan], { description: 'The plans on offer.' })
  @Unmetered()
  plans(@Ctx() ctx: GatewayContext) {
    return ctx.services.platform.plan.findMany({ orderBy: { sortOrder: 'asc' } });
  }
}
