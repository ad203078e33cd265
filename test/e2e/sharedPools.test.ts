// Tenants share connections and Prisma clients: a server's pool is capped however
// many tenants it holds, a connection or client that served tenant A shows nothing
// of A to tenant B (also right after a statement of A failed inside a transaction),
// and a tenant that goes idle holds nothing.
import { graphql } from '../../generated/graphql';
import { onServer } from '../support/database';
import { peakWhile } from '../support/peak';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const CREATE = graphql(`mutation SharedPoolsCreate($sku: String!) { createProduct(input: { sku: $sku, name: $sku, kind: GOODS, price: "1.50" }) { id } }`);
const SKUS = graphql(`query SharedPoolsSkus { products { totalCount edges { node { sku price category { name } } } } }`);
const SALES = graphql(`query SharedPoolsSales { salesReport(from: "2026-01-01", to: "2027-01-01", groupBy: MONTH) { count } }`);

let gw: TestGateway;
let owner: TestUser;
const PAIRS = [
  ['SCHEMA', 'pool-schema-a', 'pool-schema-b'],
  ['DATABASE', 'pool-db-a', 'pool-db-b'],
] as const;
const BURST_TENANTS = ['burst-1', 'burst-2', 'burst-3', 'burst-4', 'burst-5', 'burst-6'];

/** Connections PostgreSQL has open to this gateway's tenant databases (the shared one included), counted by the server. */
async function tenantConnections(): Promise<number> {
  const { rows } = await onServer(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE starts_with(datname, $1) AND datname <> $1 || 'platform'",
    [gw.dbs.prefix],
  );
  return rows[0].n;
}

beforeAll(async () => {
  // One connection per server and one Prisma client for the whole process: every tenant goes through the same ones.
  gw = await startTestGateway({ env: { SERVER_POOL_SIZE: '1', MAX_TENANT_CLIENTS: '1', POOL_IDLE_SECONDS: '0.5' } });
  owner = await gw.createUser();
  for (const [isolation, a, b] of PAIRS) {
    await gw.createTenant({ slug: a, isolation, owner });
    await gw.createTenant({ slug: b, isolation, owner });
  }
});
afterAll(() => gw.close());

describe.each(PAIRS)('%s tenants on one connection and one Prisma client', (_isolation, a, b) => {
  test("each sees only its own rows, in turn, also after the other's transaction failed midway", async () => {
    expect((await gw.request(CREATE, { token: owner.token, tenant: a, variables: { sku: 'ONLY-A' } })).body.errors).toBeUndefined();
    expect((await gw.request(CREATE, { token: owner.token, tenant: b, variables: { sku: 'ONLY-B' } })).body.errors).toBeUndefined();
    for (let round = 0; round < 3; round++) {
      // A duplicate SKU fails inside the create's transaction (after its plan-limit check ran in it).
      const failed = await gw.request(CREATE, { token: owner.token, tenant: a, variables: { sku: 'ONLY-A' } });
      expect(failed.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const seenByB = await gw.request(SKUS, { token: owner.token, tenant: b });
      expect(seenByB.body.data!.products.edges.map((e) => e.node.sku)).toEqual(['ONLY-B']);
      expect((await gw.request(SALES, { token: owner.token, tenant: b })).body.data!.salesReport.count).toBe(0);
      const seenByA = await gw.request(SKUS, { token: owner.token, tenant: a });
      expect(seenByA.body.data!.products.edges.map((e) => e.node.sku)).toEqual(['ONLY-A']);
    }
    expect(gw.services.pool.clients.created).toBe(1);
    for (const { open } of gw.services.pool.servers.stats()) expect(open).toBeLessThanOrEqual(1);
  });
});

describe('a burst over many tenants', () => {
  let capped: TestGateway;
  beforeAll(async () => {
    capped = await startTestGateway({ sharing: gw, env: { SERVER_POOL_SIZE: '4', TENANT_POOL_SIZE: '2', POOL_IDLE_SECONDS: '0.5' } });
    for (const [i, slug] of BURST_TENANTS.entries()) await capped.createTenant({ slug, isolation: i % 2 ? 'SCHEMA' : 'DATABASE', owner });
  });
  afterAll(() => capped.close());

  test('200 concurrent requests for six tenants are all answered, on at most SERVER_POOL_SIZE connections', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000)); // provisioning's connections have gone idle and closed
    const { peak, result: answers } = await peakWhile(tenantConnections, () =>
      Promise.all(Array.from({ length: 200 }, (_, i) => capped.request(SKUS, { token: owner.token, tenant: BURST_TENANTS[i % BURST_TENANTS.length] }))),
    );
    expect(answers.filter((r) => r.body.errors)).toEqual([]);
    expect(answers.every((r) => r.body.data!.products.totalCount === 0)).toBe(true);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(4);
  });

  test('once idle, the tenants hold no connection at all', async () => {
    await capped.request(SKUS, { token: owner.token, tenant: BURST_TENANTS[0] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(capped.services.pool.servers.stats().map((s) => s.open)).toEqual([0]);
    expect(await tenantConnections()).toBe(0);
  });
});
