// Two gateways share Redis and cache tenants, plans and API keys for 300 s (and a live
// feed's access for 60 s): a change made through one is seen by the other at once,
// never after its cache expires.
import { randomBytes } from 'node:crypto';
import { eventually } from '../support/eventually';
import { connectWs, endedWith, operate } from '../support/graphqlWs';
import { startGatewayProcess } from '../support/gatewayProcess';
import { createTestPlan } from '../support/plans';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const CREATE_PRODUCT = `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`;
const CHANGE_PLAN = `mutation($plan: String!) { changePlan(plan: $plan) { plan { code } } }`;
const RENEW = `mutation($tenant: String) { renewSubscriptions(tenant: $tenant) { status plan { code } } }`;
const CREATE_KEY = `mutation { createApiKey(name: "sync", role: MEMBER) { key apiKey { id } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`;

let redis: TestRedis;
let a: TestGateway;
let b: TestGateway;
let owner: TestUser;
let admin: TestUser;

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestGateway({ env: { REDIS_URL: redis.url, TENANT_CACHE_SECONDS: '300', API_KEY_CACHE_SECONDS: '300', SESSION_CACHE_SECONDS: '60' } });
  b = await startTestGateway({ sharing: a });
  owner = await a.createUser();
  admin = await a.createUser({ platformAdmin: true });
  await createTestPlan(a, 'single', { maxProducts: 1, monthlyPrice: '10' });
});
afterAll(async () => {
  await b.close();
  await a.close();
  await redis.stop();
});

const createProduct = (gw: TestGateway, tenant: string) =>
  gw.request(CREATE_PRODUCT, { token: owner.token, tenant, variables: { input: { sku: `P-${randomBytes(3).toString('hex')}`, name: 'p', kind: 'GOODS', price: '1' } } });

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';

/** B holds the tenant (and its plan) at its one-product limit: the next create there is refused until B learns of a change. */
async function atTheLimitOnB(slug: string) {
  expect(code(await createProduct(b, slug))).toBe('ok');
  expect(code(await createProduct(b, slug))).toBe('PLAN_LIMIT_EXCEEDED');
}

/** What B answers now, given a moment for the announcement to travel through Redis (far below the 300 s cache). */
const soonOnB = (attempt: () => Promise<GraphQLResponse>, expected: string) =>
  eventually(async () => (code(await attempt()) === expected ? expected : null), 2_000);

test('a gateway that starts and writes the plan catalogue (a release changing a plan) is heard by B at once', async () => {
  // The free plan as an older release defined it: one product.
  await a.services.platform.plan.update({ where: { code: 'free' }, data: { maxProducts: 1 } });
  await a.createTenant({ slug: 'frugal', owner, plan: 'free' });
  await atTheLimitOnB('frugal');
  const release = await startGatewayProcess({ ...a.env, PORT: '0', JOB_CONCURRENCY: '0' });
  try {
    expect(await soonOnB(() => createProduct(b, 'frugal'), 'ok')).toBe('ok'); // 50 again, as plans.ts says
  } finally {
    expect(await release.stop()).toBe(0);
  }
});

test('a plan changed on A applies on B at once', async () => {
  await a.createTenant({ slug: 'upgrader', owner, plan: 'single' });
  await atTheLimitOnB('upgrader');
  const changed = await a.request(CHANGE_PLAN, { token: owner.token, tenant: 'upgrader', variables: { plan: 'enterprise' } });
  expect(changed.body.data.changePlan.plan.code).toBe('enterprise');
  expect(await soonOnB(() => createProduct(b, 'upgrader'), 'ok')).toBe('ok');
});

test('a subscription canceled on A (back to the free plan) applies on B at once', async () => {
  const tenant = await a.createTenant({ slug: 'lapsed', owner, plan: 'single' });
  await atTheLimitOnB('lapsed');
  // Periods end unpaid until it is CANCELED, on the free plan (50 products).
  const statuses: string[] = [];
  while (!statuses.includes('CANCELED') && statuses.length < 4) {
    await a.services.platform.subscription.update({ where: { tenantId: tenant.id }, data: { currentPeriodEnd: new Date(Date.now() - 1000) } });
    const [renewed] = (await a.request(RENEW, { token: admin.token, variables: { tenant: 'lapsed' } })).body.data.renewSubscriptions;
    statuses.push(renewed.status);
    if (renewed.status === 'CANCELED') expect(renewed.plan.code).toBe('free');
  }
  expect(statuses.slice(-2)).toEqual(['PAST_DUE', 'CANCELED']);
  expect(await soonOnB(() => createProduct(b, 'lapsed'), 'ok')).toBe('ok');
});

test('an API key revoked on A is refused on B at once', async () => {
  await a.createTenant({ slug: 'keyed', owner });
  const created = (await a.request(CREATE_KEY, { token: owner.token, tenant: 'keyed' })).body.data.createApiKey;
  const withKey = () => b.request('{ products { totalCount } }', { headers: { 'x-api-key': created.key } });
  expect(code(await withKey())).toBe('ok'); // B trusts the key for 300 s from now
  expect((await a.request(REVOKE_KEY, { token: owner.token, tenant: 'keyed', variables: { id: created.apiKey.id } })).body.data.revokeApiKey.revokedAt).not.toBeNull();
  expect(await soonOnB(withKey, 'UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
});

test('the live feed of an API key revoked on A ends on B at the next event, which it does not deliver', async () => {
  await a.createTenant({ slug: 'keyed-feed', owner });
  const created = (await a.request(CREATE_KEY, { token: owner.token, tenant: 'keyed-feed' })).body.data.createApiKey;
  const socket = connectWs(b.url, { apiKey: created.key });
  try {
    const feed = operate(socket.client, 'subscription { tenantEvents(types: ["customer.created"]) { object } }');
    const createCustomer = async () =>
      (await a.request('mutation { createCustomer(input: { name: "c" }) { id } }', { token: owner.token, tenant: 'keyed-feed' })).body.data.createCustomer.id as string;
    const delivered = (id: string) => feed.results.some((r) => r.data?.tenantEvents.object.id === id);
    await eventually(async () => {
      const probe = await createCustomer();
      return eventually(() => delivered(probe), 500).catch(() => false);
    }, 15_000, 0);

    expect((await a.request(REVOKE_KEY, { token: owner.token, tenant: 'keyed-feed', variables: { id: created.apiKey.id } })).body.data.revokeApiKey.revokedAt).not.toBeNull();
    const after = await createCustomer();
    expect(await endedWith(feed)).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(delivered(after)).toBe(false);
  } finally {
    await socket.client.dispose();
  }
});
