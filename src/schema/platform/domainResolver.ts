import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { verificationRecord } from '../../tenancy/domainVerification';
import { addTenantDomain, removeTenantDomain, verifyTenantDomain } from '../../tenancy/manageDomains';
import type { GatewayContext } from '../context';
import { DnsRecord, TenantDomain } from './types';

interface DomainRow {
  domain: string;
  verificationToken: string;
  verifiedAt: Date | null;
}

@Resolver(() => TenantDomain)
export class DomainResolver {
  @Mutation(() => TenantDomain, {
    description:
      "The request's tenant (its OWNER) claims a domain of its own (again: the same claim). It routes once verified: publish its verificationRecord, point the name at the gateway, then verifyTenantDomain.",
  })
  async addTenantDomain(@Arg('domain', () => String, { description: 'e.g. shop.example.com; not under BASE_DOMAIN.' }) domain: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('domains.manage');
    return addTenantDomain(ctx.services, tenant.id, domain);
  }

  @Mutation(() => TenantDomain, {
    description:
      "Looks the claimed domain's verificationRecord up in DNS; found, requests for the domain are routed to the request's tenant (its OWNER), unless another tenant verified it first (BAD_USER_INPUT, taken). DNS_UNAVAILABLE when the DNS servers do not answer.",
  })
  async verifyTenantDomain(@Arg('domain', () => String) domain: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('domains.manage');
    return verifyTenantDomain(ctx.services, tenant.id, domain);
  }

  @Mutation(() => TenantDomain, { description: "Withdraws the request's tenant's (its OWNER's) claim: the domain is no longer routed to it." })
  async removeTenantDomain(@Arg('domain', () => String) domain: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('domains.manage');
    return removeTenantDomain(ctx.services, tenant.id, domain);
  }

  @FieldResolver(() => Boolean, { description: 'Whether requests for it are routed to the tenant.' })
  verified(@Root() row: DomainRow): boolean {
    return row.verifiedAt !== null;
  }

  @FieldResolver(() => DnsRecord, { description: 'What to publish in DNS to prove the domain is the tenant\'s.' })
  verificationRecord(@Root() row: DomainRow): DnsRecord {
    return verificationRecord(row.domain, row.verificationToken);
  }
}
