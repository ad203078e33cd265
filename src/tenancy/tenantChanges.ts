// What a gateway process caches about its tenants must not outlive a change made by
// another process: the tenant rows of the registry (status, plan, placement), the
// plan catalogue, verified API keys, sessions, which tenant a custom domain routes
// to, and people's roles in tenants. Every change to them is applied here at once and
// announced on the event bus, and every process forgets what it held then, not when
// the entry expires.
//
// One channel, one message: the fields present say what changed. A message with only
// `slug` is what earlier releases sent, so processes of two releases side by side
// still understand each other.
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logger';
import type { Services } from '../services';

const CHANNEL = 'tenant-changed';

interface CacheChange {
  /** The tenant row with this slug. */
  slug?: string;
  /** The API key with this hash was revoked. */
  apiKeyHash?: string;
  /** The plan catalogue was written. */
  plans?: true;
  /** The session with this id was ended (logout, revocation, a new password). */
  sessionId?: string;
  /** This custom domain was verified for a tenant or removed from one. */
  domain?: string;
  /** This person's membership of this tenant was made, changed or ended. */
  membership?: { userId: string; tenantId: string };
}

type Caches = Pick<Services, 'registry' | 'plans' | 'apiKeys' | 'sessions' | 'domains' | 'memberships'>;
/** What announcing a change takes: the caches it is applied to, and the bus. */
export type Announcer = Caches & Pick<Services, 'events'>;

function forget(caches: Caches, change: CacheChange): void {
  if (typeof change.slug === 'string') caches.registry.invalidate(change.slug);
  if (typeof change.apiKeyHash === 'string') caches.apiKeys.forget(change.apiKeyHash);
  if (change.plans === true) caches.plans.clear();
  if (typeof change.sessionId === 'string') caches.sessions.ended(change.sessionId);
  if (typeof change.domain === 'string') caches.domains.forget(change.domain);
  const { userId, tenantId } = change.membership ?? {};
  if (typeof userId === 'string' && typeof tenantId === 'string') caches.memberships.invalidate(userId, tenantId);
}

/** Lost to a Redis outage, it is made up for when Redis is back (followTenantChanges' gap). */
async function announce(services: Announcer, change: CacheChange): Promise<void> {
  forget(services, change);
  await services.events.publish(CHANNEL, change);
}

/** The tenant's row changed (activated, failed, archived, another plan). */
export const announceTenantChange = (services: Announcer, slug: string) => announce(services, { slug });

/** A revoked key stops working on every process at once, not after API_KEY_CACHE_SECONDS. */
export const announceApiKeyRevoked = (services: Announcer, hash: string) => announce(services, { apiKeyHash: hash });

/** An ended session's access tokens stop working on every process at once, not after SESSION_CACHE_SECONDS. */
export const announceSessionEnded = (services: Announcer, sessionId: string) => announce(services, { sessionId });
/** A custom domain now routes to a tenant, or no longer: every process routes its requests accordingly at once. */
export const announceDomainChange = (services: Announcer, domain: string) => announce(services, { domain });

/** The plan catalogue was written (each start writes it): processes read their tenants' plans again. */
export const announcePlansWritten = (services: Announcer) => announce(services, { plans: true });

/** A role changed or a membership began or ended: the person's next request, on any process, runs with what is now true. */
export const announceMembershipChange = (services: Announcer, userId: string, tenantId: string) => announce(services, { membership: { userId, tenantId } });

/**
 * Applies every change announced by any process. When the event bus may have lost
 * some (Redis was away), everything cached is forgotten: it is read again as needed.
 */
export function followTenantChanges(events: EventBus, caches: Caches, log: Logger): void {
  events
    .subscribe(CHANNEL, (payload) => forget(caches, (payload ?? {}) as CacheChange), () => {
      caches.registry.clear();
      caches.apiKeys.clear();
      caches.plans.clear();
      caches.sessions.clear();
      caches.domains.clear();
      caches.memberships.clear();
    })
    .catch((err: unknown) => log.error({ err }, 'following tenant changes failed: other processes’ changes reach this one only when its cache expires'));
}
