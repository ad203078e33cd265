// `npm run bench:rollout`: a fleet rolled through a small additive migration while a
// tenant outside the rollout keeps serving, as an operator lives a release:
//   - the next release is a deployment of this project whose one change is two columns
//     on Customer (test/fixtures/deploymentEdits.ts), built as its users build one
//     (scripts/build-deployment.cjs, kept until the sources change): its one new tenant
//     migration, two ADD COLUMNs, is the migration rolled out;
//   - on a platform of its own (bench/fleetPlatform.ts), BENCH_ROLLOUT_TENANTS tenants
//     (1,000) provisioned with this release in this process: 90% POOL, 6% SCHEMA and 3%
//     DATABASE on PostgreSQL, 1% DATABASE on MariaDB (BENCH_MYSQL_URL or TEST_MYSQL_URL;
//     without one, 4% DATABASE on PostgreSQL), or as many as BENCH_ROLLOUT_POOL,
//     _SCHEMA, _DATABASE and _MYSQL say; beside them the probe, a PostgreSQL DATABASE
//     tenant with a catalogue of 10,000 products, which no cohort names;
//   - the next release's gateway as a production process on that platform (its job
//     worker drives rollouts); its start migrates no tenant, which schemaVersions shows;
//   - wrk reads the probe's product page over BENCH_CONNECTIONS (4) connections, each
//     pausing BENCH_PAUSE_MS (5) between an answer and its next request, for
//     BENCH_SECONDS (20) after BENCH_WARMUP_SECONDS (5), then again from the moment a
//     platform admin starts the rollout (a canary cohort of one tenant per placement,
//     then the rest; concurrencyPerServer BENCH_ROLLOUT_CONCURRENCY, default the
//     gateway's DB_CONCURRENCY) until it has ended.
// Printed: the rollout's time, tenants per second per database server, each placement's
// time per tenant, the probe's p99 without and during the rollout (target: at most
// 1.5x), and the CPU of the gateway and of the PostgreSQL server in both windows. It
// fails unless the rollout SUCCEEDED with no tenant failed or skipped and schemaVersions
// ends with every tenant but the probe on the next release's version, and when a request
// of the probe failed. PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startSession } from '../src/auth/sessions';
import { withMysql } from '../src/db/withMysql';
import type { Isolation, TenantEngine } from '../src/generated/platform/enums';
import { projectRoot } from '../src/projectRoot';
import type { ProvisionServices } from '../src/provisioning/provisionTenant';
import { latestVersion } from '../src/provisioning/schemaVersions';
import { withTenantSql } from '../src/provisioning/tenantSql';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import { CUSTOMER_COLUMNS } from '../test/fixtures/deploymentEdits';
import { runBenchmark } from './benchServer';
import { postgresServerCpuMs, postmasterPid, processCpuMs } from './cpuUse';
import { fillTenant, type TenantRows } from './fillTenant';
import { onFleetPlatform } from './fleetPlatform';
import { FLEET_SETTINGS } from './fleetSettings';
import { describeMachine, printTable } from './machine';
import { stopProcesses, type BenchProcess } from './processes';
import { post } from './provisionOverApi';
import { createActiveTenant, fleetOwner, inParallel, provisionFleet } from './tenantFleet';
import { assertWrkInstalled, runLoad, type LoadResult } from './wrk';

const MYSQL_URL = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
/**
 * What each of the probe's connections waits between an answer and its next request:
 * a busy tenant's clients at their own pace, which leave the gateway room, rather than
 * wrk's flood, which keeps its one thread full whatever else it has to do (0: a flood).
 */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 5);
const CONCURRENCY_PER_SERVER = process.env.BENCH_ROLLOUT_CONCURRENCY ? Number(process.env.BENCH_ROLLOUT_CONCURRENCY) : undefined;
/** A rollout still running after this long is taken as hung: the bench fails. */
const ROLLOUT_TIMEOUT_SECONDS = 1800;
/** A window shorter than this holds too few of the probe's requests for its p99 to say much: the output says so. */
const SHORT_WINDOW_SECONDS = 10;
const POLL_MS = 250;
const TARGET_RATIO = 1.5;

