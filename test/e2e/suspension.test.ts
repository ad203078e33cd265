// Suspending a tenant: it stops serving at once on every gateway process (two gateways
// share Redis and cache tenants for 300 s), its members are told why and can still read
// what they owe; resuming serves it again. A subscription left PAST_DUE for more than
// PAST_DUE_GRACE_DAYS gets its tenant suspended by the renewal run, and paying resumes it.
import { startTestRedis, type TestRedis } from '../support/redis';
import { eventually } from '../support/eventually';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const SUSPEND = `mutation($slug: String!, $reason: String!) { suspendTenant(slug: $slug, reason: $reason) { slug status suspendedReason suspendedAt } }`;
const RESUME = `mutation($slug: String!) { resumeTenant(slug: $slug) { slug status suspendedReason suspendedAt } }`;
const PRODUCTS = '{ products { totalCount } }';
const BILLING = '{ subscription { status } billingTransactions { totalCount } }';
const RENEW = `mutation($tenant: String) { renewSubscriptions(tenant: $tenant) { status } }`;
const CHARGES = `query($tenant: String) { billingTransactions(tenant: $tenant, status: PENDING) { edges { node { id periodStart } } } }`;
const PAY = `mutation($id: ID!) { recordManualPayment(transactionId: $id) { status } }`;
const DAY = 86_400_000;

let redis: TestRedis;
let a: TestGateway;
let b: TestGateway;
let owner: TestUser;
let manager: TestUser;
let viewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestGateway({ env: { REDIS_URL: redis.url, TENANT_CACHE_SECONDS: '300', PAST_DUE_GRACE_DAYS: '7' } });
  b = await startTestGateway({ sharing: a });
  owner = await a.createUser();
  manager = await a.createUser();
  viewer = await a.createUser();
  admin = await a.createUser({ platformAdmin: true });
});
afterAll(async () => {
  await b.close();
  await a.close();
  await redis.stop();
});

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';

/** What B answers, given a moment for the announcement to travel through Redis (far below the 300 s cache). */
const soonOnB = (attempt: () => Promise<GraphQLResponse>, expected: string) =>
  eventually(async () => (code(await attempt()) === expected ? expected : null), 2_000);

