// The live feed: each event a relay moves out of the outbox is published on the
// event bus (Redis across processes), and the tenantEvents subscription streams the
// ones of its tenant. A subscriber sees what happens while it listens; the webhooks
// are the way not to miss anything.
import { Repeater } from '@repeaterjs/repeater';
import type { Prisma } from '../generated/tenant/client';
import type { Services } from '../services';

/** An event as webhooks receive it (the body of a delivery) and the live feed streams it. */
export interface TenantEventMessage {
  id: string;
  type: string;
  /** The tenant's slug. */
  tenant: string;
  occurredAt: string;
  /** The object as the API shows it. */
  object: Prisma.JsonValue;
}

const channelOf = (tenantId: string) => `tenant-events:${tenantId}`;

/** Not awaited: the event is already recorded and its deliveries queued; a lost publish only costs live subscribers. */
export function publishTenantEvent(services: Pick<Services, 'events' | 'log'>, tenantId: string, message: TenantEventMessage): void {
  services.events.publish(channelOf(tenantId), message).catch((err: unknown) => {
    services.log.warn({ err, tenantId, eventId: message.id }, 'publishing a tenant event failed');
  });
}

/** The tenant's events from now on, those of `types` only when given. */
export function watchTenantEvents(services: Pick<Services, 'events'>, tenantId: string, types: string[] | undefined): AsyncIterable<TenantEventMessage> {
  const wanted = types && new Set(types);
  return new Repeater<TenantEventMessage>(async (push, stop) => {
    const unsubscribe = await services.events.subscribe(channelOf(tenantId), (payload) => {
      const message = payload as TenantEventMessage;
      if (!wanted || wanted.has(message.type)) void push(message);
    });
    try {
      await stop;
    } finally {
      unsubscribe();
    }
  });
}
