// What bench:tenants is held to, checked against its measurements and printed beside
// them. The POOL targets are for the fleet of POOL tenants alone; the data-path target
// is for every fleet and request shape: the gateway should add little to what the
// server pool and PostgreSQL allow.
import type { FleetMeasurements } from './fleetMeasurements';

export const TARGETS = {
  /** 10,000 POOL tenants ACTIVE within 60 s: a rate, so a smaller fleet is held to it too. */
  poolProvisioning: { tenants: 10_000, seconds: 60 },
  /** POOL, random tenants: at least this share of one tenant's throughput... */
  poolRandomShareOfOneTenant: 0.9,
  /** ...and a p99 at most this many times one tenant's. */
  poolRandomP99OverOneTenant: 1.5,
  /** POOL: the gateway's peak RSS, in MB (10^6 bytes). */
  poolGatewayRssMB: 400,
  /** Every fleet: the gateway's random-tenant throughput against the data path's. */
  gatewayShareOfDataPath: 0.9,
  /** One POOL tenant, createTenant to ACTIVE (and provisionTenant alone). */
  poolActiveP50Ms: 150,
};

export interface TargetCheck {
  target: string;
  fleet: string;
  measured: string;
  met: boolean;
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

const onlyPool = ({ fleet }: FleetMeasurements) => fleet.counts.POOL > 0 && fleet.counts.SCHEMA === 0 && fleet.counts.DATABASE === 0;

function poolChecks(m: FleetMeasurements): TargetCheck[] {
  const fleet = m.fleet.name;
  const { tenants, seconds } = TARGETS.poolProvisioning;
  const perSecond = m.tenants / m.provisioningSeconds;
  const checks: TargetCheck[] = [
    {
      target: `POOL tenants ACTIVE: ${tenants.toLocaleString('en-US')} in <= ${seconds} s (>= ${(tenants / seconds).toFixed(0)}/s)`,
      fleet,
      measured: `${m.tenants.toLocaleString('en-US')} in ${m.provisioningSeconds.toFixed(1)} s (${perSecond.toFixed(0)}/s)`,
      met: perSecond >= tenants / seconds,
    },
  ];
  for (const s of m.shapes) {
    const share = s.random.requestsPerSecond / s.oneTenant.requestsPerSecond;
    const p99Ratio = s.random.p99Ms / s.oneTenant.p99Ms;
    checks.push(
      { target: `POOL random tenants >= ${percent(TARGETS.poolRandomShareOfOneTenant)} of one tenant's req/s, ${s.shape}`, fleet, measured: percent(share), met: share >= TARGETS.poolRandomShareOfOneTenant },
      {
        target: `POOL random tenants' p99 <= ${TARGETS.poolRandomP99OverOneTenant}x one tenant's, ${s.shape}`,
        fleet,
        measured: `${s.random.p99Ms.toFixed(1)} / ${s.oneTenant.p99Ms.toFixed(1)} ms = ${p99Ratio.toFixed(2)}x`,
        met: p99Ratio <= TARGETS.poolRandomP99OverOneTenant,
      },
    );
  }
  const peakMB = (Math.max(...m.shapes.map((s) => s.peakRssMiB)) * 2 ** 20) / 1e6;
  checks.push({ target: `POOL gateway peak RSS <= ${TARGETS.poolGatewayRssMB} MB`, fleet, measured: `${peakMB.toFixed(0)} MB`, met: peakMB <= TARGETS.poolGatewayRssMB });
  return checks;
}

function activationChecks(m: FleetMeasurements): TargetCheck[] {
  if (!m.poolActivation) return [];
  const { provisionTenantP50Ms, createTenantP50Ms } = m.poolActivation;
  const limit = TARGETS.poolActiveP50Ms;
  return [
    { target: `a POOL tenant ACTIVE <= ${limit} ms p50: createTenant over the API`, fleet: m.fleet.name, measured: `${createTenantP50Ms.toFixed(0)} ms`, met: createTenantP50Ms <= limit },
    { target: `a POOL tenant ACTIVE <= ${limit} ms p50: provisionTenant alone`, fleet: m.fleet.name, measured: `${provisionTenantP50Ms.toFixed(0)} ms`, met: provisionTenantP50Ms <= limit },
  ];
}

function dataPathChecks(m: FleetMeasurements): TargetCheck[] {
  return m.shapes.map((s) => {
    const ceiling = s.dataPath.random.answersPerSecond;
    const share = s.random.requestsPerSecond / ceiling;
    return {
      target: `gateway, random tenants >= ${percent(TARGETS.gatewayShareOfDataPath)} of the data path's, ${s.shape}`,
      fleet: m.fleet.name,
      measured: `${s.random.requestsPerSecond.toFixed(0)} / ${ceiling.toFixed(0)} = ${percent(share)}`,
      met: share >= TARGETS.gatewayShareOfDataPath,
    };
  });
}

export function checkTargets(measured: FleetMeasurements[]): TargetCheck[] {
  return measured.flatMap((m) => [...(onlyPool(m) ? poolChecks(m) : []), ...activationChecks(m), ...dataPathChecks(m)]);
}
