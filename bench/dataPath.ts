// `npm run bench:datapath`: the tenant data path alone, without HTTP or GraphQL
// (bench/dataPathRate.ts), for the fleets of bench:tenants (bench/fleets.ts), one after
// another: the ceiling of what the gateway can reach with those tenants on this machine.
// Per fleet and request shape (bench/tenantShapes.ts), BENCH_CONNECTIONS loops answer
// for one tenant, then for a uniformly random one, each for BENCH_SECONDS after
// BENCH_WARMUP_SECONDS. bench:tenants measures the same beside the gateway.
// It drops everything it made. PostgreSQL: see bench/benchServer.ts.
import 'reflect-metadata';
import { dataPathRates } from './dataPathRate';
import { onFleetPlatform } from './fleetPlatform';
import { fleetsFromEnv } from './fleets';
import { FLEET_SETTINGS } from './fleetSettings';
import { runBenchmark } from './benchServer';
import { describeMachine, printTable } from './machine';
import { fillFleet, fleetOwner, provisionFleet } from './tenantFleet';
import { TENANT_SHAPES } from './tenantShapes';

const { seconds, warmupSeconds, connections, serverPoolSize, provisioningConcurrency } = FLEET_SETTINGS;

runBenchmark(async (server) => {
  console.log(
    `the data path alone (lease and planned statement), ${seconds}s per run after ${warmupSeconds}s of warm-up, ${connections} at once, SERVER_POOL_SIZE ${serverPoolSize}\n${await describeMachine(server)}\n`,
  );
  const rows: Array<Array<string | number>> = [];
  for (const fleet of fleetsFromEnv()) {
    await onFleetPlatform(server, { serverPoolSize }, async ({ services }) => {
      const owner = await fleetOwner(services);
      const tenants = await provisionFleet(services, owner.id, fleet.counts, provisioningConcurrency);
      await fillFleet(services, tenants, provisioningConcurrency);
      for (const { name, query } of TENANT_SHAPES) {
        const { oneTenant, random } = await dataPathRates(services, tenants, query, FLEET_SETTINGS);
        const [one, any] = [oneTenant.answersPerSecond, random.answersPerSecond];
        rows.push([fleet.name, name, one.toFixed(0), any.toFixed(0), `${((any / one) * 100).toFixed(0)}%`, `${(random.cpuOfCore * 100).toFixed(0)}%`]);
        console.log(`${fleet.name}, ${name}: ${one.toFixed(0)} answers/s for one tenant, ${any.toFixed(0)} for random tenants`);
      }
    });
  }
  console.log();
  printTable(['fleet', 'shape', 'one tenant, answers/s', 'uniform random, answers/s', 'of one tenant', 'CPU of this process, random: share of a core'], rows);
});
