// The signature of a delivery: `Tenantgraph-Signature: t=<unix seconds>,v1=<hex>`, where
// v1 is HMAC-SHA256 over `<t>.<body>` keyed with the webhook's secret. The timestamp is
// inside what is signed, so a receiver that refuses old timestamps refuses replays.
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'tenantgraph-signature';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
