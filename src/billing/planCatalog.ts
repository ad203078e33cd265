// Plans by id, cached (cache/readThroughCache.ts): every metered request and every
// limited create needs its tenant's plan, and plans change only when a start writes
// the catalogue (plans.ts), which announces it on the change feed (tenantChanges.ts).
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import type { Plan } from '../generated/platform/client';
import { EVERY_KEY, type ChangeFeed } from '../tenancy/tenantChanges';

export class PlanCatalog {
  private readonly cache: ReadThroughCache<Plan>;

  constructor(platform: PlatformDb, changes: ChangeFeed, ttlMs: number) {
    this.cache = new ReadThroughCache({ ttlMs, max: 1_000, read: (id) => platform.plan.findUniqueOrThrow({ where: { id } }) });
    changes.follow(this.cache, (change) => (change.plans ? EVERY_KEY : undefined));
  }

  get(id: string): Promise<Plan> {
    return this.cache.get(id);
  }
}