const PROBE = 'probe';
/** Enough for the product page to be real work: 20 of 10,000 products by price. */
const PROBE_ROWS: TenantRows = { categories: 20, products: 10_000, customers: 1_000, invoices: 1_000, itemsPerInvoice: 3 };
const PAGE = '{ products(first: 20, orderBy: [PRICE_DESC]) { nodes { id sku name price stock } } }';

const ROLLOUT_FIELDS = 'id status targetVersion concurrencyPerServer createdAt finishedAt error cohorts { name status total succeeded failed skipped } failures { tenant error } skipped { tenant error }';
const START = `mutation($input: StartRolloutInput!) { startRollout(input: $input) { ${ROLLOUT_FIELDS} } }`;
const ROLLOUT = `query($id: ID!) { rollout(id: $id) { ${ROLLOUT_FIELDS} } }`;
const VERSIONS = '{ schemaVersions { version tenants latest } }';

interface Placement {
  isolation: Isolation;
  engine: TenantEngine;
  count: number;
}

interface Rollout {
  id: string;
  status: string;
  targetVersion: string;
  concurrencyPerServer: number;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  cohorts: Array<{ name: string; status: string; total: number; succeeded: number; failed: number; skipped: number }>;
  failures: Array<{ tenant: string; error: string }>;
  skipped: Array<{ tenant: string; error: string }>;
}

/** What the gateway process and the PostgreSQL server spent over a window, in ms of CPU. */
interface WindowCpu {
  seconds: number;
  gatewayMs: number;
  postgresMs: number | null;
}

const count = (n: number) => n.toLocaleString('en-US');
const shareOfCore = (ms: number | null, seconds: number) => (ms === null ? 'n/a' : `${((ms / 1000 / seconds) * 100).toFixed(0)}%`);

/** The fleet from the environment: BENCH_ROLLOUT_TENANTS in the default shares, each placement overridable. */
function fleetMix(): Placement[] {
  const total = Number(process.env.BENCH_ROLLOUT_TENANTS ?? 1000);
  const sized = (variable: string, share: number) => Number(process.env[variable] ?? Math.round(total * share));
  if (!MYSQL_URL && Number(process.env.BENCH_ROLLOUT_MYSQL ?? 0) > 0) throw new Error('BENCH_ROLLOUT_MYSQL needs a MariaDB or MySQL server: BENCH_MYSQL_URL or TEST_MYSQL_URL');
  const mariadb = MYSQL_URL ? sized('BENCH_ROLLOUT_MYSQL', 0.01) : 0;
  const schema = sized('BENCH_ROLLOUT_SCHEMA', 0.06);
  const database = sized('BENCH_ROLLOUT_DATABASE', MYSQL_URL ? 0.03 : 0.04);
  const pool = Number(process.env.BENCH_ROLLOUT_POOL ?? total - schema - database - mariadb);
  const placements: Placement[] = [
    { isolation: 'POOL', engine: 'POSTGRESQL', count: pool },
    { isolation: 'SCHEMA', engine: 'POSTGRESQL', count: schema },
    { isolation: 'DATABASE', engine: 'POSTGRESQL', count: database },
    { isolation: 'DATABASE', engine: 'MYSQL', count: mariadb },
  ];
  return placements.filter((p) => p.count > 0);
}

/** "900 POOL + 60 SCHEMA + 30 DATABASE on PostgreSQL, 10 DATABASE on MariaDB". */
function describeMix(mix: Placement[]): string {
  const on = (engine: TenantEngine) =>
    mix
      .filter((p) => p.engine === engine)
      .map((p) => `${count(p.count)} ${p.isolation}`)
      .join(' + ');
  return [mix.some((p) => p.engine === 'POSTGRESQL') && `${on('POSTGRESQL')} on PostgreSQL`, mix.some((p) => p.engine === 'MYSQL') && `${on('MYSQL')} on MariaDB`].filter(Boolean).join(', ');
}

