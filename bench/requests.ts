// `npm run bench`: the gateway next to PostGraphile 5 on the same tenant database,
// the same rows and the same query shapes (bench/requestShapes.ts), in one run. Each
// server is its own process, both with NODE_ENV=production; wrk (apt-get install wrk)
// drives 32 connections at one, then the other, BENCH_ROUNDS times per shape, so a
// noisy moment of the machine hits both. The gateway runs as in production: signed-in
// requests routed to the tenant, metering, limits and the audit plugin on.
//
// Per shape and server: req/s, p50, p99, errors; the CPU per request of the server
// process and of PostgreSQL's backends serving it (bench/cpuUse.ts); and the shape's
// SQL alone: the statements the server sent for one request, run by pgbench
// (bench/statementsAlone.ts). A shape a server does not answer is reported, not fatal.
// BENCH_EXPLAIN=1 prints each shape's statements with their EXPLAIN ANALYZE.
// PostgreSQL: see bench/benchServer.ts.
//
// One shape creates a row of a model no module claims (the gym fixture's GymClass): the
// bench runs in a deployment with those models (scripts/build-deployment.cjs, built
// once and kept until the sources change), whose gateway and tenant database both
// servers then serve.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { startSession } from '../src/auth/sessions';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { databaseOf } from '../src/db/urls';
import { graphModels } from '../src/model/tenantModel';
import { createLogger } from '../src/logger';
import { projectRoot } from '../src/projectRoot';
import { createTenantRecord } from '../src/provisioning/createTenantRecord';
import { provisionTenant } from '../src/provisioning/provisionTenant';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { cpuDuring } from './cpuUse';
import { fillTenant, type TenantRows } from './fillTenant';
import { describeMachine, printTable } from './machine';
import { peakRssMiB, productionGateway, startProcess, stopProcesses, type BenchProcess } from './processes';
import { bodyOf, requestShapes, type Shape } from './requestShapes';
import type { LoggedStatement } from './statementLog';
import { pgbenchRate, pgbenchScript, statementsOf, withValues } from './statementsAlone';
import { startTraceSink, type TraceSink } from './traceSink';
import { FRESH_ID, assertWrkInstalled, runLoad, type LoadResult } from './wrk';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_SECONDS = 2;
/** How long pgbench runs each shape's statements. */
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 8);
/** Node flags for the gateway process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes. */
const GATEWAY_FLAGS = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** Only the shapes whose name contains this. */
const ONLY = process.env.BENCH_ONLY ?? '';
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
/** The gateway sends a span per operation and statement to an OTLP endpoint that keeps nothing (bench/traceSink.ts): what tracing on costs. */
const TRACING = process.env.BENCH_TRACING === '1';
const ROWS: TenantRows = { categories: 20, products: 10_000, customers: 1_000, invoices: 5_000, itemsPerInvoice: 3 };
const STATEMENT_LOG = path.resolve(__dirname, 'statementLog.js');

interface Side {
  label: 'ours' | 'theirs';
  name: 'tenantgraph' | 'PostGraphile';
  server: BenchProcess;
  headers: Record<string, string>;
  /** The application_name its connections carry (PGAPPNAME), to find its backends. */
  applicationName: string;
  statementLog: string;
  /** The HTTP body of its request for the shape. */
  body: (shape: Shape) => string;
}

interface Measured {
  /** Why the server did not answer the shape, if it did not. */
  notAnswered?: string;
  runs: LoadResult[];
  serverMs: number;
  postgresMs: number | null;
  statements: LoggedStatement[];
  alone?: { perSecond: number } | { error: string };
  rowsCreated: number;
}

/** The first error of the server's answer to the request, or undefined when it answered. */
async function firstError(url: string, body: string, headers: Record<string, string>): Promise<string | undefined> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message: string }> };
    if (body.errors?.length) return body.errors[0].message;
  } catch {
    return `HTTP ${response.status}: ${text.slice(0, 200)}`;
  }
  return response.ok ? undefined : `HTTP ${response.status}`;
}

/** A request body as wrk would send it: a fresh id where it asks for one. */
const once = (body: string) => body.replaceAll(FRESH_ID, uuidv7());

async function countRows(db: pg.Client, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
  return rows[0].n;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const fixed = (value: number | null, digits: number) => (value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));

