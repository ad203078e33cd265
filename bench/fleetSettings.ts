// How both tenant-scale benchmarks (bench:tenants, bench:datapath) run each fleet, from
// the environment, so the data path's ceiling and the gateway are measured alike.
export const FLEET_SETTINGS = {
  /** BENCH_SECONDS: each measured run. */
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  /**
   * BENCH_WARMUP_SECONDS: load before each measured run. A PostgreSQL backend caches the
   * catalog of every table it has touched; with many tenants a fresh one takes a while to
   * have seen theirs, so the first seconds measure that warm-up rather than the steady state.
   */
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 10),
  /** BENCH_CONNECTIONS: wrk's connections to the gateway, and the data path's loops at once. */
  connections: Number(process.env.BENCH_CONNECTIONS ?? 32),
  /** SERVER_POOL_SIZE: the connections to the server, in the gateway and on the data path. */
  serverPoolSize: Number(process.env.SERVER_POOL_SIZE ?? 20),
  /**
   * BENCH_PROVISIONING_CONCURRENCY: tenants provisioned (and then filled) at once, in this
   * one process. Past a few, more do not help: Prisma and the pg driver keep the process's
   * one thread busy (bench:tenants prints its CPU per tenant).
   */
  provisioningConcurrency: Number(process.env.BENCH_PROVISIONING_CONCURRENCY ?? 12),
};
