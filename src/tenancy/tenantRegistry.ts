// Slug -> tenant row, cached. A request pays for a platform query only when its
// tenant is not in the cache; concurrent misses for one slug share that query.
// Changes made here invalidate at once; changes made by another gateway process
// reach this one through `invalidate` (wired to the event bus: tenantChanges.ts) or the TTL.
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/platformClient';
import type { Tenant } from '../generated/platform/client';

export type TenantRecord = Tenant;

export class TenantRegistry {
  private readonly cache: LRUCache<string, TenantRecord> | null;
  private readonly listeners: Array<(tenant: TenantRecord | undefined, slug: string) => void> = [];

  constructor(
    private readonly platform: PlatformDb,
    ttlMs: number,
    maxEntries = 10_000,
  ) {
    this.cache =
      ttlMs > 0
        ? new LRUCache<string, TenantRecord>({
            max: maxEntries,
            ttl: ttlMs,
            fetchMethod: async (slug) => (await this.read(slug)) ?? undefined,
          })
        : null;
  }

  private read(slug: string) {
    return this.platform.tenant.findUnique({ where: { slug } });
  }

  /** The tenant with this slug, or undefined when there is none. */
  async find(slug: string): Promise<TenantRecord | undefined> {
    if (!this.cache) return (await this.read(slug)) ?? undefined;
    return this.cache.fetch(slug);
  }

  /** Forget what is cached for `slug`; listeners (the tenant databases) drop what they hold for it. */
  invalidate(slug: string): void {
    const cached = this.cache?.peek(slug);
    this.cache?.delete(slug);
    for (const listener of this.listeners) listener(cached, slug);
  }

  /** Forget every tenant cached, as `invalidate` does each: changes to them may have gone unannounced. */
  clear(): void {
    for (const slug of [...(this.cache?.keys() ?? [])]) this.invalidate(slug);
  }

  onInvalidate(listener: (tenant: TenantRecord | undefined, slug: string) => void): void {
    this.listeners.push(listener);
  }
}
