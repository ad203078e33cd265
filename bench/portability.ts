// `npm run bench:portability`: a tenant of 10,000 products and 10,000 invoices (3 items
// and a payment each, with their journal entries) on each engine: how long exportTenant
// takes to a READY archive and createTenant(restoreFrom:) to an ACTIVE copy, both
// through the API as a client uses them, the archive's size, and how much the tenant's
// own reads slow down while an export runs (target: at most 20%).
//
// PostgreSQL: see bench/benchServer.ts. MariaDB/MySQL: BENCH_MYSQL_URL or TEST_MYSQL_URL
// (skipped without one). BENCH_PRODUCTS / BENCH_INVOICES size the tenant.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { withDatabase } from '../src/db/urls';
import { createLogger } from '../src/logger';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { startJobWorker } from '../src/provisioning/jobs/jobWorker';
import { startGateway } from '../src/server/gateway';
import { quoteMysqlIdent } from '../src/db/identifiers';
import { withMysql } from '../src/db/withMysql';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { fillTenant } from './fillTenant';
import { describeMachine, printTable } from './machine';
import { followJob, post, provisionOne, wsClient } from './provisionOverApi';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 10_000);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
/** How long each read rate is measured. */
const READ_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const READERS = 4;
const PAGE = '{ products(first: 20, orderBy: [PRICE_DESC]) { nodes { id sku name price stock } } }';

interface Row {
  engine: string;
  exportMs: number;
  restoreMs: number;
  sizeBytes: number;
  rows: number;
  readsAlone: number;
  readsDuringExport: number;
}

/** Reads the tenant's product page from READERS clients for `seconds` (or until `until` settles): requests per second. */
async function readRate(url: string, token: string, slug: string, seconds: number, until?: Promise<unknown>): Promise<number> {
  let done = false;
  let count = 0;
  const stop = new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));
  void (until ?? stop).then(() => (done = true));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!done) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-tenant': slug }, body: JSON.stringify({ query: PAGE }) });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        count += 1;
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function dropMysqlDatabasesStartingWith(url: string, prefix: string) {
  await withMysql(url, async (sql) => {
    const names = await sql.query<{ name: string }>('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${prefix}%`]);
    for (const { name } of names) await sql.query(`DROP DATABASE IF EXISTS ${quoteMysqlIdent(name)}`);
  });
}

async function exportOnce(url: string, client: ReturnType<typeof wsClient>, token: string, slug: string) {
  const started = performance.now();
  const { exportTenant } = await post(url, 'mutation($t: String!) { exportTenant(tenant: $t) { id job { id } } }', { t: slug }, token);
  const status = await followJob(client, exportTenant.job.id, 600_000);
  if (status !== 'SUCCEEDED') throw new Error(`the export of ${slug} ended ${status}`);
  return { id: exportTenant.id as string, ms: performance.now() - started };
}

runBenchmark(async (serverUrl) => {
  console.log(await describeMachine(serverUrl));
  console.log(`a tenant of ${PRODUCTS} products and ${INVOICES} invoices (3 items and a payment each); reads: its product page from ${READERS} clients, ${READ_SECONDS} s\n`);
  const prefix = `tgbench${randomBytes(3).toString('hex')}_`;
  const platformUrl = withDatabase(serverUrl, `${prefix}platform`);
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: platformUrl,
    TENANT_SERVERS: [`main=${serverUrl}`, ...(MYSQL_URL ? [`mysql=${MYSQL_URL}`] : [])].join(','),
    TENANT_DB_PREFIX: prefix,
    SHARED_SCHEMA_DATABASE: `${prefix}shared`,
    POOL_DATABASE: `${prefix}pool`,
    DATA_DIR: `/tmp/${prefix}data`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const log = createLogger(config.logLevel);
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(config, { platformUrl, log });
  const worker = await startJobWorker(services, platformUrl);
  const gateway = await startGateway(services, { port: 0, host: '127.0.0.1' });
  const { signUp } = await post(gateway.url, 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { email: `bench@${prefix.slice(0, -1)}.test`, password: 'bench-password', name: 'Bench' },
  });
  const token = signUp.token as string;
  const client = wsClient(gateway.url, token);
  const rows: Row[] = [];
  try {
    for (const engine of MYSQL_URL ? (['POSTGRESQL', 'MYSQL'] as const) : (['POSTGRESQL'] as const)) {
      const slug = `shop-${engine.toLowerCase()}`;
      await provisionOne(gateway.url, client, token, { slug, engine });
      const tenant = (await services.registry.find(slug))!;
      await fillTenant(services, tenant, { categories: 50, products: PRODUCTS, customers: 2_000, invoices: INVOICES, itemsPerInvoice: 3 });
      await exportOnce(gateway.url, client, token, slug); // warm-up: the job path, the store, the connections
      const readsAlone = await readRate(gateway.url, token, slug, READ_SECONDS);
      const timed = exportOnce(gateway.url, client, token, slug);
      const readsDuringExport = await readRate(gateway.url, token, slug, READ_SECONDS, timed);
      const archive = await timed;
      const row = await services.platform.tenantExport.findUniqueOrThrow({ where: { id: archive.id } });
      const restoreMs = await provisionOne(gateway.url, client, token, { slug: `${slug}-copy`, engine, restoreFrom: archive.id }, 600_000);
      rows.push({ engine, exportMs: archive.ms, restoreMs, sizeBytes: Number(row.sizeBytes), rows: row.rows ?? 0, readsAlone, readsDuringExport });
    }
  } finally {
    await client.dispose();
    await gateway.close();
    await worker.stop();
    await closeServices(services);
    await dropBenchDatabases(serverUrl, prefix);
    if (MYSQL_URL) await dropMysqlDatabasesStartingWith(MYSQL_URL, prefix);
  }
  printTable(
    ['engine', 'rows', 'archive', 'export to READY', 'restore to ACTIVE', 'reads alone', 'reads during export', 'slowdown (target <= 20%)'],
    rows.map((r) => [
      r.engine,
      r.rows,
      `${(r.sizeBytes / 1048576).toFixed(1)} MiB`,
      `${(r.exportMs / 1000).toFixed(1)} s`,
      `${(r.restoreMs / 1000).toFixed(1)} s`,
      `${r.readsAlone.toFixed(0)}/s`,
      `${r.readsDuringExport.toFixed(0)}/s`,
      `${(100 * (1 - r.readsDuringExport / r.readsAlone)).toFixed(0)}%`,
    ]),
  );
});
