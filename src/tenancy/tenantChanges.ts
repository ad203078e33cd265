// A tenant changed (activated, failed, archived): every gateway process must stop
// trusting what it cached about it now, not when the cache entry expires. The change
// is applied here at once and announced on the event bus to the other processes.
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { TenantRegistry } from './tenantRegistry';

const CHANNEL = 'tenant-changed';

export async function announceTenantChange(services: Pick<Services, 'registry' | 'events' | 'log'>, slug: string): Promise<void> {
  services.registry.invalidate(slug);
  await services.events.publish(CHANNEL, { slug }).catch((err: unknown) => {
    // The other processes' caches expire within TENANT_CACHE_SECONDS anyway.
    services.log.warn({ err, slug }, 'announcing a tenant change failed');
  });
}

/** Invalidates `registry` for every change announced by any process. */
export function followTenantChanges(events: EventBus, registry: TenantRegistry, log: Logger): void {
  events
    .subscribe(CHANNEL, (payload) => {
      const { slug } = payload as { slug?: unknown };
      if (typeof slug === 'string') registry.invalidate(slug);
    })
    .catch((err: unknown) => log.error({ err }, 'following tenant changes failed: other processes’ changes reach this one only when its cache expires'));
}
