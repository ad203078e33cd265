// A webhook's deliveries are sent by its sender (webhookSender.ts), a graphile-worker
// job woken in the transaction that makes (or re-arms) a delivery row, so a delivery
// that needs sending always has a sender coming. A webhook has one waiting sender
// however many deliveries are made meanwhile (its job key), so the job queue holds a
// few jobs per webhook, never a backlog. Retries are our own, with our own backoff
// (WEBHOOK_RETRY_BASE_MS): the sender is woken again when a retry is due.
import { Prisma } from '../generated/platform/client';

export const SENDER_TASK = 'tenantgraph:webhook-sender';

export interface SenderPayload {
  webhookId: string;
}

type Sql = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** A delivery the sender may send now: new (or redelivered) ones have no nextAttemptAt. nextAttemptAt holds UTC. */
export const DUE = Prisma.sql`status = 'PENDING' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now() AT TIME ZONE 'UTC')`;

/**
 * Wakes the sender of `webhookId`: now, or at `retry.at` for that delivery's retry.
 * A failed sender job is tried again by graphile-worker; the sweep (eventSweeper.ts)
 * wakes whatever its last failure left due.
 */
export async function wakeSender(sql: Sql, webhookId: string, retry?: { deliveryId: string; at: Date }): Promise<void> {
  await sql.$executeRaw`SELECT graphile_worker.add_job(
    ${SENDER_TASK}::text,
    json_build_object('webhookId', ${webhookId}::text),
    run_at := ${retry?.at ?? null}::timestamptz,
    max_attempts := 5,
    job_key := ${retry ? `webhook-retry:${retry.deliveryId}` : `webhook-sender:${webhookId}`}::text
  )`;
}

/** Wakes the sender of every webhook with a due delivery (none is stranded by a process that died mid-turn). */
export async function wakeDueSenders(sql: Sql): Promise<void> {
  await sql.$executeRaw`SELECT graphile_worker.add_job(
    ${SENDER_TASK}::text,
    json_build_object('webhookId', w.id::text),
    max_attempts := 5,
    job_key := 'webhook-sender:' || w.id::text
  )
  FROM "Webhook" w
  WHERE EXISTS (SELECT 1 FROM "WebhookDelivery" WHERE "webhookId" = w.id AND ${DUE})`;
}