/** The next release: this project with two columns more on Customer, built as its users build one. */
async function buildNextRelease(server: string) {
  // Required from the project, not imported: the compiled bench runs from dist/, where scripts/ is not.
  const { buildDeployment } = require(path.join(projectRoot, 'scripts/build-deployment.cjs')) as typeof import('../scripts/build-deployment.cjs');
  return buildDeployment({ name: 'customer-columns', edits: [CUSTOMER_COLUMNS], databaseUrl: server });
}

/** The fleet's tenants, ACTIVE on this release, named by placement ("pool-00042", "mariadb-00003"); MariaDB's after PostgreSQL's. */
async function provisionMix(services: ProvisionServices, ownerId: string, mix: Placement[]): Promise<TenantRecord[]> {
  const onPostgres = (isolation: Isolation) => mix.find((p) => p.engine === 'POSTGRESQL' && p.isolation === isolation)?.count ?? 0;
  const { provisioningConcurrency } = FLEET_SETTINGS;
  const tenants = await provisionFleet(services, ownerId, { POOL: onPostgres('POOL'), SCHEMA: onPostgres('SCHEMA'), DATABASE: onPostgres('DATABASE') }, provisioningConcurrency);
  const mariadb = Array.from({ length: mix.find((p) => p.engine === 'MYSQL')?.count ?? 0 }, (_, i) => `mariadb-${String(i).padStart(5, '0')}`);
  await inParallel(mariadb, provisioningConcurrency, async (slug) => {
    tenants.push(await createActiveTenant(services, ownerId, slug, 'DATABASE', 'MYSQL'));
  });
  return tenants;
}

/** A canary of the first tenant of each placement, then the rest: every tenant named, so the probe, named by none, stays where it is. */
function cohortsOf(tenants: TenantRecord[]) {
  const firstOfEach = new Map<string, string>();
  for (const t of tenants) if (!firstOfEach.has(`${t.engine} ${t.isolation}`)) firstOfEach.set(`${t.engine} ${t.isolation}`, t.slug);
  const canary = new Set(firstOfEach.values());
  const rest = tenants.map((t) => t.slug).filter((slug) => !canary.has(slug));
  return [{ name: 'canary', tenants: [...canary] }, ...(rest.length > 0 ? [{ name: 'rest', tenants: rest }] : [])];
}