async function benchmark(server: string) {
  assertWrkInstalled();
  const gatewayProcess = productionGateway(server);
  const { prefix, platformUrl, env } = gatewayProcess;
  const log = createLogger('silent');
  const work = mkdtempSync(path.join(tmpdir(), 'tenantgraph-bench-'));
  console.log(
    `tenantgraph vs PostGraphile 5 (${ROUNDS} x ${SECONDS}s per shape and server after ${WARMUP_SECONDS}s of warm-up, ${CONNECTIONS} connections, wrk; SQL alone: pgbench -c 4 -j 2 -T ${PGBENCH_SECONDS})\n${await describeMachine(server)}\n`,
  );
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', ACCESS_TOKEN_TTL: '1d' }), { platformUrl, log });
  const running: BenchProcess[] = [];
  const admin = new pg.Client({ connectionString: server, application_name: 'tenantgraph-bench' });
  let tenantDb: pg.Client | undefined;
  let traces: TraceSink | undefined;
  try {
    const user = await services.platform.user.create({ data: { email: 'bench@example.com', name: 'bench', passwordHash: 'x' } });
    const record = await services.platform.$transaction((tx) => createTenantRecord(tx, { slug: 'bench-shop', name: 'bench-shop', isolation: 'DATABASE', planCode: 'enterprise', ownerId: user.id }));
    const tenant = await provisionTenant(services, record.id);
    const filling = performance.now();
    const { productIds } = await fillTenant(services, tenant, ROWS);
    const tenantUrl = services.servers.connectionOf(tenant).url;
    tenantDb = new pg.Client({ connectionString: tenantUrl });
    await tenantDb.connect();
    const gymId = uuidv7();
    await tenantDb.query(`INSERT INTO "Gym" (id, name) VALUES ($1, 'Bench gym')`, [gymId]);
    await tenantDb.query('ANALYZE');
    console.log(
      `filled ${ROWS.products} products in ${ROWS.categories} categories, ${ROWS.customers} customers, ${ROWS.invoices} invoices of ${ROWS.itemsPerInvoice} items and a payment, ` +
        `${ROWS.invoices} journal entries of 3 lines in ${((performance.now() - filling) / 1000).toFixed(1)} s\n`,
    );
    // A token that outlasts the whole run (a session, as a login opens one).
    const { token } = await startSession(services, user);
    await closeServices(services);
    await admin.connect();

    const sides: Side[] = [];
    const gatewayLog = path.join(work, 'gateway-statements.jsonl');
    traces = TRACING ? await startTraceSink() : undefined;
    const tracing: Record<string, string> = traces ? { OTEL_EXPORTER_OTLP_ENDPOINT: traces.endpoint } : {};
    const gateway = await gatewayProcess.start({ PGAPPNAME: 'tenantgraph-gateway', BENCH_STATEMENT_LOG: gatewayLog, ...tracing }, ['-r', STATEMENT_LOG, ...GATEWAY_FLAGS]);
    running.push(gateway);
    sides.push({ label: 'ours', name: 'tenantgraph', server: gateway, headers: { authorization: `Bearer ${token}`, 'x-tenant': 'bench-shop' }, applicationName: 'tenantgraph-gateway', statementLog: gatewayLog, body: (s) => bodyOf(s.ours) });
    const port = Number(new URL(gateway.url).port) + 1;
    const peerLog = path.join(work, 'postgraphile-statements.jsonl');
    const peerEnv = { PATH: process.env.PATH, NODE_ENV: 'production', PGAPPNAME: 'postgraphile', BENCH_STATEMENT_LOG: peerLog };
    const peer = await startProcess('PostGraphile', ['-r', STATEMENT_LOG, path.resolve(__dirname, 'peers/postgraphileServer.js'), tenantUrl, String(port)], peerEnv, /listening/, `http://127.0.0.1:${port}/graphql`);
    running.push(peer);
    sides.push({ label: 'theirs', name: 'PostGraphile', server: peer, headers: {}, applicationName: 'postgraphile', statementLog: peerLog, body: (s) => bodyOf(s.theirs) });

    const shapes = requestShapes({ productId: productIds[42], gymId, recentSince: new Date(Date.now() - 182 * 86_400_000) }).filter((s) => s.name.includes(ONLY));
    const rows: Array<Array<string | number>> = [];
    const notes: string[] = [];
    for (const shape of shapes) {
      const measured = await measureShape(shape, sides, { admin, tenantDb, tenantUrl, work });
      rows.push([shape.name, ...cells(sides.map((side) => measured.get(side)!))]);
      for (const side of sides) {
        const { notAnswered, alone, rowsCreated } = measured.get(side)!;
        if (notAnswered) notes.push(`${shape.name}: ${side.name} not answered: ${notAnswered}`);
        if (alone && 'error' in alone) notes.push(`${shape.name}: ${side.name}'s SQL alone failed: ${alone.error}`);
        if (shape.writes && !notAnswered) notes.push(`${shape.name}: ${side.name} created ${rowsCreated} rows in ${shape.writes.table}`);
      }
    }
    printTable(
      ['shape', 'ours req/s', 'theirs req/s', 'ratio', 'ours p50', 'theirs p50', 'ours p99', 'theirs p99', 'errors', 'ours CPU', 'theirs CPU', 'ours db CPU', 'theirs db CPU', 'ours SQL alone', 'theirs SQL alone'],
      rows,
    );
    console.log(
      '\nours: tenantgraph; theirs: PostGraphile 5 (amber, connection filter, pg-aggregates), both NODE_ENV=production. p50/p99 in ms. ' +
        'CPU, db CPU: milliseconds of CPU per request of the server process, and of the PostgreSQL backends of its connections (the gateway\'s platform database included). ' +
        'SQL alone: runs per second of the statements the server sent for one request on the tenant database (their count in brackets), by pgbench -c 4 -j 2.',
    );
    for (const note of notes) console.log(`- ${note}`);
    const ourRss = peakRssMiB(gateway.child);
    const theirRss = peakRssMiB(peer.child);
    console.log(`\npeak RSS: tenantgraph ${ourRss.toFixed(0)} MiB, PostGraphile ${theirRss.toFixed(0)} MiB (ratio ${(ourRss / theirRss).toFixed(2)}x)`);
    console.log(`each shape's SQL as pgbench ran it: ${work}/*.sql`);
    if (traces) {
      const { exports, bytes } = traces.received();
      console.log(`tracing on (BENCH_TRACING=1): the gateway sent ${exports} OTLP exports, ${(bytes / 1e6).toFixed(1)} MB, to an endpoint that keeps nothing`);
    }
  } finally {
    await stopProcesses(running);
    await traces?.close();
    await tenantDb?.end();
    await admin.end().catch(() => {});
    await dropBenchDatabases(server, prefix);
  }
}

