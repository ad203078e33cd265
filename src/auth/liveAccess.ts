// What a running subscription's access rests on, asked again before each event it
// delivers: the caller's session (or API key), their role in the tenant, the tenant's
// status. A request asks once; a subscription outlives that answer, so it asks again
// and ends, with the error a request would get now, once the answer changed.
//
// Each answer is read from the platform database and trusted for SESSION_CACHE_SECONDS,
// the bound sessions have, so an event costs no query; a membership made, changed or
// ended, a key revoked or a tenant changed is forgotten at once on every process (the
// change feed), so a removed member's next event is refused at once.
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import { unauthenticated } from '../errors';
import type { MemberRole } from '../generated/platform/client';
import { EVERY_KEY, type ChangeFeed } from '../tenancy/tenantChanges';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import type { Principal } from './principal';
import type { SessionVerifier } from './sessionVerifier';

export interface Standing {
  /** The tenant as it is now; undefined when it is gone. */
  tenant: TenantRecord | undefined;
  /** The caller's own role there now (a platform admin's membership, if any); undefined: none. */
  role: MemberRole | undefined;
}

const memberKey = (userId: string, tenantId: string) => `${userId}:${tenantId}`;

export class LiveAccess {
  private readonly members: ReadThroughCache<Standing>;
  /** By key id (a key is bound to its tenant); null: the key was revoked. */
  private readonly apiKeys: ReadThroughCache<Standing | null>;

  constructor(
    platform: PlatformDb,
    private readonly sessions: SessionVerifier,
    changes: ChangeFeed,
    ttlMs: number,
  ) {
    this.members = new ReadThroughCache<Standing>({
      ttlMs,
      max: 50_000,
      read: async (key) => {
        const [userId, tenantId] = key.split(':');
        const row = await platform.tenant.findUnique({ where: { id: tenantId }, include: { memberships: { where: { userId }, select: { role: true } } } });
        if (!row) return { tenant: undefined, role: undefined };
        const { memberships, ...tenant } = row;
        return { tenant, role: memberships[0]?.role };
      },
    });
    this.apiKeys = new ReadThroughCache<Standing | null>({
      ttlMs,
      max: 50_000,
      read: async (id) => {
        const row = await platform.apiKey.findUnique({ where: { id }, select: { revokedAt: true, role: true, tenant: true } });
        return row && !row.revokedAt ? { tenant: row.tenant, role: row.role } : null;
      },
    });
    // Which subscribers a tenant's change concerns would take a query to know: a changed tenant is read again for all of them.
    changes.follow(this.members, ({ membership, slug }) => (membership ? memberKey(membership.userId, membership.tenantId) : slug ? EVERY_KEY : undefined));
    changes.follow(this.apiKeys, ({ apiKeyId, slug }) => apiKeyId ?? (slug ? EVERY_KEY : undefined));
  }

  /** Where `principal` stands in the tenant now; UNAUTHENTICATED, as a request would get, once their session ended or their key was revoked. */
  async of(principal: Principal, tenantId: string): Promise<Standing> {
    if (principal.kind === 'user') {
      if (!(await this.sessions.isActive(principal.sessionId, principal.userId))) throw unauthenticated('session ended: sign in again');
      return this.members.get(memberKey(principal.userId, tenantId));
    }
    const standing = await this.apiKeys.get(principal.keyId);
    if (!standing) throw unauthenticated('invalid or revoked API key');
    // A key acts in its own tenant only.
    return principal.tenantId === tenantId ? standing : { tenant: standing.tenant, role: undefined };
  }
}

/**
 * `events`, each delivered only once `confirm` passes; the first refusal ends them
 * with its error, undelivered. Not an async generator: one waiting for the next event
 * could not be stopped (a client leaving) until that event came.
 */
export function whileAllowed<T>(events: AsyncIterable<T>, confirm: () => Promise<void>): AsyncIterableIterator<T> {
  const source = events[Symbol.asyncIterator]();
  const end = async (): Promise<IteratorResult<T>> => (await source.return?.()) ?? { done: true, value: undefined };
  return {
    async next() {
      const next = await source.next();
      if (next.done) return next;
      try {
        await confirm();
      } catch (refusal) {
        await end();
        throw refusal;
      }
      return next;
    },
    return: end,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