/** Polls the rollout until it is no longer RUNNING. */
async function rolloutEnd(url: string, token: string, id: string): Promise<Rollout> {
  const deadline = Date.now() + ROLLOUT_TIMEOUT_SECONDS * 1000;
  for (;;) {
    const { rollout } = (await post(url, ROLLOUT, { id }, token)) as { rollout: Rollout };
    if (rollout.status !== 'RUNNING') return rollout;
    if (Date.now() > deadline) throw new Error(`rollout ${id} still runs after ${ROLLOUT_TIMEOUT_SECONDS} s: ${JSON.stringify(rollout.cohorts)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Runs `work`, with what the gateway process and the whole PostgreSQL server spent meanwhile. */
async function withCpu<T>(gateway: BenchProcess, postmaster: number | null, work: () => Promise<T>): Promise<{ result: T; cpu: WindowCpu }> {
  const started = performance.now();
  const gatewayBefore = processCpuMs(gateway.child.pid!)!;
  const postgresBefore = postmaster === null ? null : postgresServerCpuMs(postmaster);
  const result = await work();
  const postgresAfter = postmaster === null ? null : postgresServerCpuMs(postmaster);
  return {
    result,
    cpu: {
      seconds: (performance.now() - started) / 1000,
      gatewayMs: processCpuMs(gateway.child.pid!)! - gatewayBefore,
      postgresMs: postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore,
    },
  };
}

/** Per placement of the rolled tenants, from the rollout's rows: tenants, migrations applied, and each tenant's time from start to finish. */
async function rolloutRows(platform: pg.Client, rolloutId: string) {
  const { rows } = await platform.query<{ server: string; engine: TenantEngine; isolation: Isolation; tenants: number; applied: number; first: number; last: number; p50_ms: number; max_ms: number }>(
    `SELECT t.server, t.engine, t.isolation, count(*)::int AS tenants,
            count(*) FILTER (WHERE rt.detail LIKE 'applied%')::int AS applied, -- migrateInRollout's detail: "applied <migrations>" or "up to date"
            extract(epoch FROM min(rt."startedAt"))::float AS first, extract(epoch FROM max(rt."finishedAt"))::float AS last,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM rt."finishedAt" - rt."startedAt")) * 1000 AS p50_ms,
            max(extract(epoch FROM rt."finishedAt" - rt."startedAt"))::float * 1000 AS max_ms
     FROM "RolloutTenant" rt JOIN "Tenant" t ON t.id = rt."tenantId"
     WHERE rt."rolloutId" = $1
     GROUP BY t.server, t.engine, t.isolation ORDER BY t.server, t.isolation DESC`,
    [rolloutId],
  );
  return rows;
}

/** Each database server's tenants and how fast it took them: from its first tenant's start to its last one's end. */
function perServer(rows: Awaited<ReturnType<typeof rolloutRows>>) {
  const servers = new Map<string, { engine: TenantEngine; tenants: number; first: number; last: number }>();
  for (const row of rows) {
    const seen = servers.get(row.server);
    servers.set(row.server, {
      engine: row.engine,
      tenants: (seen?.tenants ?? 0) + row.tenants,
      first: Math.min(seen?.first ?? row.first, row.first),
      last: Math.max(seen?.last ?? row.last, row.last),
    });
  }
  return [...servers].map(([server, s]) => ({ server, engine: s.engine, tenants: s.tenants, seconds: s.last - s.first }));
}

/** Throws, saying what, unless the rollout SUCCEEDED with every tenant of every cohort migrated. */
function assertSucceeded(rollout: Rollout, rolled: number) {
  const migrated = rollout.cohorts.reduce((n, c) => n + c.succeeded, 0);
  if (rollout.status !== 'SUCCEEDED' || rollout.failures.length > 0 || rollout.skipped.length > 0 || migrated !== rolled) {
    throw new Error(`the rollout did not bring all ${rolled} tenants forward: ${JSON.stringify(rollout, null, 2)}`);
  }
}

/** Throws unless schemaVersions says exactly `expected`. */
async function assertVersions(url: string, token: string, expected: Array<{ version: string; tenants: number; latest: boolean }>, when: string) {
  const { schemaVersions } = await post(url, VERSIONS, {}, token);
  if (JSON.stringify(schemaVersions) !== JSON.stringify(expected)) {
    throw new Error(`${when}, schemaVersions should be ${JSON.stringify(expected)}, not ${JSON.stringify(schemaVersions)}`);
  }
}

const latency = (run: LoadResult) => `p99 ${run.p99Ms.toFixed(1)} ms (p50 ${run.p50Ms.toFixed(1)} ms, ${run.requestsPerSecond.toFixed(0)} req/s, ${count(run.requests)} requests in ${run.seconds.toFixed(1)} s)`;

interface Results {
  mix: Placement[];
  rolled: number;
  thisRelease: string;
  rollout: Rollout;
  rows: Awaited<ReturnType<typeof rolloutRows>>;
  alone: { result: LoadResult; cpu: WindowCpu };
  during: { load: LoadResult; cpu: WindowCpu };
}

const engineName = (engine: TenantEngine) => (engine === 'MYSQL' ? 'MariaDB' : 'PostgreSQL');

function printResults({ mix, rolled, thisRelease, rollout, rows, alone, during }: Results) {
  const totalSeconds = (Date.parse(rollout.finishedAt!) - Date.parse(rollout.createdAt)) / 1000;
  const ratio = during.load.p99Ms / alone.result.p99Ms;
  printTable(
    ['measure', 'result'],
    [
      ['tenants rolled', `${count(rolled)}: ${describeMix(mix)}; the probe beside them, in no cohort`],
      ['migration', `${rollout.targetVersion} (two ADD COLUMNs on Customer), from ${thisRelease}`],
      ['cohorts', `${rollout.cohorts.map((c) => `${c.name} ${count(c.total)}`).join(', ')}; concurrencyPerServer ${rollout.concurrencyPerServer}`],
      ['total rollout time (started to SUCCEEDED)', `${totalSeconds.toFixed(1)} s`],
      ...perServer(rows).map(({ server, engine, tenants, seconds }) => [
        `tenants/s on server ${server} (${engineName(engine)})`,
        `${(tenants / seconds).toFixed(1)}/s: ${count(tenants)} ${tenants === 1 ? 'tenant' : 'tenants'} in ${seconds.toFixed(1)} s (its first start to its last end)`,
      ]),
      ['probe without a rollout', latency(alone.result)],
      ['probe during the rollout', latency(during.load)],
      [`probe p99 during / without (target <= ${TARGET_RATIO}x)`, `${ratio.toFixed(2)}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`],
      ['probe errors without / during', `${alone.result.errors} / ${during.load.errors}`],
      ['gateway CPU, share of a core: without / during', `${shareOfCore(alone.cpu.gatewayMs, alone.cpu.seconds)} / ${shareOfCore(during.cpu.gatewayMs, during.cpu.seconds)}`],
      ['PostgreSQL server CPU, share of a core: without / during', `${shareOfCore(alone.cpu.postgresMs, alone.cpu.seconds)} / ${shareOfCore(during.cpu.postgresMs, during.cpu.seconds)}`],
    ],
  );
  console.log(
    '\nBy placement, from the rollout\'s rows: the tenants whose own migration ran ("applied"; the others found their tables migrated already, as POOL tenants of one pool database share them), ' +
      'each tenant\'s time from its start to its end, and the placement\'s from its first start to its last end (a server\'s placements share its concurrencyPerServer):\n',
  );
  printTable(
    ['server', 'placement', 'tenants', 'applied', 'per tenant p50 ms', 'per tenant max ms', 'first start to last end s'],
    rows.map((r) => [r.server, `${r.isolation} on ${engineName(r.engine)}`, count(r.tenants), count(r.applied), r.p50_ms.toFixed(0), r.max_ms.toFixed(0), (r.last - r.first).toFixed(1)]),
  );
  console.log(
    `\nCPU: the gateway process's, and the whole PostgreSQL server's (every process it ran, connections that ended included, and anything else the server did meanwhile; the probe's reads in both windows). The probe runs alone for ${alone.result.seconds.toFixed(0)} s; during the rollout, from its start to its end as polled every ${POLL_MS} ms.`,
  );
  if (during.load.seconds < SHORT_WINDOW_SECONDS) {
    console.log(
      `\nThe rollout lasted ${during.load.seconds.toFixed(1)} s: the probe's p99 during it rests on ${count(during.load.requests)} requests (${count(Math.floor(during.load.requests / 100))} above it), against ${count(alone.result.requests)} without it, so one stall of the machine moves it. ` +
        'A longer window: more tenants (BENCH_ROLLOUT_TENANTS), or fewer at once (BENCH_ROLLOUT_CONCURRENCY).',
    );
  }
}