/**
 * Measures one shape on each server that answers it: its statements for one request,
 * then ROUNDS runs of each server in turn (after a warm-up each), then its SQL alone.
 */
async function measureShape(shape: Shape, sides: Side[], on: { admin: pg.Client; tenantDb: pg.Client; tenantUrl: string; work: string }): Promise<Map<Side, Measured>> {
  const measured = new Map<Side, Measured>();
  for (const side of sides) {
    const notAnswered = await firstError(side.server.url, once(side.body(shape)), side.headers);
    const entry: Measured = { notAnswered, runs: [], serverMs: 0, postgresMs: 0, statements: [], rowsCreated: 0 };
    if (!notAnswered) entry.statements = await statementsOf(side.server.child, side.statementLog, databaseOf(on.tenantUrl), () => firstError(side.server.url, once(side.body(shape)), side.headers));
    measured.set(side, entry);
  }
  const answering = sides.filter((side) => !measured.get(side)!.notAnswered);
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of answering) {
      const entry = measured.get(side)!;
      const load = (seconds: number) => runLoad({ url: side.server.url, body: side.body(shape), headers: side.headers, seconds, connections: CONNECTIONS });
      const rowsBefore = shape.writes ? await countRows(on.tenantDb, shape.writes.table) : 0;
      await load(WARMUP_SECONDS);
      const { result, cpu } = await cpuDuring(on.admin, { pid: side.server.child.pid!, applicationName: side.applicationName }, () => load(SECONDS));
      if (shape.writes) entry.rowsCreated += (await countRows(on.tenantDb, shape.writes.table)) - rowsBefore;
      entry.runs.push(result);
      entry.serverMs += cpu.serverMs;
      entry.postgresMs = entry.postgresMs === null || cpu.postgresMs === null ? null : entry.postgresMs + cpu.postgresMs;
    }
  }
  for (const side of answering) {
    const entry = measured.get(side)!;
    const script = path.join(on.work, `${shape.name.replace(/\W+/g, '-')}.${side.label}.sql`);
    entry.alone = await pgbenchRate(on.tenantUrl, script, pgbenchScript(entry.statements, shape.refers), PGBENCH_SECONDS);
    if (EXPLAIN) await explain(on.tenantDb, `${shape.name}, ${side.label}`, entry.statements);
  }
  return measured;
}

