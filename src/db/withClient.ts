// One direct connection for a piece of work that is not a request: creating and
// dropping databases, migrations, schema checks. Connecting is bounded, and the
// connection is always ended. A connection the server ends while it is idle here
// (a restart, pg_terminate_backend) must not crash the process: the statement that
// meets it fails instead.
import pg from 'pg';

const CONNECT_TIMEOUT_MS = 10_000;

export async function withClient<T>(config: pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...config });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
