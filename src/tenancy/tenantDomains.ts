// Custom domain -> tenant slug, cached, so a request whose Host is a tenant's own
// domain is routed like a subdomain without a platform query each time. Only a
// verified domain routes (manageDomains.ts). Misses are cached too (most hosts are no
// tenant's). Verifying or removing a domain is announced (tenantChanges.ts) and every
// process forgets that name at once.
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/platformClient';

interface Route {
  slug: string | null;
}

export class TenantDomains {
  private readonly cache: LRUCache<string, Route> | null;

  constructor(
    private readonly platform: PlatformDb,
    ttlMs: number,
    maxEntries = 10_000,
  ) {
    this.cache = ttlMs > 0 ? new LRUCache<string, Route>({ max: maxEntries, ttl: ttlMs, fetchMethod: (domain) => this.read(domain) }) : null;
  }

  private async read(domain: string): Promise<Route> {
    const row = await this.platform.tenantDomain.findFirst({ where: { domain, verifiedAt: { not: null } }, select: { tenant: { select: { slug: true } } } });
    return { slug: row?.tenant.slug ?? null };
  }

  /** The slug of the tenant whose domain `hostname` is, if any. */
  async slugOf(hostname: string): Promise<string | undefined> {
    const route = this.cache ? await this.cache.fetch(hostname) : await this.read(hostname);
    return route?.slug ?? undefined;
  }

  forget(domain: string): void {
    this.cache?.delete(domain);
  }

  clear(): void {
    this.cache?.clear();
  }
}
