// The relay: moves a tenant's unrelayed TenantEvent rows (the outbox) into webhook
// deliveries, waking each webhook's sender, in one platform transaction, and hands them
// to the modules that start work from them (TenantModule.onRelay: a booking's
// reminder); then marks the events relayed and publishes each on the live feed. It can
// run twice over the same events (a process died between the two steps, or two
// processes relay one tenant): a delivery is unique per (webhook, event), a module's
// work is idempotent, and only the relay that marks an event relayed publishes it.
import { SELECTED_MODULES } from '../generated/selectedModules';
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { wakeSender } from './deliveryQueue';
import { publishTenantEvent, type TenantEventMessage } from './liveFeed';
import { markRelayed, unrelayedEvents, type OutboxEvent } from './outboxTable';

const BATCH = 200;

function messageOf(tenant: Pick<TenantRecord, 'slug'>, event: OutboxEvent): TenantEventMessage {
  return { id: event.id, type: event.type, tenant: tenant.slug, occurredAt: event.occurredAt, object: event.payload };
}

async function queueDeliveries(services: Pick<Services, 'platform'>, tenantId: string, messages: TenantEventMessage[]): Promise<void> {
  const webhooks = await services.platform.webhook.findMany({ where: { tenantId, enabled: true }, select: { id: true, events: true } });
  const data = messages.flatMap((message) =>
    webhooks
      .filter((webhook) => webhook.events.includes(message.type))
      .map((webhook) => ({ webhookId: webhook.id, eventId: message.id, eventType: message.type, payload: { ...message } })),
  );
  if (data.length === 0) return;
  await services.platform.$transaction(async (tx) => {
    const created = await tx.webhookDelivery.createManyAndReturn({ data, skipDuplicates: true, select: { webhookId: true } });
    for (const webhookId of new Set(created.map((delivery) => delivery.webhookId))) await wakeSender(tx, webhookId);
  });
}

/** Relays every unrelayed event of `tenant`; answers how many this run marked relayed. */
export async function relayTenantEvents(services: Pick<Services, 'log' | 'platform' | 'pool' | 'events' | 'mailer'>, tenant: TenantRecord): Promise<number> {
  // Only `target` is used: the relay takes connections, never a Prisma client (see outboxTable.ts).
  const lease = services.pool.acquire(tenant);
  let relayed = 0;
  try {
    for (;;) {
      const events = await unrelayedEvents(lease.target, BATCH);
      const messages = events.map((event) => messageOf(tenant, event));
      if (messages.length > 0) {
        await queueDeliveries(services, tenant.id, messages);
        for (const { onRelay } of SELECTED_MODULES) await onRelay?.(services, tenant, events);
        const marked = await markRelayed(lease.target, messages.map((message) => message.id));
        for (const message of messages.filter((m) => marked.has(m.id))) publishTenantEvent(services, tenant.id, message);
        relayed += marked.size;
      }
      if (events.length < BATCH) return relayed;
    }
  } finally {
    lease.release();
  }
}
