// A tenant's own domains (shop.example.com): requests whose Host is one are routed to
// it like its subdomain. Its OWNER adds and removes them; every process routes by the
// change at once.
import { classifyDatabaseError } from '../db/databaseErrors';
import { badInput, notFound } from '../errors';
import type { Services } from '../services';
import { hostnameOf, isDomainName, isUnder } from './hostnames';
import { announceDomainChange } from './tenantChanges';

/** The domain as stored: lowercase, no trailing dot; BAD_USER_INPUT (field domain) when it cannot be a tenant's. */
function validDomain(services: Services, input: string): string {
  const domain = hostnameOf(input) ?? '';
  if (!isDomainName(domain)) throw badInput(`"${input}" is not a host name such as shop.example.com`, { field: 'domain' });
  const { baseDomain } = services.config;
  if (baseDomain && isUnder(domain, baseDomain)) {
    throw badInput(`names under ${baseDomain} are the tenants' subdomains: use a domain of your own`, { field: 'domain' });
  }
  return domain;
}

const taken = (domain: string) => badInput(`${domain} is taken`, { field: 'domain' });

export async function addTenantDomain(services: Services, tenantId: string, input: string) {
  const domain = validDomain(services, input);
  if (await services.platform.tenantDomain.findUnique({ where: { domain }, select: { id: true } })) throw taken(domain);
  try {
    const added = await services.platform.tenantDomain.create({ data: { tenantId, domain } });
    await announceDomainChange(services, domain);
    return added;
  } catch (error) {
    // Two adds of one domain at once both pass the check; the unique index picks one.
    if (classifyDatabaseError(error)?.kind === 'uniqueViolation') throw taken(domain);
    throw error;
  }
}

export async function removeTenantDomain(services: Services, tenantId: string, input: string) {
  const domain = hostnameOf(input) ?? '';
  const row = await services.platform.tenantDomain.findUnique({ where: { domain } });
  // Another tenant's domain is not this tenant's to remove, nor to learn about.
  if (!row || row.tenantId !== tenantId) throw notFound(`domain ${domain || input}`);
  await services.platform.tenantDomain.delete({ where: { id: row.id } });
  await announceDomainChange(services, domain);
  return row;
}

/** Frees a tenant's domains (its data is gone): someone else may use them. */
export async function releaseTenantDomains(services: Services, tenantId: string): Promise<void> {
  const domains = await services.platform.tenantDomain.findMany({ where: { tenantId }, select: { domain: true } });
  await services.platform.tenantDomain.deleteMany({ where: { tenantId } });
  for (const { domain } of domains) await announceDomainChange(services, domain);
}
