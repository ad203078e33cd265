// A real webhook receiver on 127.0.0.1: it checks each delivery's signature the way
// docs/webhooks.md tells receivers to, and can answer with chosen statuses, hang past the
// gateway's timeout, or be down (its port closed) for a while.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  body: any;
  headers: http.IncomingHttpHeaders;
  /** The signature checked out against one of the receiver's secrets, and its timestamp is recent. */
  signed: boolean;
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  /** Secrets a signature may be made with (the webhook's, once created or rotated). */
  secrets: string[];
  /** Statuses to answer the next requests with, in order ('hang': no answer); 200 once used up. */
  answers: Array<number | 'hang'>;
  /** Requests from now on get no answer. */
  hang(on: boolean): void;
  /** Requests held unanswered right now (while hanging). */
  held(): number;
  /** Closes the port (connections are refused) until `up`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const TOLERANCE_SECONDS = 300;

function verified(secrets: string[], header: string | undefined, body: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > TOLERANCE_SECONDS || !parts.v1) return false;
  const given = Buffer.from(parts.v1, 'hex');
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const secrets: string[] = [];
  const answers: Array<number | 'hang'> = [];
  let hanging = false;
  let held = 0;
  const open = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = hanging ? 'hang' : (answers.shift() ?? 200);
      if (status === 'hang') {
        held++;
        req.socket.once('close', () => held--);
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ body: JSON.parse(text), headers: req.headers, signed: verified(secrets, req.headers['tenantgraph-signature'] as string, text), receivedAt: Date.now() });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `failing on purpose with ${status}`);
    });
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    secrets,
    answers,
    hang: (on) => void (hanging = on),
    held: () => held,
    down: stop,
    up: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
