// `npm run bench:load`: one slow webhook receiver under mixed load. A production gateway
// in its own process, on Redis when BENCH_REDIS_URL, TEST_REDIS_URL or REDIS_URL names
// one; BENCH_TENANTS tenants (default 4), each with a webhook on customer.created: the
// first one's receiver never answers (unless BENCH_HUNG_RECEIVER=false, for a
// baseline), the others' answer at once. wrk (apt-get install
// wrk) drives BENCH_CONNECTIONS connections of mixed GraphQL over all of them for
// BENCH_LOAD_SECONDS (default 180): two reads for each createCustomer, which makes an
// event. Meanwhile a client creates a tenant every BENCH_CREATE_EVERY_SECONDS and follows
// it to ACTIVE over graphql-ws (and, for reference, a few before the load). Printed: requests, errors by code, request latency,
// createTenant to ACTIVE, the answering receivers' delivery latency (the event's time to
// its arrival), deliveries still pending at the end, the gateway's peak RSS.
// PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { startSession } from '../src/auth/sessions';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { createLogger } from '../src/logger';
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant } from '../src/provisioning/provisionTenant';
import { createWebhook } from '../src/webhooks/manageWebhooks';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { describeMachine, printTable } from './machine';
import { peakRssMiB, productionGateway, stopProcesses, type BenchProcess } from './processes';
import { provisionOne, wsClient } from './provisionOverApi';
import { assertWrkInstalled, runLoad } from './wrk';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 180);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const CREATE_EVERY_SECONDS = Number(process.env.BENCH_CREATE_EVERY_SECONDS ?? 5);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
const HUNG_RECEIVER = process.env.BENCH_HUNG_RECEIVER !== 'false';
/** How long deliveries made at the end of the load get to arrive before they count as pending. */
const SETTLE_SECONDS = 10;
/** A createTenant not ACTIVE this long after it was asked counts as stuck. */
const STUCK_MS = 60_000;

const MIX = [
  '{ customers(first: 5) { edges { node { id name } } } }',
  '{ products(first: 5) { edges { node { id name price } } } }',
  'mutation { createCustomer(input: { name: "Load Lale" }) { id } }',
].map((query) => JSON.stringify({ query }));

interface Receiver {
  url: string;
  /** Milliseconds from each event's occurredAt to its arrival (answering receivers). */
  latencies: number[];
  close(): Promise<void>;
}