runBenchmark(async (server) => {
  assertWrkInstalled();
  const mix = fleetMix();
  const rolled = mix.reduce((n, p) => n + p.count, 0);
  const mariadbVersion = MYSQL_URL && (await withMysql(MYSQL_URL, async (sql) => (await sql.query<{ v: string }>('SELECT VERSION() AS v'))[0].v));
  console.log(
    `a rollout of ${count(rolled)} tenants (${describeMix(mix)}) through two ADD COLUMNs on Customer, while the probe (a PostgreSQL DATABASE tenant of ${count(PROBE_ROWS.products)} products, in no cohort) serves its product page to wrk over ${CONNECTIONS} connections, each pausing ${PAUSE_MS} ms between an answer and its next request\n` +
      `${await describeMachine(server)}${mariadbVersion ? `\nMariaDB ${mariadbVersion}` : ''}\n`,
  );
  const release = await buildNextRelease(server);
  console.log(`the next release: ${release.dir}${release.cached ? ', built before' : `, built (migration:create ${release.migrationSeconds.toFixed(1)} s, build ${release.buildSeconds.toFixed(1)} s)`}`);

  await onFleetPlatform(server, { serverPoolSize: FLEET_SETTINGS.serverPoolSize, mysqlUrl: MYSQL_URL }, async ({ gateway: gatewayProcess, services, releaseServices }) => {
    const owner = await fleetOwner(services);
    const admin = await services.platform.user.create({ data: { email: 'admin@example.com', name: 'admin', passwordHash: 'x', isPlatformAdmin: true } });
    const provisioning = performance.now();
    const tenants = await provisionMix(services, owner.id, mix);
    console.log(`${count(tenants.length)} tenants ACTIVE on this release in ${((performance.now() - provisioning) / 1000).toFixed(1)} s`);
    const probe = await createActiveTenant(services, owner.id, PROBE, 'DATABASE');
    await fillTenant(services, probe, PROBE_ROWS);
    // Planned on the rows it has, not on an empty table's guess, before any request: autovacuum's own ANALYZE must not change the plan mid-run.
    await withTenantSql(services.servers.connectionOf(probe), (sql) => sql.query('ANALYZE'));
    const ownerToken = (await startSession(services, owner)).token;
    const adminToken = (await startSession(services, admin)).token;
    await releaseServices();

    const running: BenchProcess[] = [];
    const platform = new pg.Client({ connectionString: gatewayProcess.platformUrl });
    try {
      // JOB_CONCURRENCY: its job worker is what drives a rollout; ROLLOUT_CPU_SHARE as the environment says, if it does.
      const share: Record<string, string> = process.env.ROLLOUT_CPU_SHARE ? { ROLLOUT_CPU_SHARE: process.env.ROLLOUT_CPU_SHARE } : {};
      const gateway = await gatewayProcess.start({ JOB_CONCURRENCY: '2', ...share }, [], path.join(release.dir, 'dist/src/main.js'));
      running.push(gateway);
      await platform.connect();
      const postmaster = await postmasterPid(platform);
      const thisRelease = latestVersion();
      await assertVersions(gateway.url, adminToken, [{ version: thisRelease, tenants: rolled + 1, latest: false }], 'after the next release started');
      console.log(`the next release's gateway started: schemaVersions has all ${count(rolled + 1)} tenants at ${thisRelease}, behind it`);

      const probeLoad = (seconds: number, until?: Promise<unknown>) =>
        runLoad({ url: gateway.url, body: JSON.stringify({ query: PAGE }), headers: { authorization: `Bearer ${ownerToken}`, 'x-tenant': PROBE }, seconds, connections: CONNECTIONS, pauseMs: PAUSE_MS, until });
      await probeLoad(WARMUP_SECONDS);
      console.log(`load average before the measurements: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      const alone = await withCpu(gateway, postmaster, () => probeLoad(SECONDS));
      console.log(`the probe without a rollout: ${latency(alone.result)}`);

      const input = { cohorts: cohortsOf(tenants), ...(CONCURRENCY_PER_SERVER ? { concurrencyPerServer: CONCURRENCY_PER_SERVER } : {}) };
      const during = await withCpu(gateway, postmaster, async () => {
        const { startRollout } = (await post(gateway.url, START, { input }, adminToken)) as { startRollout: Rollout };
        const ended = rolloutEnd(gateway.url, adminToken, startRollout.id);
        const load = await probeLoad(ROLLOUT_TIMEOUT_SECONDS, ended);
        return { load, rollout: await ended };
      });
      const { load, rollout } = during.result;
      console.log(`the probe during the rollout: ${latency(load)}`);
      console.log(`load average after the rollout: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

      assertSucceeded(rollout, rolled);
      if (rollout.targetVersion === thisRelease) throw new Error(`the next release brings tenants to ${thisRelease}, this release's version: it has no migration of its own`);
      await assertVersions(
        gateway.url,
        adminToken,
        [
          { version: rollout.targetVersion, tenants: rolled, latest: true },
          { version: thisRelease, tenants: 1, latest: false },
        ],
        'after the rollout',
      );

      printResults({ mix, rolled, thisRelease, rollout, rows: await rolloutRows(platform, rollout.id), alone, during: { load, cpu: during.cpu } });
      if (alone.result.errors + load.errors > 0) {
        throw new Error(`the probe's requests failed: ${JSON.stringify(alone.result.errorsByCode)} without a rollout, ${JSON.stringify(load.errorsByCode)} during it`);
      }
    } finally {
      await stopProcesses(running);
      await platform.end().catch(() => {});
    }
  });
});
