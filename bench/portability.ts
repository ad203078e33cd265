// `npm run bench:portability`: a tenant of 10,000 products and 10,000 invoices (3 items
// and a payment each, with their journal entries) on each engine: how long exportTenant
// takes to a READY archive and createTenant(restoreFrom:) to an ACTIVE copy, both
// through the API as a client uses them, the archive's size, and how much the tenant's
// own reads slow down while an export runs (target: at most 20%).
//
// PostgreSQL: see bench/benchServer.ts. MariaDB/MySQL: BENCH_MYSQL_URL or TEST_MYSQL_URL
// (skipped without one). BENCH_PRODUCTS / BENCH_INVOICES size the tenant.
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dropMysqlDatabasesStartingWith } from '../src/db/dropDatabases';
import { runBenchmark } from './benchServer';
import { startInProcessGateway } from './inProcessGateway';
import { fillTenant } from './fillTenant';
import { machineCpuMs, processCpuMs } from './cpuUse';
import { describeMachine, printTable } from './machine';
import { followJob, post, provisionOne, type wsClient } from './provisionOverApi';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 10_000);
const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
/** How long each read rate is measured. */
const READ_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const READERS = 4;
const PAGE = '{ products(first: 20, orderBy: [PRICE_DESC]) { nodes { id sku name price stock } } }';

interface Row {
  engine: string;
  exportMs: number;
  /** The same export while the reads go on: it gives way to them (EXPORT_CPU_SHARE). */
  exportDuringReadsMs: number;
  /** CPU of the export alone: the gateway process's, and the rest of the machine's (PostgreSQL or MariaDB). */
  gatewayCpuMs: number;
  restCpuMs: number;
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
  const gateway = await startInProcessGateway(serverUrl, {
    NODE_ENV: 'production',
    TENANT_SERVERS: [`main=${serverUrl}`, ...(MYSQL_URL ? [`mysql=${MYSQL_URL}`] : [])].join(','),
    DATA_DIR: path.join(os.tmpdir(), `tenantgraph-bench-portability-${process.pid}`),
  });
  const { url, token, client, services, prefix } = gateway;
  const rows: Row[] = [];
  try {
    for (const engine of MYSQL_URL ? (['POSTGRESQL', 'MYSQL'] as const) : (['POSTGRESQL'] as const)) {
      const slug = `shop-${engine.toLowerCase()}`;
      // A plan without a monthly quota of API calls: the reads below make tens of thousands.
      await provisionOne(url, client, token, { slug, engine, plan: 'enterprise' });
      const tenant = (await services.registry.find(slug))!;
      await fillTenant(services, tenant, { categories: 50, products: PRODUCTS, customers: 2_000, invoices: INVOICES, itemsPerInvoice: 3 });
      await exportOnce(url, client, token, slug); // warm-up: the job path, the store, the connections
      const [machineBefore, gatewayBefore] = [machineCpuMs(), processCpuMs(process.pid)!];
      const alone = await exportOnce(url, client, token, slug);
      const gatewayCpuMs = processCpuMs(process.pid)! - gatewayBefore;
      const restCpuMs = machineCpuMs() - machineBefore - gatewayCpuMs;
      await readRate(url, token, slug, WARMUP_SECONDS); // warm-up: plans, connections
      const readsAlone = await readRate(url, token, slug, READ_SECONDS);
      const timed = exportOnce(url, client, token, slug);
      const readsDuringExport = await readRate(url, token, slug, READ_SECONDS, timed);
      const during = await timed;
      const row = await services.platform.tenantExport.findUniqueOrThrow({ where: { id: alone.id } });
      const restoreMs = await provisionOne(url, client, token, { slug: `${slug}-copy`, engine, plan: 'enterprise', restoreFrom: alone.id }, 600_000);
      rows.push({ engine, exportMs: alone.ms, exportDuringReadsMs: during.ms, gatewayCpuMs, restCpuMs, restoreMs, sizeBytes: Number(row.sizeBytes), rows: row.rows ?? 0, readsAlone, readsDuringExport });
    }
  } finally {
    await gateway.close();
    if (MYSQL_URL) await dropMysqlDatabasesStartingWith(MYSQL_URL, prefix);
    await rm(services.config.dataDir, { recursive: true, force: true });
  }
  printTable(
    ['engine', 'rows', 'archive', 'export to READY', 'its CPU: gateway / database', 'restore to ACTIVE', 'reads alone', 'reads during export', 'slowdown (target <= 20%)', 'export during reads'],
    rows.map((r) => [
      r.engine,
      r.rows,
      `${(r.sizeBytes / 1048576).toFixed(1)} MiB`,
      `${(r.exportMs / 1000).toFixed(1)} s`,
      `${(r.gatewayCpuMs / 1000).toFixed(1)} s / ${(r.restCpuMs / 1000).toFixed(1)} s`,
      `${(r.restoreMs / 1000).toFixed(1)} s`,
      `${r.readsAlone.toFixed(0)}/s`,
      `${r.readsDuringExport.toFixed(0)}/s`,
      `${(100 * (1 - r.readsDuringExport / r.readsAlone)).toFixed(0)}%`,
      `${(r.exportDuringReadsMs / 1000).toFixed(1)} s`,
    ]),
  );
});
