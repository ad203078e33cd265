// API calls are metered per tenant and day, the monthly quota trips exactly at
// the quota with RATE_LIMITED, and the counts survive a restart (in-process counters).
import { createTestPlan } from '../support/plans';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { readUsageWhileFlushing } from '../support/usageReadings';

const LIST = '{ products { totalCount } }';
const today = new Date().toISOString().slice(0, 10);
const USAGE = `query($tenant: String) { usage(from: "${today}", to: "${today}", tenant: $tenant) { tenantId day apiCalls apiErrors } }`;

let gw: TestGateway;
let owner: TestUser;
let admin: TestUser;

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  admin = await gw.createUser({ platformAdmin: true });
  await createTestPlan(gw, 'metered', { maxApiCallsPerMonth: 5 });
  await createTestPlan(gw, 'metered-plus', { maxApiCallsPerMonth: 8 });
  await createTestPlan(gw, 'busy', { maxApiCallsPerMonth: 10 });
});
afterAll(() => gw.close());

test('the call after the monthly quota gets RATE_LIMITED with HTTP 429, before any resolver runs', async () => {
  await gw.createTenant({ slug: 'quota-shop', owner, plan: 'metered' });
  const as = { token: owner.token, tenant: 'quota-shop' };
  for (let i = 0; i < 5; i++) expect((await gw.request(LIST, as)).status).toBe(200);

  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-tenant': 'quota-shop' },
    body: JSON.stringify({ query: `mutation { createProduct(input: { sku: "X", name: "x", kind: GOODS, price: "1" }) { id } }` }),
  });
  const body = (await response.json()) as any;
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', quota: 5, used: 5 });
  // Refused before the resolver: no product was made.
  const tenant = (await gw.services.registry.find('quota-shop'))!;
  const lease = gw.services.pool.acquire(tenant);
  expect(await lease.db.product.count().finally(() => lease.release())).toBe(0);

  // Usage and the plan stay reachable over the quota; a larger plan lifts it at once.
  const usage = await gw.request(USAGE, as);
  expect(usage.body.data.usage).toEqual([{ tenantId: tenant.id, day: today, apiCalls: 5, apiErrors: 1 }]);
  expect((await gw.request('mutation { changePlan(plan: "metered-plus") { plan { code } } }', as)).body.data.changePlan.plan.code).toBe('metered-plus');
  expect((await gw.request(LIST, as)).status).toBe(200);
});

test('a concurrent burst at the quota admits exactly the quota', async () => {
  await gw.createTenant({ slug: 'busy-shop', owner, plan: 'busy' });
  const as = { token: owner.token, tenant: 'busy-shop' };
  const statuses = (await Promise.all(Array.from({ length: 25 }, () => gw.request(LIST, as)))).map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(10);
  expect(statuses.filter((s) => s === 429)).toHaveLength(15);
});

test('errors are counted apart; platform admins and requests without a tenant are not counted', async () => {
  const tenant = await gw.createTenant({ slug: 'count-shop', owner, plan: 'enterprise' });
  const as = { token: owner.token, tenant: 'count-shop' };
  await gw.request(LIST, as);
  await gw.request('{ product(id: "not-an-id") { id } }', as);
  await gw.request(LIST, { token: admin.token, tenant: 'count-shop' });
  await gw.request('{ me { email } }', { token: owner.token });
  await gw.request(LIST, { tenant: 'count-shop' }); // anonymous: refused, not the tenant's call

  const usage = await gw.request(USAGE, as);
  expect(usage.body.data.usage).toEqual([{ tenantId: tenant.id, day: today, apiCalls: 2, apiErrors: 1 }]);
});

test('usage: OWNER and ADMIN see their tenant, MEMBER and VIEWER may not, platform admins see every tenant', async () => {
  const adminUser = await gw.createUser();
  const member = await gw.createUser();
  const viewer = await gw.createUser();
  const outsider = await gw.createUser();
  const mine = await gw.createTenant({ slug: 'usage-mine', owner, members: [[adminUser, 'ADMIN'], [member, 'MEMBER'], [viewer, 'VIEWER']] });
  const theirs = await gw.createTenant({ slug: 'usage-theirs', owner: outsider });
  await gw.request(LIST, { token: owner.token, tenant: 'usage-mine' });
  await gw.request(LIST, { token: outsider.token, tenant: 'usage-theirs' });

  const seen = async (user: TestUser, tenant?: string, variables: Record<string, unknown> = {}) => gw.request(USAGE, { token: user.token, tenant, variables });
  expect((await seen(adminUser, 'usage-mine')).body.data.usage.map((u: any) => u.tenantId)).toEqual([mine.id]);
  expect((await seen(member, 'usage-mine')).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect((await seen(viewer, 'usage-mine')).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect((await seen(owner, 'usage-mine', { tenant: 'usage-theirs' })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');

  const all = (await seen(admin)).body.data.usage.map((u: any) => u.tenantId);
  expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  expect((await seen(admin, undefined, { tenant: 'usage-theirs' })).body.data.usage.map((u: any) => u.tenantId)).toEqual([theirs.id]);
});

test('usage read while the counters flush counts every call exactly once', async () => {
  const tenant = await gw.createTenant({ slug: 'flushing-shop', owner });
  const { readings, expected } = await readUsageWhileFlushing([gw], tenant.id, { token: owner.token, tenant: 'flushing-shop' });
  expect(readings).toEqual(expected);
});

test('counts survive a restart: a new gateway on the same platform database carries on from them', async () => {
  await createTestPlan(gw, 'restart', { maxApiCallsPerMonth: 7 });
  const first = await startTestGateway({ sharing: gw });
  const tenant = await first.createTenant({ slug: 'restart-shop', owner, plan: 'restart' });
  const as = { token: owner.token, tenant: 'restart-shop' };
  for (let i = 0; i < 5; i++) expect((await first.request(LIST, as)).status).toBe(200);
  await first.stop(); // flushes on shutdown

  const stored = await gw.services.platform.usageMetric.findMany({ where: { tenantId: tenant.id } });
  expect(stored.map((m) => m.apiCalls)).toEqual([5]);

  const second = await startTestGateway({ sharing: gw });
  try {
    expect((await second.request(USAGE, as)).body.data.usage[0]).toMatchObject({ apiCalls: 5 });
    expect((await second.request(LIST, as)).status).toBe(200);
    expect((await second.request(LIST, as)).status).toBe(200);
    expect((await second.request(LIST, as)).status).toBe(429);
  } finally {
    await second.close();
  }
  const after = await gw.services.platform.usageMetric.findMany({ where: { tenantId: tenant.id } });
  expect(after.map((m) => [m.apiCalls, m.apiErrors])).toEqual([[7, 1]]);
});