/** A receiver on 127.0.0.1 that answers 200 at once, or (`hangs`) never answers. */
async function startReceiver(hangs: boolean): Promise<Receiver> {
  const latencies: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (hangs) return;
      latencies.push(Date.now() - Date.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')).occurredAt));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    latencies,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
const pair = (values: number[]) => `${percentile(values, 0.5).toFixed(0)} / ${percentile(values, 0.99).toFixed(0)} ms`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the platform database says after the run: pending deliveries, and how the tenants made under load spent their time. */
async function platformReadings(platformUrl: string, hungWebhookId: string) {
  const client = new pg.Client({ connectionString: platformUrl });
  await client.connect();
  try {
    const pending = await client.query<{ hung: number; others: number }>(
      `SELECT count(*) FILTER (WHERE "webhookId" = $1)::int AS hung, count(*) FILTER (WHERE "webhookId" <> $1)::int AS others
       FROM "WebhookDelivery" WHERE status = 'PENDING'`,
      [hungWebhookId],
    );
    const jobs = await client.query<{ waited: number; ran: number }>(
      `SELECT extract(epoch FROM j."startedAt" - j."createdAt") * 1000 AS waited, extract(epoch FROM j."finishedAt" - j."startedAt") * 1000 AS ran
       FROM "ProvisioningJob" j JOIN "Tenant" t ON t.id = j."tenantId" WHERE t.slug LIKE 'newcomer-%' AND j."finishedAt" IS NOT NULL`,
    );
    return { pending: pending.rows[0], waited: jobs.rows.map((r) => Number(r.waited)), ran: jobs.rows.map((r) => Number(r.ran)) };
  } finally {
    await client.end();
  }
}

async function benchmark(server: string) {
  assertWrkInstalled();
  const gatewayProcess = productionGateway(server);
  const { prefix, platformUrl } = gatewayProcess;
  // Production refuses loopback receivers; these run on 127.0.0.1.
  const env = { ...gatewayProcess.env, WEBHOOK_ALLOW_PRIVATE_URLS: 'true', ...(REDIS_URL ? { REDIS_URL, REDIS_KEY_PREFIX: `${prefix}:` } : {}) };
  const log = createLogger('silent');
  console.log(
    `${HUNG_RECEIVER ? 'one hanging webhook receiver' : 'no hanging webhook receiver (baseline)'} under ${SECONDS}s of mixed load: ${TENANTS} tenants, ${CONNECTIONS} connections (wrk), a createTenant every ${CREATE_EVERY_SECONDS}s, ` +
      `event bus ${REDIS_URL ? 'Redis' : 'in-process'}\n${await describeMachine(server)}\n`,
  );
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', ACCESS_TOKEN_TTL: '1d' }), { platformUrl, log });
  const hung = await startReceiver(HUNG_RECEIVER);
  const answering = await startReceiver(false);
  const running: BenchProcess[] = [];
  try {
    const user = await services.platform.user.create({ data: { email: 'load@example.com', name: 'load', passwordHash: 'x' } });
    const slugs = Array.from({ length: TENANTS }, (_, i) => (i === 0 ? 'hung-shop' : `shop-${i}`));
    const webhookIds: string[] = [];
    for (const slug of slugs) {
      const record = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug, name: slug, isolation: 'DATABASE', planCode: 'enterprise', ownerId: user.id }));
      await provisionTenant(services, record.id);
      const url = slug === 'hung-shop' ? hung.url : answering.url;
      webhookIds.push((await createWebhook(services, record.id, { url, events: ['customer.created'] })).webhook.id);
    }
    // A token that outlasts the whole run (a session, as a login opens one).
    const { token } = await startSession(services, user);
    await closeServices(services);

    const gateway = await gatewayProcess.start(env);
    running.push(gateway);
    const client = wsClient(gateway.url, token);
    try {
      const unloaded: number[] = [];
      for (let i = 1; i <= 3; i++) unloaded.push(await provisionOne(gateway.url, client, token, { slug: `before-${i}` }));
      const provisioning: number[] = [];
      let stuck = 0;
      let loading = true;
      const creating = (async () => {
        for (let i = 1; loading; i++) {
          const tick = sleep(CREATE_EVERY_SECONDS * 1000);
          await provisionOne(gateway.url, client, token, { slug: `newcomer-${i}` }, STUCK_MS).then(
            (ms) => provisioning.push(ms),
            () => stuck++,
          );
          await tick;
        }
      })();
      const load = await runLoad({ url: gateway.url, body: MIX, headers: { authorization: `Bearer ${token}` }, seconds: SECONDS, connections: CONNECTIONS, spread: { tenants: slugs } });
      loading = false;
      await creating;
      await sleep(SETTLE_SECONDS * 1000);
      const { pending, waited, ran } = await platformReadings(platformUrl, webhookIds[0]);

      const errors = Object.entries(load.errorsByCode).map(([code, n]) => `${code} ${n}`).join(', ');
      printTable(
        ['measure', 'value'],
        [
          ['requests', `${load.requests} (${load.requestsPerSecond.toFixed(0)}/s)`],
          ['errors', load.errors === 0 ? '0' : `${load.errors}: ${errors}`],
          ['request latency p50 / p99', `${load.p50Ms.toFixed(1)} / ${load.p99Ms.toFixed(1)} ms`],
          [`createTenant to ACTIVE p50 / p99 (${provisioning.length} tenants; ${stuck} not within ${STUCK_MS / 1000}s)`, pair(provisioning)],
          ['of which its job waited for a worker, p50 / p99', pair(waited)],
          ['and ran, p50 / p99', pair(ran)],
          ['createTenant to ACTIVE p50 before the load (3 tenants)', `${percentile(unloaded, 0.5).toFixed(0)} ms`],
          [`other tenants' deliveries, event to receiver, p50 / p99 (${answering.latencies.length})`, pair(answering.latencies)],
          [`pending deliveries ${SETTLE_SECONDS}s after the load: to the hanging receiver / others`, `${pending.hung} / ${pending.others}`],
          ['peak RSS of the gateway', `${peakRssMiB(gateway.child).toFixed(0)} MiB`],
        ],
      );
    } finally {
      await client.dispose();
    }
  } finally {
    await stopProcesses(running);
    await hung.close();
    await answering.close();
    await dropBenchDatabases(server, prefix);
  }
}

runBenchmark(benchmark);
