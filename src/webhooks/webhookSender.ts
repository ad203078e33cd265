// A webhook's sender: the one job at a time that sends its deliveries, so a receiver,
// however slow, takes at most one of the WEBHOOK_CONCURRENCY delivery slots (and
// IN_FLIGHT requests), and one webhook's backlog waits its turn instead of filling
// every slot.
//
// A turn takes the webhook's lock (a PostgreSQL advisory lock: one sender per webhook
// across all processes, released by the database if the process dies) and sends the
// due deliveries oldest first, IN_FLIGHT at once, until none is left, one fails (a
// failing receiver gets one round of attempts per turn, so a hanging one holds a slot
// for WEBHOOK_TIMEOUT_MS at most) or TURN_MS has passed; releases the lock; then, if a
// delivery is due, queues the next turn at the back of the queue, behind the other
// webhooks' (round robin). A sender that finds the lock taken just ends: the holder
// looks for due deliveries after it releases the lock, so whatever was made meanwhile
// is sent by its next turn.
import type { Task } from 'graphile-worker';
import type pg from 'pg';
import type { WebhookDelivery } from '../generated/platform/client';
import type { Services } from '../services';
import { attemptDelivery, failPendingDeliveries } from './deliverWebhook';
import { DUE, wakeSender, type SenderPayload } from './deliveryQueue';

/** How long a turn keeps sending to a receiver that answers. */
const TURN_MS = 1000;

/** Deliveries sent to one receiver at once. */
export const IN_FLIGHT = 4;

/** A webhook's lock key: the random last 64 bits of its id (a UUIDv7), so two webhooks never share one. */
const LOCK_KEY = `('x' || right(replace($1, '-', ''), 16))::bit(64)::bigint`;

type DueDelivery = Pick<WebhookDelivery, 'id' | 'eventType' | 'payload' | 'attempts'>;

/** Up to `limit` due deliveries of the webhook, oldest first. */
function dueDeliveries(services: Pick<Services, 'platform'>, webhookId: string, limit: number): Promise<DueDelivery[]> {
  return services.platform.$queryRaw<DueDelivery[]>`
    SELECT id::text AS id, "eventType", payload, attempts FROM "WebhookDelivery"
    WHERE "webhookId" = ${webhookId}::uuid AND ${DUE} ORDER BY id LIMIT ${limit}`;
}

async function turn(services: Pick<Services, 'config' | 'platform' | 'secrets'>, webhookId: string): Promise<void> {
  const ends = Date.now() + TURN_MS;
  for (;;) {
    // Read each round: a rotated secret signs from the next delivery on.
    const webhook = await services.platform.webhook.findUnique({ where: { id: webhookId } });
    if (!webhook) return; // deleted, and its deliveries with it
    if (!webhook.enabled) return failPendingDeliveries(services, webhook);
    const deliveries = await dueDeliveries(services, webhookId, IN_FLIGHT);
    if (deliveries.length === 0) return;
    const outcomes = await Promise.all(deliveries.map((delivery) => attemptDelivery(services, webhook, delivery)));
    if (outcomes.some((outcome) => !outcome.ok) || Date.now() >= ends) return;
  }
}

/** Runs `work` holding the webhook's lock; false (and nothing run) when another sender holds it. */
async function withSenderLock(pool: pg.Pool, webhookId: string, work: () => Promise<void>): Promise<boolean> {
  const client = await pool.connect();
  let unlocked = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`, [webhookId]);
    if (!rows[0].locked) {
      unlocked = true;
      return false;
    }
    try {
      await work();
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [webhookId]);
      unlocked = true;
    }
    return true;
  } finally {
    // A connection that may still hold the lock is closed, which releases it.
    client.release(!unlocked);
  }
}

/** The sender task; `pool` is the delivery runner's, which has a connection for each sender's lock. */
export function senderTask(services: Pick<Services, 'config' | 'platform' | 'secrets'>, pool: pg.Pool): Task {
  return async (payload) => {
    const { webhookId } = payload as SenderPayload;
    if (!(await withSenderLock(pool, webhookId, () => turn(services, webhookId)))) return;
    if ((await dueDeliveries(services, webhookId, 1)).length > 0) await wakeSender(services.platform, webhookId);
  };
}
