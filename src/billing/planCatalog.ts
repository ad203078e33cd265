// Plans by id, cached: every metered request and every limited create needs its
// tenant's plan, and plans change only when a start writes the catalogue (plans.ts),
// which announces it (tenantChanges.ts).
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/platformClient';
import type { Plan } from '../generated/platform/client';

export class PlanCatalog {
  private readonly cache: LRUCache<string, Plan>;

  constructor(platform: PlatformDb, ttlMs: number) {
    this.cache = new LRUCache({
      max: 1_000,
      ttl: Math.max(ttlMs, 1),
      fetchMethod: (id) => platform.plan.findUniqueOrThrow({ where: { id } }),
    });
  }

  clear(): void {
    this.cache.clear();
  }

  async get(id: string): Promise<Plan> {
    return (await this.cache.fetch(id))!;
  }
}
