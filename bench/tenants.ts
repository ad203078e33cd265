// `npm run bench:tenants`: fleets of tenants on one production gateway, restated by what
// PostgreSQL can do. The fleets (bench/fleets.ts: 10,000 POOL, 1,000 SCHEMA and 200
// DATABASE tenants, and a mix of the three) run one after another, each on a platform
// of its own that is dropped before the next (bench/fleetPlatform.ts). For each:
//   - provisioning: every tenant created and provisioned to ACTIVE, several at once
//     (tenants/s), timed apart from filling them with rows; with POOL tenants, one more
//     POOL tenant's time to ACTIVE, by provisionTenant one at a time and by createTenant
//     over the API against the running gateway;
//   - the data path alone (bench/dataPathRate.ts), in this process before the gateway
//     starts: the ceiling for that fleet;
//   - a production gateway in its own process, started once for the fleet, under wrk
//     (bench/fleetSettings.ts): one tenant, then uniformly random tenants, per request
//     shape (bench/tenantShapes.ts): req/s, p50, p99, errors, the backends PostgreSQL
//     holds in the tenants' databases, the gateway's peak RSS; before that, that a
//     sample of tenants of each isolation sees exactly its own rows, and a tenant's first
//     request after start against its second.
// Then the results of every fleet, and the targets (bench/fleetTargets.ts) met or not.
// PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import os from 'node:os';
import { startSession } from '../src/auth/sessions';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import { runBenchmark } from './benchServer';
import { processCpuMs } from './cpuUse';
import { dataPathRates } from './dataPathRate';
import type { FleetMeasurements, GatewayRun, ShapeMeasurements } from './fleetMeasurements';
import { onFleetPlatform, type FleetPlatform } from './fleetPlatform';
import { printFleetReport } from './fleetReport';
import { FLEET_SETTINGS } from './fleetSettings';
import { describeRows, fleetsFromEnv, rowsOf, type Fleet } from './fleets';
import { describeMachine } from './machine';
import { peakRssMiB, stopProcesses, type BenchProcess } from './processes';
import { provisionOne, wsClient } from './provisionOverApi';
import { samplePeakTenantBackends } from './tenantBackends';
import { createActiveTenant, fillFleet, fleetOwner, provisionFleet } from './tenantFleet';
import { TENANT_SHAPES } from './tenantShapes';
import { assertWrkInstalled, runLoad, type Spread } from './wrk';

const { seconds, warmupSeconds, connections, serverPoolSize, provisioningConcurrency } = FLEET_SETTINGS;
/** Node flags for the gateway process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const GATEWAY_FLAGS = (process.env.BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** POOL tenants provisioned one at a time, and created over the API, for one tenant's time to ACTIVE. */
const ACTIVATION_SAMPLES = 30;
/** Tenants of each isolation whose rows are counted through the gateway before the runs. */
const COUNTED_PER_ISOLATION = 10;
const COLD_SAMPLES = 100;

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const secondsSince = (started: number) => (performance.now() - started) / 1000;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** POSTs `query` for `tenant`; a response with errors throws. */
async function ask(url: string, token: string, tenant: string, query: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-tenant': tenant },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`${tenant}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Every counted tenant sees exactly the rows it was given, none of its neighbours' (they share tables in the pool). */
async function assertOwnRows(url: string, token: string, tenants: TenantRecord[]) {
  const counted = (['POOL', 'SCHEMA', 'DATABASE'] as const).flatMap((isolation) => tenants.filter((t) => t.isolation === isolation).slice(0, COUNTED_PER_ISOLATION));
  for (const { slug, isolation } of counted) {
    const { products, invoices } = await ask(url, token, slug, '{ products { totalCount } invoices { totalCount } }');
    const given = rowsOf(isolation);
    if (products.totalCount !== given.products || invoices.totalCount !== given.invoices) {
      throw new Error(`${slug} sees ${products.totalCount} products and ${invoices.totalCount} invoices, not the ${given.products} and ${given.invoices} it was given`);
    }
  }
}

/** A tenant's first request after start (cold) and its second (warm), for tenants nobody has asked for yet. */
async function firstRequests(url: string, token: string, tenants: TenantRecord[]) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (const { slug } of tenants.slice(-Math.min(COLD_SAMPLES, Math.floor(tenants.length / 2)))) {
    cold.push(await timed(() => ask(url, token, slug, TENANT_SHAPES[0].query)));
    warm.push(await timed(() => ask(url, token, slug, TENANT_SHAPES[0].query)));
  }
  return { coldP50Ms: p50(cold), warmP50Ms: p50(warm) };
}

