// The pool keeps one client per live tenant under a cap, and never closes a
// client under a request that is using it.
import { createTenantClient, tenantPoolConfig, type TenantDb } from '../../src/db/tenantClient';
import pg from 'pg';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const opened: string[] = [];
const closed: string[] = [];
let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({
    env: { MAX_TENANT_CLIENTS: '2' },
    openTenantClient: (connection, connections) => {
      opened.push(connection.url);
      const db: TenantDb = createTenantClient(connection, new pg.Pool(tenantPoolConfig(connection, connections)));
      const disconnect = db.$disconnect.bind(db);
      db.$disconnect = async () => {
        closed.push(connection.url);
        return disconnect();
      };
      return db;
    },
  });
  owner = await gw.createUser();
  for (const slug of ['pool-a', 'pool-b', 'pool-c', 'pool-d']) await gw.createTenant({ slug, owner });
});
afterAll(() => gw.close());

const count = (tenant: string) => gw.request('{ products { totalCount } }', { token: owner.token, tenant });
const opens = (slug: string) => opened.filter((url) => url.endsWith(slug.replace('-', '_'))).length;

test('20 concurrent first requests for one tenant open one client', async () => {
  const responses = await Promise.all(Array.from({ length: 20 }, () => count('pool-a')));
  expect(responses.map((r) => r.body)).toEqual(Array(20).fill({ data: { products: { totalCount: 0 } } }));
  expect(opens('pool-a')).toBe(1);
  expect(gw.services.pool.inFlight).toBe(0); // every request gave its client back
});

test('over its cap the pool closes the least recently used idle client, never one in use', async () => {
  const pool = gw.services.pool;
  const a = (await gw.services.registry.find('pool-a'))!;

  // A holds a request in flight (a slow query) while B and C arrive: A is the oldest, but busy.
  const leaseA = pool.acquire(a);
  const slowQuery = leaseA.db.$queryRaw<Array<{ ok: number }>>`SELECT 1 AS ok FROM pg_sleep(0.3)`;
  await count('pool-b');
  await count('pool-c');
  expect(closed.some((url) => url.endsWith('pool_a'))).toBe(false);
  expect(await slowQuery).toEqual([{ ok: 1 }]);
  leaseA.release();
  expect(pool.size).toBeLessThanOrEqual(2);

  // Everyone keeps being served while clients come and go.
  for (const slug of ['pool-d', 'pool-a', 'pool-b', 'pool-c', 'pool-d']) {
    expect((await count(slug)).body).toEqual({ data: { products: { totalCount: 0 } } });
    expect(pool.size).toBeLessThanOrEqual(2);
  }
  expect(pool.evictions).toBeGreaterThanOrEqual(3);
});

test('an evicted tenant comes back with a new client', async () => {
  const before = opens('pool-a');
  await count('pool-b');
  await count('pool-c');
  await count('pool-a');
  expect(opens('pool-a')).toBe(before + 1);
});
