import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { addTenantDomain, removeTenantDomain } from '../../tenancy/manageDomains';
import type { GatewayContext } from '../context';
import { TenantDomain } from './types';

@Resolver(() => TenantDomain)
export class DomainResolver {
  @Mutation(() => TenantDomain, {
    description: "The request's tenant (its OWNER) gets a domain of its own: requests with that Host are routed to it. Point the name's DNS at the gateway.",
  })
  async addTenantDomain(@Arg('domain', () => String, { description: 'e.g. shop.example.com; not under BASE_DOMAIN.' }) domain: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('domains.manage');
    return addTenantDomain(ctx.services, tenant.id, domain);
  }

  @Mutation(() => TenantDomain, { description: "Requests for the domain are no longer routed to the request's tenant (its OWNER)." })
  async removeTenantDomain(@Arg('domain', () => String) domain: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('domains.manage');
    return removeTenantDomain(ctx.services, tenant.id, domain);
  }
}
