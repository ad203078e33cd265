// `npm run bench`: throughput and latency of typical operations through the gateway,
// next to a framework-free graphql-js server on the same tables (bench/baselineServer.ts),
// plus the memory an open tenant client costs. Needs `wrk` (apt-get install wrk);
// PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { dropDatabasesStartingWith } from '../src/db/dropDatabases';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/db/platformDatabase';
import { withDatabase } from '../src/db/urls';
import { createLogger } from '../src/logger';
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant } from '../src/provisioning/provisionTenant';
import { startGateway } from '../src/server/gateway';
import type { Services } from '../src/services';
import { startBaseline } from './baselineServer';
import { withBenchServer } from './benchServer';
import { describeMachine, printTable } from './machine';
import { runLoad } from './wrk';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function fillTenant(services: Services, tenantId: string) {
  const tenant = await services.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const lease = services.pool.acquire(tenant);
  const db = lease.db;
  const categories = Array.from({ length: 10 }, (_, i) => ({ id: randomUUID(), name: `Category ${i}` }));
  const products = Array.from({ length: 500 }, (_, i) => ({
    id: randomUUID(), sku: `SKU-${i}`, name: `Product ${i}`, kind: 'GOODS' as const, price: `${10 + (i % 90)}.50`, currency: 'USD', categoryId: categories[i % 10].id,
  }));
  const customers = Array.from({ length: 200 }, (_, i) => ({ id: randomUUID(), name: `Customer ${i}` }));
  const invoices = Array.from({ length: 1000 }, (_, i) => ({ id: randomUUID(), number: `INV-${i}`, kind: 'SALE' as const, currency: 'USD', customerId: customers[i % 200].id, total: '100' }));
  await db.category.createMany({ data: categories });
  await db.product.createMany({ data: products });
  await db.customer.createMany({ data: customers });
  await db.invoice.createMany({ data: invoices });
  await db.invoiceItem.createMany({
    data: invoices.flatMap((inv, i) => [0, 1, 2].map((k) => ({ invoiceId: inv.id, productId: products[(i * 3 + k) % 500].id, description: 'x', quantity: '1', unitPrice: '10', lineTotal: '10', position: k }))),
  });
  await db.payment.createMany({ data: invoices.map((inv) => ({ invoiceId: inv.id, amount: '50', method: 'CASH' as const })) });
  lease.release();
  return { productId: products[42].id };
}

async function main() {
  await withBenchServer(benchmark);
}

async function benchmark(server: string) {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('wrk is not installed: apt-get install wrk');
  }
  const prefix = `tgbench${randomBytes(3).toString('hex')}_`;
  const platformUrl = withDatabase(server, `${prefix}platform`);
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: platformUrl,
    TENANT_DB_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
  });
  const log = createLogger('silent');
  console.log(`tenantgraph request benchmark (${SECONDS}s per run, ${CONNECTIONS} connections, wrk)\n${await describeMachine(server)}\n`);
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(config, { platformUrl, log });
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const user = await services.platform.user.create({ data: { email: 'bench@example.com', name: 'bench', passwordHash: 'x' } });
    const create = async (slug: string) => {
      const t = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug, name: slug, isolation: 'DATABASE', planCode: 'enterprise', ownerId: user.id }));
      return provisionTenant(services, t.id);
    };
    const tenant = await create('bench-shop');
    const { productId } = await fillTenant(services, tenant.id);
    const gateway = await startGateway(services, { port: 0, host: '127.0.0.1' });
    cleanup.push(() => gateway.close());
    const baseline = await startBaseline(platformUrl, services.servers.connectionOf(tenant).url);
    cleanup.push(() => baseline.close());
    const token = await services.tokens.sign({ userId: user.id, email: user.email, platformAdmin: false });
    const headers = { authorization: `Bearer ${token}`, 'x-tenant': 'bench-shop' };

    const scenarios = [
      ['plans (platform, no tenant)', '{ plans { code name } }'],
      ['product by id', `{ product(id: "${productId}") { id sku name price } }`],
      ['products page of 20', '{ products(first: 20) { edges { cursor node { id sku name price category { name } } } } }'],
      ['invoices page of 20, nested', '{ invoices(first: 20) { edges { node { number total customer { name } items { quantity product { sku category { name } } } payments { amount } } } } }'],
    ];
    const rows: Array<Array<string | number>> = [];
    for (const [name, query] of scenarios) {
      const body = JSON.stringify({ query });
      const run = (url: string) => runLoad({ url, body, headers, seconds: SECONDS, connections: CONNECTIONS });
      await runLoad({ url: gateway.url, body, headers, seconds: 2, connections: CONNECTIONS }); // warm up
      const ours = await run(gateway.url);
      await runLoad({ url: baseline.url, body, headers, seconds: 2, connections: CONNECTIONS });
      const base = await run(baseline.url);
      rows.push([name, ours.requestsPerSecond.toFixed(0), ours.p50Ms.toFixed(2), ours.p99Ms.toFixed(2), ours.errors, base.requestsPerSecond.toFixed(0), base.p50Ms.toFixed(2), `${((ours.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(0)}%`]);
    }
    printTable(['operation', 'gateway req/s', 'p50 ms', 'p99 ms', 'errors', 'baseline req/s', 'baseline p50 ms', 'gateway / baseline'], rows);

    // Memory: what each open tenant client costs once it has served a query.
    const extra = [];
    for (let i = 0; i < 20; i++) extra.push(await create(`mem-${i}`));
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage();
    for (const t of extra) {
      const lease = services.pool.acquire(t);
      await lease.db.product.count();
      lease.release();
    }
    gc?.();
    const after = process.memoryUsage();
    console.log(`\nmemory: rss ${(after.rss / 2 ** 20).toFixed(0)} MiB; each open tenant client adds ~${((after.heapUsed - before.heapUsed) / 20 / 2 ** 20).toFixed(2)} MiB heap (20 clients${gc ? '' : ', run with --expose-gc for exact heap'})`);
  } finally {
    for (const step of cleanup.reverse()) await step();
    await closeServices(services);
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await dropDatabasesStartingWith(admin, prefix).finally(() => admin.end());
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