describe('suspendTenant and resumeTenant', () => {
  test('suspended on A, the tenant is refused on B at once with the reason; billing stays readable; resumed on A, B serves it again', async () => {
    await a.createTenant({ slug: 'unruly', owner, members: [[manager, 'ADMIN'], [viewer, 'VIEWER']] });
    const productsOnB = () => b.request(PRODUCTS, { token: owner.token, tenant: 'unruly' });
    expect(code(await productsOnB())).toBe('ok'); // B caches the tenant as ACTIVE for 300 s

    const suspended = await a.request(SUSPEND, { token: admin.token, variables: { slug: 'unruly', reason: 'terms of service, section 4' } });
    expect(suspended.body.data.suspendTenant).toMatchObject({ slug: 'unruly', status: 'SUSPENDED', suspendedReason: 'terms of service, section 4' });
    expect(new Date(suspended.body.data.suspendTenant.suspendedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    expect(await soonOnB(productsOnB, 'TENANT_SUSPENDED')).toBe('TENANT_SUSPENDED');
    const refused = await productsOnB();
    expect(refused.body.errors?.[0]).toMatchObject({
      message: 'tenant "unruly" is suspended: terms of service, section 4',
      extensions: { code: 'TENANT_SUSPENDED', reason: 'terms of service, section 4' },
    });
    const write = await b.request('mutation { createProduct(input: { sku: "S1", name: "n", kind: GOODS, price: "1" }) { id } }', { token: owner.token, tenant: 'unruly' });
    expect(code(write)).toBe('TENANT_SUSPENDED');

    // What they owe stays readable, to those who may read it.
    for (const [user, expected] of [[owner, 'ok'], [manager, 'ok'], [viewer, 'FORBIDDEN']] as const) {
      const billing = await b.request(BILLING, { token: user.token, tenant: 'unruly' });
      expect(code(billing)).toBe(expected);
      if (expected === 'ok') expect(billing.body.data).toEqual({ subscription: { status: 'TRIALING' }, billingTransactions: { totalCount: 0 } });
    }
    expect(code(await b.request('{ usage(from: "2026-01-01", to: "2026-01-02") { apiCalls } }', { token: owner.token, tenant: 'unruly' }))).toBe('TENANT_SUSPENDED');

    const resumed = await a.request(RESUME, { token: admin.token, variables: { slug: 'unruly' } });
    expect(resumed.body.data.resumeTenant).toEqual({ slug: 'unruly', status: 'ACTIVE', suspendedReason: null, suspendedAt: null });
    expect(await soonOnB(productsOnB, 'ok')).toBe('ok');

    const entries = await a.services.platform.auditLog.findMany({ where: { action: { in: ['suspendTenant', 'resumeTenant'] } }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.actorId, (entry.details as { args: { reason?: string } }).args.reason])).toEqual([
      ['suspendTenant', admin.id, 'terms of service, section 4'],
      ['resumeTenant', admin.id, undefined],
    ]);
  });

  test('only platform admins suspend or resume; a reason is required; only ACTIVE tenants are suspended and only SUSPENDED ones resumed', async () => {
    await a.createTenant({ slug: 'steady', owner });
    const asOwner = await a.request(SUSPEND, { token: owner.token, variables: { slug: 'steady', reason: 'mine' } });
    expect(asOwner.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(code(await a.request(RESUME, { token: owner.token, variables: { slug: 'steady' } }))).toBe('FORBIDDEN');

    const noReason = await a.request(SUSPEND, { token: admin.token, variables: { slug: 'steady', reason: '  ' } });
    expect(noReason.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    const notSuspended = await a.request(RESUME, { token: admin.token, variables: { slug: 'steady' } });
    expect(notSuspended.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
    const missing = await a.request(SUSPEND, { token: admin.token, variables: { slug: 'no-such-shop', reason: 'x' } });
    expect(missing.body.errors?.[0].extensions.code).toBe('TENANT_NOT_FOUND');

    expect(code(await a.request(SUSPEND, { token: admin.token, variables: { slug: 'steady', reason: 'first' } }))).toBe('ok');
    const twice = await a.request(SUSPEND, { token: admin.token, variables: { slug: 'steady', reason: 'second' } });
    expect(twice.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect((await a.services.platform.tenant.findUniqueOrThrow({ where: { slug: 'steady' } })).suspendedReason).toBe('first');
  });
});

describe('a subscription left PAST_DUE', () => {
  /** Makes the tenant's subscription PAST_DUE, as the renewal run does when a charged period ends unpaid. */
  async function pastDue(slug: string) {
    const tenant = await a.createTenant({ slug, owner, plan: 'starter' });
    for (const expected of ['ACTIVE', 'PAST_DUE']) {
      await a.services.platform.subscription.update({ where: { tenantId: tenant.id }, data: { currentPeriodEnd: new Date(Date.now() - 1000) } });
      expect((await a.request(RENEW, { token: admin.token, variables: { tenant: slug } })).body.data.renewSubscriptions).toEqual([{ status: expected }]);
    }
    return tenant;
  }
  const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

  test('within PAST_DUE_GRACE_DAYS the tenant serves; past it the renewal run suspends it, saying why; paying resumes it on every gateway', async () => {
    const tenant = await pastDue('slow-payer');
    const productsOnB = () => b.request(PRODUCTS, { token: owner.token, tenant: 'slow-payer' });
    expect(code(await productsOnB())).toBe('ok');

    // Six days on, nothing changes.
    await a.services.platform.subscription.update({ where: { tenantId: tenant.id }, data: { pastDueSince: daysAgo(6) } });
    expect((await a.request(RENEW, { token: admin.token })).body.data.renewSubscriptions).toEqual([]);
    expect(code(await productsOnB())).toBe('ok');

    // Eight days on, the run suspends it.
    const since = daysAgo(8);
    await a.services.platform.subscription.update({ where: { tenantId: tenant.id }, data: { pastDueSince: since } });
    expect((await a.request(RENEW, { token: admin.token })).body.data.renewSubscriptions).toEqual([{ status: 'PAST_DUE' }]);
    expect(await soonOnB(productsOnB, 'TENANT_SUSPENDED')).toBe('TENANT_SUSPENDED');
    const reason = `the subscription has been past due since ${since.toISOString().slice(0, 10)}, more than 7 days (PAST_DUE_GRACE_DAYS): pay the overdue charges to resume`;
    expect((await productsOnB()).body.errors?.[0].extensions).toEqual({ code: 'TENANT_SUSPENDED', reason });
    expect((await a.request(RENEW, { token: admin.token })).body.data.renewSubscriptions).toEqual([]); // once is enough

    // The owner sees what is owed; a platform admin records the payment of the overdue charge.
    const charges = (await b.request(CHARGES, { token: owner.token, tenant: 'slow-payer' })).body.data.billingTransactions.edges.map((e: any) => e.node);
    expect(charges).toHaveLength(2);
    const overdue = charges.reduce((first: any, charge: any) => (charge.periodStart < first.periodStart ? charge : first));
    expect((await a.request(PAY, { token: admin.token, variables: { id: overdue.id } })).body.data.recordManualPayment.status).toBe('COMPLETED');
    expect(await soonOnB(productsOnB, 'ok')).toBe('ok');
    const row = await a.services.platform.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
    expect(row).toMatchObject({ status: 'ACTIVE', suspendedFor: null, suspendedReason: null });

    const entries = await a.services.platform.auditLog.findMany({ where: { tenantId: tenant.id, action: { in: ['tenant.suspended', 'tenant.resumed'] } }, orderBy: { createdAt: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.actorId, (entry.details as { cause: string }).cause])).toEqual([
      ['tenant.suspended', admin.id, 'PAST_DUE'],
      ['tenant.resumed', admin.id, 'PAST_DUE'],
    ]);
  });

  test('paying does not lift a suspension a platform admin decided', async () => {
    const tenant = await pastDue('doubly-late');
    expect(code(await a.request(SUSPEND, { token: admin.token, variables: { slug: 'doubly-late', reason: 'fraud review' } }))).toBe('ok');
    const [first] = (await a.request(CHARGES, { token: admin.token, variables: { tenant: 'doubly-late' } })).body.data.billingTransactions.edges
      .map((e: any) => e.node)
      .sort((x: any, y: any) => (x.periodStart < y.periodStart ? -1 : 1));
    expect(code(await a.request(PAY, { token: admin.token, variables: { id: first.id } }))).toBe('ok');
    expect((await a.request('{ subscription { status } }', { token: owner.token, tenant: 'doubly-late' })).body.data.subscription.status).toBe('ACTIVE');
    const products = await a.request(PRODUCTS, { token: owner.token, tenant: 'doubly-late' });
    expect(products.body.errors?.[0].extensions).toEqual({ code: 'TENANT_SUSPENDED', reason: 'fraud review' });
    expect((await a.services.platform.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).suspendedFor).toBe('ADMIN');
  });
});
