// What bench:tenants measures of one fleet, as its report and its targets read it.
import type { DataPathRate } from './dataPathRate';
import type { Fleet } from './fleets';
import type { LoadResult } from './wrk';

export interface GatewayRun extends LoadResult {
  /** The most backends PostgreSQL held in the fleet's tenant databases during the run. */
  peakBackends: number;
  /** The gateway process's CPU over the run's wall time: 1 is a core, all its JavaScript can have. */
  cpuOfCore: number;
}

export interface ShapeMeasurements {
  shape: string;
  /** The data path alone (bench/dataPathRate.ts): the ceiling. */
  dataPath: { oneTenant: DataPathRate; random: DataPathRate };
  /** The gateway under wrk: always one tenant, then uniformly random tenants. */
  oneTenant: GatewayRun;
  random: GatewayRun;
  /** The gateway's peak RSS (VmHWM) when this shape's runs ended: the most it held since it started. */
  peakRssMiB: number;
}

export interface FleetMeasurements {
  fleet: Fleet;
  tenants: number;
  /** Wall time to get every tenant of the fleet ACTIVE (created and provisioned), without its rows... */
  provisioningSeconds: number;
  /** ...and the CPU it took this process (where provisioning runs), per tenant. */
  provisioningCpuMsPerTenant: number;
  /** Wall time to give every tenant its rows, after. */
  fillingSeconds: number;
  /** With POOL tenants: one more POOL tenant's time to ACTIVE, p50 ms, among the fleet's. */
  poolActivation?: {
    /** createTenantRecord and provisionTenant in this process, one tenant at a time. */
    provisionTenantP50Ms: number;
    /** createTenant over HTTP to its job SUCCEEDED (graphql-ws), against the running gateway. */
    createTenantP50Ms: number;
  };
  /** A tenant's first request after the gateway started, against its second (product page), p50 ms. */
  firstRequest: { coldP50Ms: number; warmP50Ms: number };
  shapes: ShapeMeasurements[];
}
