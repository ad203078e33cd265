// The backends PostgreSQL holds in a benchmark's tenant databases (the shared database
// of SCHEMA tenants, the pool database and every DATABASE tenant's; not the platform's),
// counted by PostgreSQL itself, so it sees whatever holds them, the gateway's pool or not.
import pg from 'pg';

/** Samples every 100 ms until the returned function is called; that resolves with the peak. */
export function samplePeakTenantBackends(server: string, prefix: string): () => Promise<number> {
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
