// Custom domain -> tenant slug, cached (cache/readThroughCache.ts), so a request
// whose Host is a tenant's own domain is routed like a subdomain without a platform
// query each time. Only a verified domain routes (manageDomains.ts). Misses are cached
// too (most hosts are no tenant's). Verifying or removing a domain is announced on the
// change feed (tenantChanges.ts) and every process forgets that name at once.
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import type { ChangeFeed } from './tenantChanges';

export class TenantDomains {
  private readonly cache: ReadThroughCache<string | null>;

  constructor(platform: PlatformDb, changes: ChangeFeed, ttlMs: number, maxEntries = 10_000) {
    this.cache = new ReadThroughCache({
      ttlMs,
      max: maxEntries,
      read: async (domain) => {
        const row = await platform.tenantDomain.findFirst({ where: { domain, verifiedAt: { not: null } }, select: { tenant: { select: { slug: true } } } });
        return row?.tenant.slug ?? null;
      },
    });
    changes.follow(this.cache, (change) => change.domain);
  }

  /** The slug of the tenant whose domain `hostname` is, if any. */
  async slugOf(hostname: string): Promise<string | undefined> {
    return (await this.cache.get(hostname)) ?? undefined;
  }
}
