// One HTTP attempt of a delivery: POST the body, signed, within WEBHOOK_TIMEOUT_MS
// (connecting included), keeping the status, the time it took and the answer's first
// bytes. Outside what WEBHOOK_ALLOW_PRIVATE_URLS allows, no connection is made to a
// private address (see addressGuard.ts): such an attempt is refused, and not retried.
import http from 'node:http';
import https from 'node:https';
import { PrivateAddressRefused, publicOnlyLookup, refusedLiteral } from './addressGuard';
import { SIGNATURE_HEADER } from './signature';

/** What a delivery keeps of the answer. */
export const RESPONSE_BYTES = 1024;

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  /** Why there is no answer: timeout, refused, connection error. */
  error: string | null;
  /** False when trying again cannot help: the receiver's address is refused. */
  retryable: boolean;
}

export interface Attempt {
  url: string;
  body: string;
  signature: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

type Outcome = Omit<AttemptOutcome, 'durationMs'>;

const noAnswer = (error: string): Outcome => ({ ok: false, statusCode: null, responseBody: null, error, retryable: true });
const refused = (refusal: PrivateAddressRefused): Outcome => ({ ...noAnswer(`refused: ${refusal.message}`), retryable: false });

export function postDelivery(attempt: Attempt): Promise<AttemptOutcome> {
  const started = process.hrtime.bigint();
  const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  const target = new URL(attempt.url);
  const transport = target.protocol === 'https:' ? https : http;
  const refusal = attempt.allowPrivate ? undefined : refusedLiteral(target.hostname);
  if (refusal) return Promise.resolve({ ...refused(refusal), durationMs: elapsed() });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = transport.request(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(attempt.body),
        'user-agent': 'tenantgraph-webhooks',
        [SIGNATURE_HEADER]: attempt.signature,
        ...attempt.headers,
      },
      ...(attempt.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    const timer = setTimeout(() => finish(noAnswer(`no answer within ${attempt.timeoutMs} ms`)), attempt.timeoutMs);
    request.on('error', (err) => finish(err instanceof PrivateAddressRefused ? refused(err) : noAnswer(err.message)));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      const done = () => {
        const statusCode = response.statusCode ?? 0;
        const responseBody = Buffer.concat(chunks).subarray(0, RESPONSE_BYTES).toString('utf8');
        finish({ ok: statusCode >= 200 && statusCode < 300, statusCode, responseBody, error: null, retryable: true });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        kept += chunk.length;
        // Enough of it: the rest of a large answer is not read.
        if (kept >= RESPONSE_BYTES) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(attempt.body);
  });
}
