// A user's role in a tenant, looked up on the platform database and cached
// (cache/readThroughCache.ts): every tenant-scoped request needs it, and it rarely
// changes. A change (members/) is announced on the change feed, and every process
// forgets that role at once (tenantChanges.ts).
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import type { MemberRole } from '../generated/platform/client';
import type { ChangeFeed } from './tenantChanges';

const keyOf = (userId: string, tenantId: string) => `${userId}:${tenantId}`;

export class MembershipCache {
  private readonly cache: ReadThroughCache<MemberRole | null>;

  constructor(platform: PlatformDb, changes: ChangeFeed, ttlMs: number) {
    this.cache = new ReadThroughCache({
      ttlMs,
      max: 50_000,
      read: async (key) => {
        const [userId, tenantId] = key.split(':');
        const membership = await platform.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } }, select: { role: true } });
        return membership?.role ?? null;
      },
    });
    changes.follow(this.cache, ({ membership }) => membership && keyOf(membership.userId, membership.tenantId));
  }

  async roleOf(userId: string, tenantId: string): Promise<MemberRole | undefined> {
    return (await this.cache.get(keyOf(userId, tenantId))) ?? undefined;
  }
}