interface RunningGateway {
  server: string;
  /** The fleet's database prefix, whose backends are counted. */
  prefix: string;
  gateway: BenchProcess;
  token: string;
}

/** wrk on the gateway for `query`, to one tenant or spread over many, measured after as long a warm-up. */
async function gatewayRun({ server, prefix, gateway, token }: RunningGateway, query: string, to: { tenant: string } | { spread: Spread }): Promise<GatewayRun> {
  const auth = { authorization: `Bearer ${token}` };
  const { headers, spread } = 'tenant' in to ? { headers: { ...auth, 'x-tenant': to.tenant }, spread: undefined } : { headers: auth, spread: to.spread };
  const load = (runSeconds: number) => runLoad({ url: gateway.url, body: JSON.stringify({ query }), headers, seconds: runSeconds, connections, spread });
  await load(warmupSeconds);
  const stopSampling = samplePeakTenantBackends(server, prefix);
  const cpuBefore = processCpuMs(gateway.child.pid!)!;
  const result = await load(seconds);
  const cpuOfCore = (processCpuMs(gateway.child.pid!)! - cpuBefore) / (seconds * 1000);
  return { ...result, peakBackends: await stopSampling(), cpuOfCore };
}

/** createTenant over the API to ACTIVE for POOL tenants, one at a time, after one that makes this process's pool database ready. */
async function createTenantTimes(gateway: BenchProcess, token: string): Promise<number[]> {
  const client = wsClient(gateway.url, token);
  try {
    await provisionOne(gateway.url, client, token, { slug: 'api-warm-up', isolation: 'POOL' });
    const times: number[] = [];
    for (let i = 0; i < ACTIVATION_SAMPLES; i++) times.push(await provisionOne(gateway.url, client, token, { slug: `api-${i}`, isolation: 'POOL' }));
    return times;
  } finally {
    await client.dispose();
  }
}

/** The fleet's tenants ACTIVE (timed, with this process's CPU), one more POOL tenant at a time (timed), then their rows (timed apart). */
async function provisionAndFill(services: FleetPlatform['services'], ownerId: string, fleet: Fleet, log: (line: string) => void) {
  const provisioningStarted = performance.now();
  const cpuBefore = processCpuMs(process.pid)!;
  const tenants = await provisionFleet(services, ownerId, fleet.counts, provisioningConcurrency);
  const provisioningSeconds = secondsSince(provisioningStarted);
  const provisioningCpuMsPerTenant = (processCpuMs(process.pid)! - cpuBefore) / tenants.length;
  log(`${tenants.length} tenants ACTIVE in ${provisioningSeconds.toFixed(1)} s (${(tenants.length / provisioningSeconds).toFixed(0)}/s, ${provisioningConcurrency} at once; ${provisioningCpuMsPerTenant.toFixed(1)} ms of this process's CPU each)`);
  const provisionTenantTimes: number[] = [];
  if (fleet.counts.POOL > 0) {
    for (let i = 0; i < ACTIVATION_SAMPLES; i++) provisionTenantTimes.push(await timed(() => createActiveTenant(services, ownerId, `one-${i}`, 'POOL')));
    log(`one more POOL tenant ACTIVE (provisionTenant, one at a time): p50 ${p50(provisionTenantTimes).toFixed(0)} ms`);
  }
  const fillingStarted = performance.now();
  await fillFleet(services, tenants, provisioningConcurrency);
  const fillingSeconds = secondsSince(fillingStarted);
  log(`filled in ${fillingSeconds.toFixed(1)} s`);
  return { tenants, provisioningSeconds, provisioningCpuMsPerTenant, fillingSeconds, provisionTenantTimes };
}

