// A tenant's own domains (shop.example.com): its OWNER claims one, publishes the TXT
// record the claim names (domainVerification.ts) and verifies it; from then on
// requests whose Host is the domain are routed to the tenant like its subdomain, on
// every process at once. Tenants may claim one domain together: the first to prove
// it owns it, and no answer tells one tenant of another's claim or whose a domain is.
import { classifyDatabaseError } from '../db/databaseErrors';
import { badInput, notFound } from '../errors';
import type { Services } from '../services';
import { isProven, newVerificationToken, verificationRecord } from './domainVerification';
import { hostnameOf, isDomainName, isUnder } from './hostnames';
import { announceDomainChange } from './tenantChanges';

/** The domain as stored: lowercase, no trailing dot; BAD_USER_INPUT (field domain) when it cannot be a tenant's. */
function validDomain(services: Pick<Services, 'config'>, input: string): string {
  const domain = hostnameOf(input) ?? '';
  if (!isDomainName(domain)) throw badInput(`"${input}" is not a host name such as shop.example.com`, { field: 'domain' });
  const { baseDomain } = services.config;
  if (baseDomain && isUnder(domain, baseDomain)) {
    throw badInput(`names under ${baseDomain} are the tenants' subdomains: use a domain of your own`, { field: 'domain' });
  }
  return domain;
}

/** The tenant's claim of a domain, or NOT_FOUND: another tenant's claim is not this one's to learn about. */
async function claimOf(services: Pick<Services, 'platform'>, tenantId: string, input: string) {
  const domain = hostnameOf(input) ?? '';
  const claim = await services.platform.tenantDomain.findUnique({ where: { tenantId_domain: { tenantId, domain } } });
  if (!claim) throw notFound(`domain ${domain || input}`);
  return claim;
}

/** Claims a domain for the tenant (again: the same claim), unverified: it routes nowhere until verifyTenantDomain. */
export async function addTenantDomain(services: Pick<Services, 'config' | 'platform'>, tenantId: string, input: string) {
  const domain = validDomain(services, input);
  return services.platform.tenantDomain.upsert({
    where: { tenantId_domain: { tenantId, domain } },
    create: { tenantId, domain, verificationToken: newVerificationToken() },
    update: {},
  });
}

/** Looks the claim's TXT record up; found, the domain is the tenant's and routes to it, unless another tenant verified it first. */
export async function verifyTenantDomain(services: Pick<Services, 'config' | 'platform' | 'changes'>, tenantId: string, input: string) {
  const claim = await claimOf(services, tenantId, input);
  if (claim.verifiedAt) return claim;
  const { domain } = claim;
  if (!(await isProven(services.config.dns, domain, claim.verificationToken))) {
    const { name, value } = verificationRecord(domain, claim.verificationToken);
    throw badInput(`no TXT record at ${name} holds "${value}": publish it, then try again (DNS changes can take a while to reach everyone)`, {
      field: 'domain',
    });
  }
  try {
    const verified = await services.platform.tenantDomain.update({ where: { id: claim.id }, data: { verifiedAt: new Date() } });
    await announceDomainChange(services, domain);
    return verified;
  } catch (error) {
    // One verified claim per domain (a unique index over the verified rows): another tenant was first.
    if (classifyDatabaseError(error)?.kind === 'uniqueViolation') throw badInput(`${domain} is taken`, { field: 'domain' });
    throw error;
  }
}

/** Withdraws the tenant's claim; a verified domain stops routing to it. */
export async function removeTenantDomain(services: Pick<Services, 'platform' | 'changes'>, tenantId: string, input: string) {
  const claim = await claimOf(services, tenantId, input);
  await services.platform.tenantDomain.delete({ where: { id: claim.id } });
  if (claim.verifiedAt) await announceDomainChange(services, claim.domain);
  return claim;
}

/** Frees a tenant's domains (its data is gone): someone else may use them. */
export async function releaseTenantDomains(services: Pick<Services, 'platform' | 'changes'>, tenantId: string): Promise<void> {
  const domains = await services.platform.tenantDomain.findMany({ where: { tenantId, verifiedAt: { not: null } }, select: { domain: true } });
  await services.platform.tenantDomain.deleteMany({ where: { tenantId } });
  for (const { domain } of domains) await announceDomainChange(services, domain);
}