/** A shape's cells of the table: each measure of ours beside theirs. */
function cells([ours, theirs]: Measured[]): Array<string | number> {
  const rps = (m: Measured) => (m.runs.length ? mean(m.runs.map((r) => r.requestsPerSecond)) : null);
  const requests = (m: Measured) => m.runs.reduce((n, r) => n + r.requests, 0);
  const perRequest = (m: Measured, ms: number | null) => (m.runs.length && ms !== null ? ms / requests(m) : null);
  const latency = (m: Measured, key: 'p50Ms' | 'p99Ms') => (m.runs.length ? mean(m.runs.map((r) => r[key])) : null);
  const alone = (m: Measured) => (!m.alone ? 'n/a' : 'error' in m.alone ? 'failed' : `${m.alone.perSecond.toFixed(0)}/s (${m.statements.length})`);
  const ratio = rps(ours) !== null && rps(theirs) !== null ? `${(rps(ours)! / rps(theirs)!).toFixed(2)}x` : 'n/a';
  const errors = (m: Measured) => (m.runs.length ? m.runs.reduce((n, r) => n + r.errors, 0) : '-');
  return [
    fixed(rps(ours), 0),
    fixed(rps(theirs), 0),
    ratio,
    fixed(latency(ours, 'p50Ms'), 1),
    fixed(latency(theirs, 'p50Ms'), 1),
    fixed(latency(ours, 'p99Ms'), 1),
    fixed(latency(theirs, 'p99Ms'), 1),
    `${errors(ours)}/${errors(theirs)}`,
    fixed(perRequest(ours, ours.serverMs), 2),
    fixed(perRequest(theirs, theirs.serverMs), 2),
    fixed(perRequest(ours, ours.postgresMs), 2),
    fixed(perRequest(theirs, theirs.postgresMs), 2),
    alone(ours),
    alone(theirs),
  ];
}

/** Prints the statements with their values in, and the EXPLAIN ANALYZE of each that only reads. */
async function explain(db: pg.Client, title: string, statements: LoggedStatement[]) {
  console.log(`\n--- ${title}: ${statements.length} statements`);
  for (const statement of statements) {
    const sql = withValues(statement);
    console.log(`\n${sql}`);
    if (!/^\s*(select|with)\b/i.test(sql)) continue;
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${sql}`);
    console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
}

interface DeploymentBuilder {
  buildDeployment(options: { name: string; models: string[]; databaseUrl: string }): Promise<{ dir: string; cached: boolean; migrationSeconds: number; buildSeconds: number }>;
}

/** This bench, run from the gym deployment's build on the same server; resolves when it ends. */
async function inGymDeployment(server: string): Promise<void> {
  const { buildDeployment } = require(path.join(projectRoot, 'scripts/build-deployment.cjs')) as DeploymentBuilder;
  const built = await buildDeployment({ name: 'bench-gym', models: [path.join(projectRoot, 'test/fixtures/tenant-models/gym')], databaseUrl: server });
  console.log(
    `the gym deployment: ${built.dir}${built.cached ? ', built before' : `, built (migration:create ${built.migrationSeconds.toFixed(1)} s, build ${built.buildSeconds.toFixed(1)} s)`}\n`,
  );
  const child = spawn(process.execPath, [path.join(built.dir, 'dist/bench/requests.js')], { stdio: 'inherit', env: { ...process.env, BENCH_DATABASE_URL: server } });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the bench in the gym deployment ended with ${code}`);
}

runBenchmark(graphModels.some((m) => m.name === 'GymClass' && !m.module) ? benchmark : inGymDeployment);
