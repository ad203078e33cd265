// The job that makes one attempt of a delivery and records it: SUCCEEDED on a 2xx;
// otherwise the next attempt is queued WEBHOOK_RETRY_BASE_MS x 2^(attempt-1) later,
// until WEBHOOK_MAX_ATTEMPTS, when the delivery is FAILED. WEBHOOK_DISABLE_AFTER
// FAILED deliveries in a row disable the webhook, with the reason.
import type { Task } from 'graphile-worker';
import type { Prisma } from '../generated/platform/client';
import type { Services } from '../services';
import { enqueueDelivery, type DeliveryPayload } from './deliveryQueue';
import { postDelivery, type AttemptOutcome } from './postDelivery';
import { signatureHeader } from './signature';

const describe = (outcome: AttemptOutcome) => (outcome.statusCode !== null ? `HTTP ${outcome.statusCode}` : (outcome.error ?? 'no answer'));

async function countFailure(tx: Prisma.TransactionClient, webhookId: string, disableAfter: number, outcome: AttemptOutcome): Promise<void> {
  const webhook = await tx.webhook.update({ where: { id: webhookId }, data: { consecutiveFailures: { increment: 1 } } });
  if (!webhook.enabled || webhook.consecutiveFailures < disableAfter) return;
  const disabledReason = `disabled after ${webhook.consecutiveFailures} failed deliveries in a row; the last: ${describe(outcome)}`;
  await tx.webhook.update({ where: { id: webhookId }, data: { enabled: false, disabledReason } });
}

export async function attemptDelivery(services: Services, deliveryId: string): Promise<void> {
  const { platform, config, secrets } = services;
  const { timeoutMs, maxAttempts, retryBaseMs, disableAfter, allowPrivateUrls } = config.webhooks;
  const delivery = await platform.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!delivery || delivery.status !== 'PENDING') return;
  const { webhook } = delivery;
  // Fenced on the attempt count: a redelivery (which starts again at 0) made meanwhile wins.
  const fence = { id: deliveryId, status: 'PENDING' as const, attempts: delivery.attempts };
  if (!webhook.enabled) {
    await platform.webhookDelivery.updateMany({
      where: fence,
      data: { status: 'FAILED', error: `the webhook is disabled: ${webhook.disabledReason ?? 'by its owners'}`, finishedAt: new Date() },
    });
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const outcome = await postDelivery({
    url: webhook.url,
    body,
    signature: signatureHeader(secrets.decrypt(webhook.secretCipher), body, new Date()),
    headers: { 'tenantgraph-event': delivery.eventType, 'tenantgraph-delivery': delivery.id },
    timeoutMs,
    allowPrivate: allowPrivateUrls,
  });
  const attempts = delivery.attempts + 1;
  const retry = !outcome.ok && attempts < maxAttempts;
  const nextAttemptAt = retry ? new Date(Date.now() + retryBaseMs * 2 ** (attempts - 1)) : null;
  await platform.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: fence,
      data: {
        status: outcome.ok ? 'SUCCEEDED' : retry ? 'PENDING' : 'FAILED',
        attempts,
        statusCode: outcome.statusCode,
        durationMs: outcome.durationMs,
        responseBody: outcome.responseBody,
        error: outcome.error,
        nextAttemptAt,
        finishedAt: retry ? null : new Date(),
      },
    });
    if (count === 0) return;
    if (nextAttemptAt) await enqueueDelivery(tx, deliveryId, nextAttemptAt);
    else if (outcome.ok) await tx.webhook.updateMany({ where: { id: webhook.id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
    else await countFailure(tx, webhook.id, disableAfter, outcome);
  });
}

export function deliveryTask(services: Services): Task {
  return async (payload) => attemptDelivery(services, (payload as DeliveryPayload).deliveryId);
}
