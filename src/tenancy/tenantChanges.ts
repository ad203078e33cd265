// The change feed. What a gateway process caches about its tenants must not outlive a
// change made by another process: the tenant rows of the registry (status, plan,
// placement), the plan catalogue, verified API keys, sessions, which tenant a custom
// domain routes to, people's roles in tenants, and what a running subscription's
// access rests on. Every change to them is applied here at once and announced on the
// event bus, and every process's caches, each following this feed, forget what it
// makes stale then, not when it expires.
//
// One channel, one message: the fields present say what changed. A message with only
// `slug` is what earlier releases sent, so processes of two releases side by side
// still understand each other.
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logger';
import type { Services } from '../services';

const CHANNEL = 'tenant-changed';

export interface CacheChange {
  /** The tenant row with this slug. */
  slug?: string;
  /** The API key with this hash was revoked. */
  apiKeyHash?: string;
  /** ... and this id. */
  apiKeyId?: string;
  /** The plan catalogue was written. */
  plans?: true;
  /** The session with this id was ended (logout, revocation, a new password). */
  sessionId?: string;
  /** This custom domain was verified for a tenant or removed from one. */
  domain?: string;
  /** This person's membership of this tenant was made, changed or ended. */
  membership?: { userId: string; tenantId: string };
}

/** What a change makes stale in one cache: one key, every key, or nothing (undefined). */
export const EVERY_KEY = Symbol('every key');
export type StaleKey = (change: CacheChange) => string | typeof EVERY_KEY | undefined;

/** A cache that follows the feed (a ReadThroughCache, or what wraps one). */
export interface Forgetful {
  invalidate(key: string): void;
  clear(): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A message from the bus, taken for what it says: anyone can publish on a Redis channel. */
function changeOf(payload: unknown): CacheChange {
  const message = (payload ?? {}) as Record<string, unknown>;
  const membership = (message.membership ?? {}) as Record<string, unknown>;
  const userId = text(membership.userId);
  const tenantId = text(membership.tenantId);
  return {
    slug: text(message.slug),
    apiKeyHash: text(message.apiKeyHash),
    apiKeyId: text(message.apiKeyId),
    plans: message.plans === true ? true : undefined,
    sessionId: text(message.sessionId),
    domain: text(message.domain),
    membership: userId && tenantId ? { userId, tenantId } : undefined,
  };
}

export class ChangeFeed {
  private readonly followers: Array<{ cache: Forgetful; staleKey: StaleKey }> = [];

  constructor(
    private readonly events: EventBus,
    private readonly log: Logger,
  ) {}

  /** From now on, `cache` forgets what `staleKey` finds in every change, made here or on another process. */
  follow(cache: Forgetful, staleKey: StaleKey): void {
    this.followers.push({ cache, staleKey });
  }

  /** Applies `change` here at once, then on every other process. Lost to a Redis outage, it is made up for when Redis is back (`listen`). */
  async announce(change: CacheChange): Promise<void> {
    this.apply(change);
    await this.events.publish(CHANNEL, change);
  }

  /**
   * Applies every change announced by any process. When the event bus may have lost
   * some (Redis was away), every cache forgets everything: it is read again as needed.
   */
  listen(): void {
    this.events
      .subscribe(CHANNEL, (payload) => this.apply(changeOf(payload)), () => {
        for (const { cache } of this.followers) cache.clear();
      })
      .catch((err: unknown) => this.log.error({ err }, 'following tenant changes failed: other processes’ changes reach this one only when its caches expire'));
  }

  private apply(change: CacheChange): void {
    for (const { cache, staleKey } of this.followers) {
      const key = staleKey(change);
      if (key === EVERY_KEY) cache.clear();
      else if (key !== undefined) cache.invalidate(key);
    }
  }
}

/** What announcing a change takes. */
export type Announcer = Pick<Services, 'changes'>;

/** The tenant's row changed (activated, failed, archived, another plan). */
export const announceTenantChange = (services: Announcer, slug: string) => services.changes.announce({ slug });

/** A revoked key stops working on every process at once, not after API_KEY_CACHE_SECONDS; so do the subscriptions it runs. */
export const announceApiKeyRevoked = (services: Announcer, key: { id: string; hash: string }) =>
  services.changes.announce({ apiKeyHash: key.hash, apiKeyId: key.id });

/** An ended session's access tokens stop working on every process at once, not after SESSION_CACHE_SECONDS. */
export const announceSessionEnded = (services: Announcer, sessionId: string) => services.changes.announce({ sessionId });

/** A custom domain now routes to a tenant, or no longer: every process routes its requests accordingly at once. */
export const announceDomainChange = (services: Announcer, domain: string) => services.changes.announce({ domain });

/** The plan catalogue was written (each start writes it): processes read their tenants' plans again. */
export const announcePlansWritten = (services: Announcer) => services.changes.announce({ plans: true });

/** A role changed or a membership began or ended: the person's next request (and next event), on any process, runs with what is now true. */
export const announceMembershipChange = (services: Announcer, userId: string, tenantId: string) =>
  services.changes.announce({ membership: { userId, tenantId } });
