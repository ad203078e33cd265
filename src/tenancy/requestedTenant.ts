// Which tenant a request is for. Four places may say: the X-Tenant header, the
// subdomain of Host (when BASE_DOMAIN is set), Host as a tenant's own domain, and
// the token's tenant claim. Any that speak must agree; the first present wins. A
// conflict names what the caller sent, never whose the domain is.
import { hostnameOf } from './hostnames';

export interface TenantSources {
  header?: string | undefined;
  host?: string | undefined;
  /** The tenant whose custom domain Host is (looked up by the caller: tenantDomains.ts). */
  domain?: string | undefined;
  claim?: string | undefined;
}

export interface RequestedTenant {
  slug: string | null;
  /** Set when two sources name different tenants: the request may not touch either. */
  conflict: string | null;
}

export function subdomainTenant(host: string | undefined, baseDomain: string | undefined): string | undefined {
  const hostname = hostnameOf(host);
  if (!hostname || !baseDomain) return undefined;
  const suffix = `.${baseDomain}`;
  if (!hostname.endsWith(suffix)) return undefined;
  const label = hostname.slice(0, -suffix.length);
  return label && !label.includes('.') ? label : undefined;
}

type Named = [source: string, slug: string];

export function requestedTenant(sources: TenantSources, baseDomain: string | undefined): RequestedTenant {
  const named = [
    ['X-Tenant header', sources.header?.trim().toLowerCase()],
    ['subdomain', subdomainTenant(sources.host, baseDomain)],
    ['domain', sources.domain],
    ['token', sources.claim],
  ].filter((entry): entry is Named => Boolean(entry[1]));
  if (named.length === 0) return { slug: null, conflict: null };
  const [first] = named;
  const disagreeing = named.find(([, slug]) => slug !== first[1]);
  return { slug: first[1], conflict: disagreeing ? conflictOf(first, disagreeing) : null };
}

function conflictOf([firstSource, firstSlug]: Named, [otherSource, otherSlug]: Named): string {
  if (firstSource === 'domain') return `the domain routes to another tenant than the ${otherSource} names ("${otherSlug}")`;
  if (otherSource === 'domain') return `the domain routes to another tenant than the ${firstSource} names ("${firstSlug}")`;
  return `the ${firstSource} names "${firstSlug}" but the ${otherSource} names "${otherSlug}"`;
}
