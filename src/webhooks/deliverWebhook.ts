// One attempt of a delivery, recorded: SUCCEEDED on a 2xx; otherwise the next attempt
// is due WEBHOOK_RETRY_BASE_MS x 2^(attempt-1) later (its sender is woken then), until
// WEBHOOK_MAX_ATTEMPTS, when the delivery is FAILED; an address that is refused fails
// it at once. WEBHOOK_DISABLE_AFTER FAILED deliveries in a row disable the webhook,
// with the reason.
import type { Prisma, Webhook, WebhookDelivery } from '../generated/platform/client';
import { SpanKind } from '@opentelemetry/api';
import { inTrace, noteWorkOutcome } from '../observability/spans';
import type { Services } from '../services';
import { wakeSender } from './deliveryQueue';
import { postDelivery, type AttemptOutcome } from './postDelivery';
import { signatureHeader } from './signature';

const describe = (outcome: AttemptOutcome) => (outcome.statusCode !== null ? `HTTP ${outcome.statusCode}` : (outcome.error ?? 'no answer'));

async function countFailure(tx: Prisma.TransactionClient, webhookId: string, disableAfter: number, outcome: AttemptOutcome): Promise<void> {
  const webhook = await tx.webhook.update({ where: { id: webhookId }, data: { consecutiveFailures: { increment: 1 } } });
  if (!webhook.enabled || webhook.consecutiveFailures < disableAfter) return;
  const disabledReason = `disabled after ${webhook.consecutiveFailures} failed deliveries in a row; the last: ${describe(outcome)}`;
  await tx.webhook.update({ where: { id: webhookId }, data: { enabled: false, disabledReason } });
}

type Delivery = Pick<WebhookDelivery, 'id' | 'eventType' | 'payload' | 'attempts'>;
type DeliveryServices = Pick<Services, 'config' | 'platform' | 'secrets'>;

/**
 * Sends `delivery` to its enabled `webhook` once and records the outcome; a trace of
 * its own, which names neither the receiver's URL (it may carry a token) nor the payload.
 */
export function attemptDelivery(services: DeliveryServices, webhook: Webhook, delivery: Delivery): Promise<AttemptOutcome> {
  const attributes = { 'webhook.id': webhook.id, 'webhook.delivery.id': delivery.id, 'webhook.event': delivery.eventType, 'webhook.attempt': delivery.attempts + 1 };
  return inTrace('webhook delivery', { kind: SpanKind.CLIENT, attributes, tenant: { id: webhook.tenantId } }, async () => {
    const outcome = await deliverAndRecord(services, webhook, delivery);
    const answer = outcome.statusCode !== null ? { 'http.response.status_code': outcome.statusCode } : {};
    noteWorkOutcome(answer, outcome.ok ? undefined : outcome.statusCode !== null ? String(outcome.statusCode) : 'NO_ANSWER');
    return outcome;
  });
}

async function deliverAndRecord(services: DeliveryServices, webhook: Webhook, delivery: Delivery): Promise<AttemptOutcome> {
  const { platform, config, secrets } = services;
  const { timeoutMs, maxAttempts, retryBaseMs, disableAfter, allowPrivateUrls } = config.webhooks;
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
  const retry = !outcome.ok && outcome.retryable && attempts < maxAttempts;
  const nextAttemptAt = retry ? new Date(Date.now() + retryBaseMs * 2 ** (attempts - 1)) : null;
  await platform.$transaction(async (tx) => {
    // Fenced on the attempt count: a redelivery (which starts again at 0) made meanwhile wins.
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, status: 'PENDING', attempts: delivery.attempts },
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
    if (nextAttemptAt) await wakeSender(tx, webhook.id, { deliveryId: delivery.id, at: nextAttemptAt });
    else if (outcome.ok) await tx.webhook.updateMany({ where: { id: webhook.id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } });
    else await countFailure(tx, webhook.id, disableAfter, outcome);
  });
  return outcome;
}

/** A disabled webhook sends nothing: its pending deliveries end FAILED, saying why. */
export async function failPendingDeliveries(services: Pick<Services, 'platform'>, webhook: Webhook): Promise<void> {
  await services.platform.webhookDelivery.updateMany({
    where: { webhookId: webhook.id, status: 'PENDING' },
    data: { status: 'FAILED', error: `the webhook is disabled: ${webhook.disabledReason ?? 'by its owners'}`, nextAttemptAt: null, finishedAt: new Date() },
  });
}
