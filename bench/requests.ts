// `npm run bench`: the gateway next to PostGraphile 5 on the same tenant database,
// the same rows and the same query shapes, in one run. Each server is its own
// process; wrk (apt-get install wrk) drives 32 connections at one, then the other,
// twice per shape, so a noisy moment of the machine hits both. The gateway runs as
// in production: signed-in requests routed to the tenant, metering, limits and the
// audit plugin on. PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startSession } from '../src/auth/sessions';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/db/platformDatabase';
import { createLogger } from '../src/logger';
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant } from '../src/provisioning/provisionTenant';
import type { Services } from '../src/services';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { fillTenant } from './fillTenant';
import { describeMachine, printTable } from './machine';
import { peakRssMiB, productionGateway, startProcess, stopProcesses, type BenchProcess } from './processes';
import { assertWrkInstalled, runLoad, type LoadResult } from './wrk';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** Node flags for the gateway process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes. */
const GATEWAY_FLAGS = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** Only the shapes whose name contains this. */
const ONLY = process.env.BENCH_ONLY ?? '';

/** 500 products in 10 categories, 200 customers, 1,000 invoices of 3 items and a payment, 500 journal entries of 2 lines. */
async function fill(services: Services, tenant: TenantRecord) {
  const rows = { categories: 10, products: 500, customers: 200, invoices: 1000, itemsPerInvoice: 3 };
  const { productIds } = await fillTenant(services, tenant, rows, async (db, { customerIds }) => {
    const accounts = new Map((await db.account.findMany()).map((a) => [a.code, a.id]));
    const entries = Array.from({ length: 500 }, (_, i) => ({ id: randomUUID(), description: `Sale ${i}`, sourceType: 'invoice' }));
    await db.journalEntry.createMany({ data: entries });
    await db.journalLine.createMany({
      data: entries.flatMap((e, i) => [
        { entryId: e.id, accountId: accounts.get('1300')!, debit: '10', customerId: customerIds[i % customerIds.length] },
        { entryId: e.id, accountId: accounts.get('4100')!, credit: '10' },
      ]),
    });
  });
  return { productId: productIds[42] };
}

async function answerOf(url: string, query: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`${url} answered ${query} with errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function benchmark(server: string) {
  assertWrkInstalled();
  const gatewayProcess = productionGateway(server);
  const { prefix, platformUrl, env } = gatewayProcess;
  const log = createLogger('silent');
  console.log(`tenantgraph vs PostGraphile 5 (${ROUNDS} x ${SECONDS}s per shape and server, ${CONNECTIONS} connections, wrk)\n${await describeMachine(server)}\n`);
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', ACCESS_TOKEN_TTL: '1d' }), { platformUrl, log });
  const running: BenchProcess[] = [];
  try {
    const user = await services.platform.user.create({ data: { email: 'bench@example.com', name: 'bench', passwordHash: 'x' } });
    const record = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug: 'bench-shop', name: 'bench-shop', isolation: 'DATABASE', planCode: 'enterprise', ownerId: user.id }));
    const tenant = await provisionTenant(services, record.id);
    const { productId } = await fill(services, tenant);
    // A token that outlasts the whole run (a session, as a login opens one).
    const { token } = await startSession(services, user);
    const tenantUrl = services.servers.connectionOf(tenant).url;
    await closeServices(services);

    const gateway = await gatewayProcess.start({}, GATEWAY_FLAGS);
    running.push(gateway);
    const port = Number(new URL(gateway.url).port) + 1;
    const peer = await startProcess('PostGraphile', [path.resolve(__dirname, 'peers/postgraphileServer.js'), tenantUrl, String(port)], { PATH: process.env.PATH }, /listening/, `http://127.0.0.1:${port}/graphql`);
    running.push(peer);
    const headers = { authorization: `Bearer ${token}`, 'x-tenant': 'bench-shop' };

    // The same shape for both: the gateway's query, then PostGraphile's (amber: rowId, allX, xByY).
    const shapes: Array<[string, string, string]> = [
      [
        'products page of 20 with categories',
        '{ products(first: 20) { edges { node { id name price category { name } } } } }',
        '{ allProducts(first: 20) { edges { node { rowId name price categoryByCategoryId { name } } } } }',
      ],
      ['product by id', `{ product(id: "${productId}") { id sku name price } }`, `{ productByRowId(rowId: "${productId}") { rowId sku name price } }`],
      [
        'invoices page of 20, nested',
        '{ invoices(first: 20) { edges { node { number total customer { name } items { quantity product { sku category { name } } } payments { amount } } } } }',
        '{ allInvoices(first: 20, orderBy: PRIMARY_KEY_DESC) { edges { node { number total customerByCustomerId { name } invoiceItemsByInvoiceId { nodes { quantity productByProductId { sku categoryByCategoryId { name } } } } paymentsByInvoiceId { nodes { amount } } } } } }',
      ],
      [
        'journal entries of 20 with lines and accounts',
        '{ journalEntries(first: 20) { edges { node { number date description lines { debit credit account { code name } } } } } }',
        '{ allJournalEntries(first: 20, orderBy: PRIMARY_KEY_DESC) { edges { node { number date description journalLinesByEntryId { nodes { debit credit accountByAccountId { code name } } } } } } }',
      ],
    ];
    const rows: Array<Array<string | number>> = [];
    for (const [name, ours, theirs] of shapes.filter(([shape]) => shape.includes(ONLY))) {
      await answerOf(gateway.url, ours, headers);
      await answerOf(peer.url, theirs, {});
      const results: Record<'ours' | 'theirs', LoadResult[]> = { ours: [], theirs: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [side, url, query, sent] of [['ours', gateway.url, ours, headers], ['theirs', peer.url, theirs, {}]] as const) {
          const load = (seconds: number) => runLoad({ url, body: JSON.stringify({ query }), headers: sent, seconds, connections: CONNECTIONS });
          await load(2); // warm up
          results[side].push(await load(SECONDS));
        }
      }
      const summary = (r: LoadResult[]) => ({ rps: mean(r.map((x) => x.requestsPerSecond)), p50: mean(r.map((x) => x.p50Ms)), p99: mean(r.map((x) => x.p99Ms)), errors: r.reduce((n, x) => n + x.errors, 0) });
      const a = summary(results.ours);
      const b = summary(results.theirs);
      rows.push([name, a.rps.toFixed(0), a.p50.toFixed(1), a.p99.toFixed(1), a.errors, b.rps.toFixed(0), b.p50.toFixed(1), b.p99.toFixed(1), `${(a.rps / b.rps).toFixed(2)}x`]);
    }
    printTable(['shape', 'tenantgraph req/s', 'p50 ms', 'p99 ms', 'errors', 'PostGraphile req/s', 'p50 ms', 'p99 ms', 'ratio'], rows);
    const ourRss = peakRssMiB(gateway.child);
    const theirRss = peakRssMiB(peer.child);
    console.log(`\npeak RSS: tenantgraph ${ourRss.toFixed(0)} MiB, PostGraphile ${theirRss.toFixed(0)} MiB (ratio ${(ourRss / theirRss).toFixed(2)}x)`);
  } finally {
    await stopProcesses(running);
    await dropBenchDatabases(server, prefix);
  }
}

runBenchmark(benchmark);