async function measureFleet(server: string, fleet: Fleet): Promise<FleetMeasurements> {
  return onFleetPlatform(server, { serverPoolSize }, async ({ gateway: gatewayProcess, services, releaseServices }) => {
    const log = (line: string) => console.log(`${fleet.name}: ${line}`);
    log(`load average ${os.loadavg()[0].toFixed(2)}`);
    const owner = await fleetOwner(services);
    const { tenants, provisionTenantTimes, ...provisioning } = await provisionAndFill(services, owner.id, fleet, log);

    const dataPath = [];
    for (const { name, query } of TENANT_SHAPES) {
      const { oneTenant, random } = await dataPathRates(services, tenants, query, FLEET_SETTINGS);
      dataPath.push({ oneTenant, random });
      log(`data path, ${name}: ${oneTenant.answersPerSecond.toFixed(0)} answers/s for one tenant, ${random.answersPerSecond.toFixed(0)} for random tenants`);
    }
    const { token } = await startSession(services, owner);
    await releaseServices();

    const started: BenchProcess[] = [];
    try {
      const gateway = await gatewayProcess.start({ SERVER_POOL_SIZE: String(serverPoolSize) }, GATEWAY_FLAGS);
      started.push(gateway);
      await assertOwnRows(gateway.url, token, tenants);
      const firstRequest = await firstRequests(gateway.url, token, tenants);
      const running = { server, prefix: gatewayProcess.prefix, gateway, token };
      const spread = { tenants: tenants.map((t) => t.slug).sort(() => Math.random() - 0.5) };
      const shapes: ShapeMeasurements[] = [];
      for (const [i, { name, query }] of TENANT_SHAPES.entries()) {
        const oneTenant = await gatewayRun(running, query, { tenant: tenants[0].slug });
        const random = await gatewayRun(running, query, { spread });
        shapes.push({ shape: name, dataPath: dataPath[i], oneTenant, random, peakRssMiB: peakRssMiB(gateway.child) });
        log(`gateway, ${name}: ${oneTenant.requestsPerSecond.toFixed(0)} req/s for one tenant, ${random.requestsPerSecond.toFixed(0)} for random tenants, ${oneTenant.errors + random.errors} errors`);
      }
      let poolActivation: FleetMeasurements['poolActivation'];
      if (fleet.counts.POOL > 0) {
        poolActivation = { provisionTenantP50Ms: p50(provisionTenantTimes), createTenantP50Ms: p50(await createTenantTimes(gateway, token)) };
        log(`one more POOL tenant ACTIVE (createTenant over the API): p50 ${poolActivation.createTenantP50Ms.toFixed(0)} ms`);
      }
      return { fleet, tenants: tenants.length, ...provisioning, poolActivation, firstRequest, shapes };
    } finally {
      await stopProcesses(started);
    }
  });
}

runBenchmark(async (server) => {
  assertWrkInstalled();
  const fleets = fleetsFromEnv();
  console.log(
    `tenantgraph with fleets of tenants, one fleet at a time: ${fleets.map((f) => f.name).join('; ')}\n` +
      `each SCHEMA or DATABASE tenant: ${describeRows(rowsOf('SCHEMA'))}; each POOL tenant a smaller catalogue (there are many more to fill) giving the same answers: ${describeRows(rowsOf('POOL'))}\n` +
      `${seconds}s per run after ${warmupSeconds}s of warm-up, ${connections} connections (wrk) or loops (data path), SERVER_POOL_SIZE ${serverPoolSize}, ${provisioningConcurrency} tenants provisioned at once\n` +
      `${await describeMachine(server)}\n`,
  );
  const measured: FleetMeasurements[] = [];
  for (const fleet of fleets) measured.push(await measureFleet(server, fleet));
  printFleetReport(measured);
});
