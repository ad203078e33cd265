// A webhook delivery keeps the body it POSTs (the event as it was relayed) in the
// platform database. When a tenant rewrites an event (erasing a customer rewrites the
// events naming them), its deliveries are rewritten with it: one still pending goes out
// as the event now is, and one sent keeps no copy of what was erased.
import type { PlatformDb } from '../db/platformClient';
import type { Prisma } from '../generated/platform/client';

/** Puts each event's new payload in the deliveries of tenant `tenantId`'s webhooks that carry it. */
export async function rewriteDeliveries(platform: PlatformDb, tenantId: string, events: ReadonlyArray<{ id: string; payload: unknown }>): Promise<void> {
  if (events.length === 0) return;
  const payloads = new Map(events.map((event) => [event.id, event.payload as Prisma.InputJsonValue]));
  const deliveries = await platform.webhookDelivery.findMany({
    where: { eventId: { in: [...payloads.keys()] }, webhook: { tenantId } },
    select: { id: true, eventId: true, payload: true },
  });
  for (const delivery of deliveries) {
    const body = { ...(delivery.payload as Prisma.JsonObject), object: payloads.get(delivery.eventId)! };
    await platform.webhookDelivery.update({ where: { id: delivery.id }, data: { payload: body } });
  }
}
