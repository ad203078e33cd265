// SIGTERM on a real gateway process with a request in flight: the listener closes
// at once, the request finishes and gets its answer, then the process exits 0. A
// request that outlives SHUTDOWN_TIMEOUT_SECONDS is cut so the process can go.
import pg from 'pg';
import { withDatabase } from '../../src/db/urls';
import { startGatewayProcess } from '../support/gatewayProcess';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const QUERY = JSON.stringify({ query: '{ products { totalCount } }' });

let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'slow-shop', owner });
});
afterAll(() => gw.close());

/** `npm start`'s entry point on the test gateway's platform database, on a port of its own. */
const startProcess = (env: Record<string, string> = {}) => startGatewayProcess({ ...gw.env, PORT: '0', LOG_LEVEL: 'info', ...env });

/** Holds an exclusive lock on the tenant's Product table, so a products query waits. */
async function lockProducts() {
  const client = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${gw.dbs.prefix}slow_shop`) });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE "Product" IN ACCESS EXCLUSIVE MODE');
  return {
    /** Resolves once a query is waiting on the lock. */
    async someoneWaits() {
      for (let i = 0; i < 600; i++) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = '"Product"'::regclass`);
        if (rows[0].n > 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no query waited on the lock within 60 s');
    },
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

const inFlight = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-tenant': 'slow-shop' },
    body: QUERY,
  });

/** Resolves once nothing accepts connections at `url` any more. */
async function refused(url: string) {
  for (let i = 0; i < 600; i++) {
    const error = await fetch(url).then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code,
    );
    if (error === 'ECONNREFUSED') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} still accepts connections after 60 s`);
}

test('SIGTERM: new connections are refused at once, the in-flight request finishes with its data, then the process exits 0', async () => {
  const gateway = await startProcess();
  const lock = await lockProducts();
  try {
    const request = inFlight(gateway.url);
    await lock.someoneWaits();
    gateway.child.kill('SIGTERM');
    await refused(`${new URL(gateway.url).origin}/healthz`);
    expect(gateway.child.exitCode).toBeNull(); // still draining
    await lock.release();
    const response = await request;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { products: { totalCount: 0 } } });
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).toMatch(/"timedOut":false/);
  } finally {
    gateway.child.kill('SIGKILL');
  }
}, 120_000);

test('a request still running at SHUTDOWN_TIMEOUT_SECONDS is cut, and the process still exits', async () => {
  const gateway = await startProcess({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
  const lock = await lockProducts();
  try {
    const request = inFlight(gateway.url).then(
      () => 'answered',
      () => 'cut',
    );
    await lock.someoneWaits();
    gateway.child.kill('SIGTERM');
    expect(await request).toBe('cut');
    // The query still waits in PostgreSQL; once it can end, its client closes and the process goes.
    await lock.release();
    expect(await gateway.exited).toBe(0);
    expect(gateway.output()).toMatch(/"timedOut":true/);
  } finally {
    gateway.child.kill('SIGKILL');
  }
}, 120_000);
