// A tenant's webhooks: where its events go, which ones, and the secret that signs them.
// The secret is answered when it is made (create, rotate) and never again: it is kept
// sealed with ENCRYPTION_KEY because every delivery must sign with it.
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/tenantEvents';
import { parseInput } from '../domain/validate';
import { badInput, notFound } from '../errors';
import type { Webhook } from '../generated/platform/client';
import type { Services } from '../services';
import { privateAddressOf } from './addressGuard';
import { wakeSender } from './deliveryQueue';
import { newWebhookSecret } from './signature';

const Url = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000);
const Events = z
  .array(z.enum(EVENT_TYPES, `must be event types among ${EVENT_TYPES.join(', ')}`))
  .min(1, 'must name at least one event type')
  .transform((types) => [...new Set(types)]);
const Description = z.string().trim().max(500).nullish();

const NewWebhook = z.object({ url: Url, events: Events, description: Description });
const WebhookChange = z.object({ url: Url.optional(), events: Events.optional(), description: Description, enabled: z.boolean().optional() });

export interface WebhookWithSecret {
  webhook: Webhook;
  secret: string;
}

/** In production, a URL whose host resolves to a private address is refused, unless WEBHOOK_ALLOW_PRIVATE_URLS. */
async function refusePrivateUrl(services: Pick<Services, 'config'>, url: string): Promise<void> {
  const { allowPrivateUrls, timeoutMs } = services.config.webhooks;
  if (allowPrivateUrls) return;
  const host = new URL(url).hostname;
  let address: string | undefined;
  try {
    address = await privateAddressOf(host, timeoutMs);
  } catch {
    throw badInput(`url: ${host} does not resolve`, { field: 'url' });
  }
  if (address) throw badInput(`url: ${host} resolves to a loopback, private or link-local address (${address})`, { field: 'url' });
}

/** The tenant's webhook `id`, or NOT_FOUND. */
export async function webhookOf(services: Pick<Services, 'platform'>, tenantId: string, id: string): Promise<Webhook> {
  // Another tenant's webhook looks exactly like a missing one.
  const webhook = await services.platform.webhook.findFirst({ where: { id, tenantId } });
  if (!webhook) throw notFound('webhook');
  return webhook;
}

export async function createWebhook(services: Pick<Services, 'config' | 'platform' | 'secrets'>, tenantId: string, input: { url: string; events: string[]; description?: string | null }): Promise<WebhookWithSecret> {
  const { url, events, description } = parseInput(NewWebhook, input);
  await refusePrivateUrl(services, url);
  const secret = newWebhookSecret();
  const webhook = await services.platform.webhook.create({
    data: { tenantId, url, events, description: description ?? null, secretCipher: services.secrets.encrypt(secret) },
  });
  return { webhook, secret };
}

/**
 * Turning a webhook back on (`enabled: true`) forgets the failures that disabled it. A new
 * URL is checked, and so is the stored one whenever the webhook stays enabled: it may
 * have been saved while private URLs were allowed (outside production), or its name may
 * resolve elsewhere now. Turning a webhook off is always allowed.
 */
export async function updateWebhook(
  services: Pick<Services, 'config' | 'platform'>,
  tenantId: string,
  id: string,
  input: { url?: string | null; events?: string[] | null; description?: string | null; enabled?: boolean | null },
): Promise<Webhook> {
  const strip = <T>(value: T | null | undefined) => (value === null ? undefined : value);
  const change = parseInput(WebhookChange, { ...input, url: strip(input.url), events: strip(input.events), enabled: strip(input.enabled) });
  const current = await webhookOf(services, tenantId, id);
  if (change.url || (change.enabled ?? current.enabled)) await refusePrivateUrl(services, change.url ?? current.url);
  const reenabled = change.enabled === true ? { disabledReason: null, consecutiveFailures: 0 } : {};
  return services.platform.webhook.update({
    where: { id },
    data: { url: change.url, events: change.events, description: change.description, enabled: change.enabled, ...reenabled },
  });
}

export async function deleteWebhook(services: Pick<Services, 'platform'>, tenantId: string, id: string): Promise<Webhook> {
  await webhookOf(services, tenantId, id);
  return services.platform.webhook.delete({ where: { id } });
}

/** A new secret at once: deliveries from now on are signed with it only. */
export async function rotateWebhookSecret(services: Pick<Services, 'platform' | 'secrets'>, tenantId: string, id: string): Promise<WebhookWithSecret> {
  await webhookOf(services, tenantId, id);
  const secret = newWebhookSecret();
  const webhook = await services.platform.webhook.update({ where: { id }, data: { secretCipher: services.secrets.encrypt(secret) } });
  return { webhook, secret };
}

/** Sends a delivery again from its first attempt, whatever became of it. */
export async function redeliverWebhook(services: Pick<Services, 'platform'>, tenantId: string, deliveryId: string) {
  const delivery = await services.platform.webhookDelivery.findFirst({ where: { id: deliveryId, webhook: { tenantId } } });
  if (!delivery) throw notFound('webhook delivery');
  return services.platform.$transaction(async (tx) => {
    const rearmed = await tx.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: null, finishedAt: null },
    });
    await wakeSender(tx, rearmed.webhookId);
    return rearmed;
  });
}
