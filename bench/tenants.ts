// `npm run bench:tenants`: many tenants on one gateway. Provisions BENCH_TENANTS
// (default 1,000: 80% SCHEMA, 20% DATABASE from the template), gives each a small
// catalogue and a few invoices, then runs a production gateway in its own process
// and measures, with wrk at 32 connections:
//   - one tenant (the reference), then random tenants, uniform and skewed (90% of
//     the requests to 10% of the tenants), for the product page and the nested
//     invoice page: req/s, p50, p99;
//   - the gateway's peak RSS, and the connections PostgreSQL holds for the tenants
//     (counted by PostgreSQL, sampled through each run) against SERVER_POOL_SIZE;
//   - a tenant's first request after start (cold) against its second (warm).
// It drops everything it made. PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import pg from 'pg';
import { startSession } from '../src/auth/sessions';
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import { createLogger } from '../src/logger';
import { dropBenchDatabases, runBenchmark } from './benchServer';
import { describeMachine, printTable } from './machine';
import { peakRssMiB, productionGateway, stopProcesses, type BenchProcess } from './processes';
import { provisionFleet } from './tenantFleet';
import { runLoad, type Spread } from './wrk';

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const SCHEMA_SHARE = Number(process.env.BENCH_SCHEMA_SHARE ?? 0.8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SERVER_POOL_SIZE = Number(process.env.SERVER_POOL_SIZE ?? 20);
/**
 * Seconds of load before each measured run. A PostgreSQL backend caches the catalog of
 * every table it has touched; with many tenants a fresh one takes a while to have seen
 * theirs, so the first seconds measure that warm-up rather than the steady state.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
/** Node flags for the gateway process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const GATEWAY_FLAGS = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const COLD_SAMPLES = Math.min(100, Math.floor(TENANTS / 2));

const SHAPES = {
  'product page': '{ products(first: 5) { edges { node { id name price category { name } } } } }',
  'invoice page, nested': '{ invoices(first: 5) { edges { node { number total customer { name } items { nodes { quantity product { sku category { name } } } } payments { nodes { amount } } } } } }',
};

/** Connections PostgreSQL holds to the tenants' databases (the shared one included), sampled until stopped. */
function sampleConnections(server: string, prefix: string) {
  const client = new pg.Client({ connectionString: server });
  client.on('error', () => {}); // a lost sampler ends the sampling, not the benchmark
  let peak = 0;
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE starts_with(datname, $1) AND datname <> $1 || 'platform'", [prefix]);
      peak = Math.max(peak, rows[0].n);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await done;
    return peak;
  };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function timedRequest(url: string, headers: Record<string, string>, query: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`request failed: ${JSON.stringify(body.errors)}`);
  return performance.now() - started;
}

async function benchmark(server: string) {
  const gatewayProcess = productionGateway(server);
  const { prefix, platformUrl, env } = gatewayProcess;
  const log = createLogger('silent');
  const schemaTenants = Math.round(TENANTS * SCHEMA_SHARE);
  console.log(
    `tenantgraph with ${TENANTS} tenants (${schemaTenants} SCHEMA, ${TENANTS - schemaTenants} DATABASE), ${SECONDS}s per run, ${CONNECTIONS} connections, wrk, SERVER_POOL_SIZE ${SERVER_POOL_SIZE}\n${await describeMachine(server)}\n`,
  );
  await preparePlatformDatabase(platformUrl, log);
  const services = createServices(loadConfig({ ...env, LOG_LEVEL: 'silent', ACCESS_TOKEN_TTL: '1d' }), { platformUrl, log });
  const running: BenchProcess[] = [];
  try {
    const provisioningStarted = performance.now();
    const { user, slugs } = await provisionFleet(services, { tenants: TENANTS, schemaTenants });
    console.log(`provisioned and filled ${TENANTS} tenants in ${((performance.now() - provisioningStarted) / 1000).toFixed(0)} s\n`);
    // A token that outlasts the whole run (a session, as a login opens one).
    const { token } = await startSession(services, user);
    await closeServices(services);

    const gateway = await gatewayProcess.start({ SERVER_POOL_SIZE: String(SERVER_POOL_SIZE) }, GATEWAY_FLAGS);
    running.push(gateway);
    const auth = { authorization: `Bearer ${token}` };

    // Cold, then warm: tenants nobody has asked for since the gateway started, each asked twice.
    const cold: number[] = [];
    const warm: number[] = [];
    for (const slug of slugs.slice(-COLD_SAMPLES)) {
      cold.push(await timedRequest(gateway.url, { ...auth, 'x-tenant': slug }, SHAPES['product page']));
      warm.push(await timedRequest(gateway.url, { ...auth, 'x-tenant': slug }, SHAPES['product page']));
    }

    const shuffled = [...slugs].sort(() => Math.random() - 0.5);
    const runs: Array<[string, Spread | undefined]> = [
      ['one tenant', undefined],
      ['random tenants, uniform', { tenants: shuffled }],
      ['random tenants, 90% to 10%', { tenants: shuffled, hot: { tenants: Math.ceil(TENANTS / 10), share: 0.9 } }],
    ];
    const rows: Array<Array<string | number>> = [];
    const reference: Record<string, number> = {};
    for (const [shape, query] of Object.entries(SHAPES)) {
      for (const [name, spread] of runs) {
        const headers = spread ? auth : { ...auth, 'x-tenant': slugs[0] };
        const load = (seconds: number) => runLoad({ url: gateway.url, body: JSON.stringify({ query }), headers, seconds, connections: CONNECTIONS, spread });
        await load(WARMUP_SECONDS);
        const stopSampling = sampleConnections(server, prefix);
        const result = await load(SECONDS);
        const connections = await stopSampling();
        if (!spread) reference[shape] = result.requestsPerSecond;
        const share = `${((result.requestsPerSecond / reference[shape]) * 100).toFixed(0)}%`;
        rows.push([`${shape}: ${name}`, result.requestsPerSecond.toFixed(0), share, result.p50Ms.toFixed(1), result.p99Ms.toFixed(1), result.errors, connections]);
      }
    }
    printTable(['run', 'req/s', 'of one tenant', 'p50 ms', 'p99 ms', 'errors', 'peak tenant connections'], rows);
    console.log(`\npeak RSS of the gateway: ${peakRssMiB(gateway.child).toFixed(0)} MiB`);
    console.log(
      `first request of a tenant after start (cold) vs its second (warm), product page, ${COLD_SAMPLES} tenants: ` +
        `p50 ${percentile(cold, 0.5).toFixed(1)} vs ${percentile(warm, 0.5).toFixed(1)} ms, p95 ${percentile(cold, 0.95).toFixed(1)} vs ${percentile(warm, 0.95).toFixed(1)} ms`,
    );
  } finally {
    await stopProcesses(running);
    await dropBenchDatabases(server, prefix);
  }
}

runBenchmark(benchmark);
