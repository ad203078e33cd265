// Slug -> tenant row, cached (cache/readThroughCache.ts). A request pays for a
// platform query only when its tenant is not in the cache; concurrent misses for one
// slug share that query. A change to a tenant, made by any process, reaches every
// process's registry through the change feed (tenantChanges.ts).
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import type { Tenant } from '../generated/platform/client';
import type { ChangeFeed } from './tenantChanges';

export type TenantRecord = Tenant;

export class TenantRegistry {
  private readonly cache: ReadThroughCache<TenantRecord | null>;
  private readonly listeners: Array<(tenant: TenantRecord | undefined, slug: string) => void> = [];

  constructor(platform: PlatformDb, changes: ChangeFeed, ttlMs: number, maxEntries = 10_000) {
    this.cache = new ReadThroughCache({ ttlMs, max: maxEntries, read: (slug) => platform.tenant.findUnique({ where: { slug } }) });
    changes.follow(this, (change) => change.slug);
  }

  /** The tenant with this slug, or undefined when there is none. */
  async find(slug: string): Promise<TenantRecord | undefined> {
    return (await this.cache.get(slug)) ?? undefined;
  }

  /** Forget what is cached for `slug`; listeners (the tenant databases) drop what they hold for it. */
  invalidate(slug: string): void {
    const cached = this.cache.peek(slug) ?? undefined;
    this.cache.invalidate(slug);
    for (const listener of this.listeners) listener(cached, slug);
  }

  /** Forget every tenant, as `invalidate` does each: changes to them may have gone unannounced. */
  clear(): void {
    for (const slug of this.cache.keys()) this.invalidate(slug);
    this.cache.clear();
  }

  onInvalidate(listener: (tenant: TenantRecord | undefined, slug: string) => void): void {
    this.listeners.push(listener);
  }
}
