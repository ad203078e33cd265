import { reachesEveryTenant } from '../../auth/policy';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../errors';
import { Isolation, TenantEngine, TenantStatus } from '../../generated/platform/enums';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { pageComplexity } from '../tenant/complexity';
import { platformList } from './platformConnection';
import { dateTimeColumn, enumColumn, platformWhere, relatedWhere, textColumn } from './platformWhere';
import { Plan, Tenant, TenantDomain } from './types';

const TenantList = platformList(Tenant, {
  fields: {
    slug: textColumn(),
    name: textColumn(),
    status: enumColumn('TenantStatus', TenantStatus),
    engine: enumColumn('TenantEngine', TenantEngine),
    isolation: enumColumn('Isolation', Isolation),
    server: textColumn({ description: 'The database server that holds its data (a key of TENANT_SERVERS).' }),
    plan: relatedWhere(platformWhere('Plan', { code: textColumn(), name: textColumn() })),
    createdAt: dateTimeColumn(),
  },
  orderBy: ['slug', 'name', 'status', 'createdAt'],
  defaultOrder: [['slug', 'asc']],
  read: { include: { plan: true } },
});

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => TenantList.connectionType, { complexity: pageComplexity, description: "The caller's tenants; every tenant for platform admins." })
  @Unmetered()
  tenants(@Args(() => TenantList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    const user = ctx.requireUser();
    return TenantList.connection(ctx.services.platform.tenant, args, reachesEveryTenant(user) ? null : { memberships: { some: { userId: user.userId } } });
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

  @Query(() => [Plan], { description: 'The plans on offer, all of them (a handful: no pages).' })
  @Unmetered()
  plans(@Ctx() ctx: GatewayContext) {
    return ctx.services.platform.plan.findMany({ orderBy: { sortOrder: 'asc' } });
  }
}
