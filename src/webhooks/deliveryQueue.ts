// A delivery is sent by a graphile-worker job queued in the transaction that makes
// (or re-arms) its row, so a row that needs sending always has a job. Retries are our
// own jobs with our own backoff (WEBHOOK_RETRY_BASE_MS), not graphile-worker's: its
// attempts only cover a process that died mid-attempt.
import type { Prisma } from '../generated/platform/client';

export const DELIVERY_TASK = 'tenantgraph:webhook-delivery';

export interface DeliveryPayload {
  deliveryId: string;
}

/** Queues the next attempt of `deliveryId`, at `runAt` (default now); one queued attempt per delivery. */
export async function enqueueDelivery(tx: Prisma.TransactionClient, deliveryId: string, runAt?: Date): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${DELIVERY_TASK}::text,
    json_build_object('deliveryId', ${deliveryId}::text),
    run_at := ${runAt ?? null}::timestamptz,
    max_attempts := 3,
    job_key := ${`webhook-delivery:${deliveryId}`}::text
  )`;
}
