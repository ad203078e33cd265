// A user's role in a tenant, looked up on the platform database and cached briefly:
// every tenant-scoped request needs it, and it rarely changes. A change (members/)
// is announced on the event bus, and every process invalidates at once (tenantChanges.ts).
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/platformClient';
import type { MemberRole } from '../generated/platform/client';

const NONE = 'NONE';

export class MembershipCache {
  private readonly cache: LRUCache<string, MemberRole | typeof NONE>;

  constructor(
    private readonly platform: PlatformDb,
    ttlMs: number,
  ) {
    this.cache = new LRUCache({
      max: 50_000,
      ttl: Math.max(ttlMs, 1),
      fetchMethod: async (key) => {
        const [userId, tenantId] = key.split(':');
        const membership = await this.platform.membership.findUnique({
          where: { userId_tenantId: { userId, tenantId } },
          select: { role: true },
        });
        return membership?.role ?? NONE;
      },
    });
  }

  async roleOf(userId: string, tenantId: string): Promise<MemberRole | undefined> {
    const role = await this.cache.fetch(`${userId}:${tenantId}`);
    return role === NONE ? undefined : role;
  }

  invalidate(userId: string, tenantId: string): void {
    this.cache.delete(`${userId}:${tenantId}`);
  }

  /** Forget every role cached: changes to them may have gone unannounced. */
  clear(): void {
    this.cache.clear();
  }
}
