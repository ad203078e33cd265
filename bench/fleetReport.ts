// bench:tenants' results, every fleet at once: throughput beside the data path's
// ceiling, provisioning, and the targets met or not.
import type { FleetMeasurements } from './fleetMeasurements';
import { checkTargets } from './fleetTargets';
import { printTable } from './machine';

const rate = (n: number) => n.toFixed(0);
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;
const pair = (a: number, b: number, digits = 1) => `${a.toFixed(digits)} / ${b.toFixed(digits)}`;

function printThroughput(measured: FleetMeasurements[]) {
  printTable(
    [
      'fleet',
      'shape',
      'gateway random req/s',
      'data path random /s',
      'gateway / data path',
      'gateway one tenant req/s',
      'data path one tenant /s',
      'random / one tenant',
      'p50 ms random / one',
      'p99 ms random / one',
      'CPU, share of a core, random: gateway / data path',
      'peak RSS MiB',
      'peak PG backends random / one',
      'errors',
    ],
    measured.flatMap(({ fleet, shapes }) =>
      shapes.map(({ shape, dataPath, oneTenant, random, peakRssMiB }) => [
        fleet.name,
        shape,
        rate(random.requestsPerSecond),
        rate(dataPath.random.answersPerSecond),
        share(random.requestsPerSecond, dataPath.random.answersPerSecond),
        rate(oneTenant.requestsPerSecond),
        rate(dataPath.oneTenant.answersPerSecond),
        share(random.requestsPerSecond, oneTenant.requestsPerSecond),
        pair(random.p50Ms, oneTenant.p50Ms),
        pair(random.p99Ms, oneTenant.p99Ms),
        `${share(random.cpuOfCore, 1)} / ${share(dataPath.random.cpuOfCore, 1)}`,
        peakRssMiB.toFixed(0),
        pair(random.peakBackends, oneTenant.peakBackends, 0),
        random.errors + oneTenant.errors,
      ]),
    ),
  );
  for (const { fleet, shapes } of measured) {
    for (const { shape, oneTenant, random } of shapes) {
      for (const [run, result] of [['one tenant', oneTenant], ['random tenants', random]] as const) {
        if (result.errors) console.log(`errors, ${fleet.name}, ${shape}, ${run}: ${Object.entries(result.errorsByCode).map(([code, n]) => `${code} ${n}`).join(', ')}`);
      }
    }
  }
}

function printProvisioning(measured: FleetMeasurements[]) {
  printTable(
    [
      'fleet',
      'to ACTIVE s',
      'tenants/s',
      'CPU ms per tenant (one process)',
      'filled in s',
      'one POOL tenant to ACTIVE p50 ms: createTenant / provisionTenant',
      'first request after start p50 ms: cold / warm',
    ],
    measured.map(({ fleet, tenants, provisioningSeconds, provisioningCpuMsPerTenant, fillingSeconds, poolActivation, firstRequest }) => [
      fleet.name,
      provisioningSeconds.toFixed(1),
      rate(tenants / provisioningSeconds),
      provisioningCpuMsPerTenant.toFixed(1),
      fillingSeconds.toFixed(1),
      poolActivation ? pair(poolActivation.createTenantP50Ms, poolActivation.provisionTenantP50Ms, 0) : '-',
      pair(firstRequest.coldP50Ms, firstRequest.warmP50Ms),
    ]),
  );
}

function printTargets(measured: FleetMeasurements[]) {
  printTable(
    ['target', 'fleet', 'measured', 'met'],
    checkTargets(measured).map(({ target, fleet, measured: value, met }) => [target, fleet, value, met ? 'yes' : 'NO']),
  );
}

export function printFleetReport(measured: FleetMeasurements[]): void {
  console.log('\nThroughput: the gateway (wrk) beside the data path alone (the same loops without HTTP or GraphQL: the ceiling), per fleet and shape\n');
  printThroughput(measured);
  console.log('\nProvisioning: every tenant created and provisioned to ACTIVE, in this one process, timed apart from filling it with rows\n');
  printProvisioning(measured);
  console.log('\nTargets\n');
  printTargets(measured);
}
