// Plans change on the owner's word, within limits; subscriptions move TRIALING ->
// ACTIVE -> PAST_DUE -> CANCELED, one manual-offline charge per period, paid when a
// platform admin records the payment.
import { createTestPlan } from '../support/plans';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const SUBSCRIPTION = `{ subscription { status plan { code } trialEndsAt currentPeriodStart currentPeriodEnd canceledAt } }`;
const CHANGE = `mutation($plan: String!) { changePlan(plan: $plan) { status plan { code } currentPeriodStart currentPeriodEnd } }`;
const RENEW = `mutation($tenant: String) { renewSubscriptions(tenant: $tenant) { status plan { code } } }`;
const CHARGES = `query($tenant: String, $status: BillingStatus) {
  billingTransactions(tenant: $tenant, status: $status) { totalCount edges { node { id amount currency status provider providerRef periodStart periodEnd } } }
}`;
const PAY = `mutation($id: ID!, $ref: String) { recordManualPayment(transactionId: $id, reference: $ref) { status providerRef processedAt } }`;

let gw: TestGateway;
let owner: TestUser;
let adminUser: TestUser;
let admin: TestUser;

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  adminUser = await gw.createUser();
  admin = await gw.createUser({ platformAdmin: true });
  await createTestPlan(gw, 'roomy', { maxProducts: 10, monthlyPrice: '30' });
  await createTestPlan(gw, 'cramped', { maxProducts: 2, monthlyPrice: '5' });
});
afterAll(() => gw.close());

/** Ends the tenant's current period now, as if its time had come. */
async function endPeriod(tenantId: string) {
  await gw.services.platform.subscription.update({ where: { tenantId }, data: { currentPeriodEnd: new Date(Date.now() - 1000) } });
}

test('a trial becomes ACTIVE with a PENDING manual-offline charge; unpaid it goes PAST_DUE, paid ACTIVE, twice unpaid CANCELED', async () => {
  const tenant = await gw.createTenant({ slug: 'life-shop', owner, plan: 'starter' });
  const as = { token: owner.token, tenant: 'life-shop' };
  const trial = (await gw.request(SUBSCRIPTION, as)).body.data.subscription;
  expect(trial).toMatchObject({ status: 'TRIALING', plan: { code: 'starter' } });
  expect(new Date(trial.trialEndsAt).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
  expect((await gw.request(RENEW, { token: admin.token, variables: { tenant: 'life-shop' } })).body.data.renewSubscriptions).toEqual([]);

  // The trial ends: the first paid period opens, charged and awaiting payment.
  await endPeriod(tenant.id);
  expect((await gw.request(RENEW, { token: admin.token, variables: { tenant: 'life-shop' } })).body.data.renewSubscriptions).toEqual([
    { status: 'ACTIVE', plan: { code: 'starter' } },
  ]);
  const charges = (await gw.request(CHARGES, as)).body.data.billingTransactions;
  expect(charges.edges.map((e: any) => e.node)).toEqual([
    expect.objectContaining({ amount: '19', currency: 'USD', status: 'PENDING', provider: 'manual-offline', providerRef: null }),
  ]);
  const firstCharge = charges.edges[0].node.id;

  // That period ends unpaid: PAST_DUE, and the next period is charged.
  await endPeriod(tenant.id);
  await gw.request(RENEW, { token: admin.token });
  expect((await gw.request(SUBSCRIPTION, as)).body.data.subscription.status).toBe('PAST_DUE');
  expect((await gw.request(CHARGES, { ...as, variables: { status: 'PENDING' } })).body.data.billingTransactions.totalCount).toBe(2);

  // The bank transfer arrives: recorded by a platform admin, the subscription is ACTIVE again.
  expect((await gw.request(PAY, { token: owner.token, tenant: 'life-shop', variables: { id: firstCharge } })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  const paid = await gw.request(PAY, { token: admin.token, variables: { id: firstCharge, ref: 'TRANSFER-778' } });
  expect(paid.body.data.recordManualPayment).toMatchObject({ status: 'COMPLETED', providerRef: 'TRANSFER-778' });
  expect((await gw.request(SUBSCRIPTION, as)).body.data.subscription.status).toBe('ACTIVE');
  const twice = await gw.request(PAY, { token: admin.token, variables: { id: firstCharge } });
  expect(twice.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'transactionId' });

  // Two periods end unpaid in a row: PAST_DUE, then CANCELED on the free plan.
  await endPeriod(tenant.id);
  await gw.request(RENEW, { token: admin.token, variables: { tenant: 'life-shop' } });
  expect((await gw.request(SUBSCRIPTION, as)).body.data.subscription.status).toBe('PAST_DUE');
  await endPeriod(tenant.id);
  await gw.request(RENEW, { token: admin.token, variables: { tenant: 'life-shop' } });
  const canceled = (await gw.request(SUBSCRIPTION, as)).body.data.subscription;
  expect(canceled).toMatchObject({ status: 'CANCELED', plan: { code: 'free' } });
  expect(canceled.canceledAt).not.toBeNull();
  expect((await gw.request('{ tenants { nodes { slug plan { code } } } }', { token: owner.token })).body.data.tenants.nodes).toContainEqual({ slug: 'life-shop', plan: { code: 'free' } });
  const statuses = (await gw.request(CHARGES, as)).body.data.billingTransactions.edges.map((e: any) => e.node.status);
  expect(statuses.sort()).toEqual(['COMPLETED', 'FAILED', 'FAILED']);

  // Every step is in the audit log.
  const renewals = await gw.services.platform.auditLog.findMany({ where: { tenantId: tenant.id, action: 'subscription.renewed' } });
  expect(renewals.map((r) => (r.details as any).to)).toEqual(['ACTIVE', 'PAST_DUE', 'PAST_DUE', 'CANCELED']);

  // The owner comes back: a new paid period from now.
  const back = (await gw.request(CHANGE, { ...as, variables: { plan: 'starter' } })).body.data.changePlan;
  expect(back).toMatchObject({ status: 'ACTIVE', plan: { code: 'starter' } });
  expect(new Date(back.currentPeriodStart).getTime()).toBeGreaterThan(Date.now() - 60_000);
});

test('upgrading from free starts a charged period at once, and the new limits apply at once', async () => {
  await gw.createTenant({ slug: 'grow-shop', owner, plan: 'free' });
  const as = { token: owner.token, tenant: 'grow-shop' };
  expect((await gw.request(SUBSCRIPTION, as)).body.data.subscription).toMatchObject({ status: 'ACTIVE', plan: { code: 'free' } });
  expect((await gw.request(CHARGES, as)).body.data.billingTransactions.totalCount).toBe(0);

  const changed = (await gw.request(CHANGE, { ...as, variables: { plan: 'cramped' } })).body.data.changePlan;
  expect(changed).toMatchObject({ status: 'ACTIVE', plan: { code: 'cramped' } });
  expect((await gw.request(CHARGES, as)).body.data.billingTransactions.edges.map((e: any) => [e.node.amount, e.node.status])).toEqual([['5', 'PENDING']]);

  const create = (sku: string) => gw.request(`mutation { createProduct(input: { sku: "${sku}", name: "n", kind: GOODS, price: "1" }) { id } }`, as);
  await create('G1');
  await create('G2');
  expect((await create('G3')).body.errors?.[0].extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', plan: 'cramped', limit: 2 });
});

test('a downgrade below what the tenant uses is refused, naming what is over; only the OWNER changes plans', async () => {
  await gw.createTenant({ slug: 'shrink-shop', owner, plan: 'roomy', members: [[adminUser, 'ADMIN']] });
  const as = { token: owner.token, tenant: 'shrink-shop' };
  for (const sku of ['S1', 'S2', 'S3']) await gw.request(`mutation { createProduct(input: { sku: "${sku}", name: "n", kind: GOODS, price: "1" }) { id } }`, as);

  const refused = await gw.request(CHANGE, { ...as, variables: { plan: 'cramped' } });
  expect(refused.body.errors?.[0].extensions).toMatchObject({
    code: 'PLAN_LIMIT_EXCEEDED',
    plan: 'cramped',
    over: [{ limitName: 'maxProducts', limit: 2, current: 3 }],
  });
  expect((await gw.request(SUBSCRIPTION, as)).body.data.subscription.plan.code).toBe('roomy');

  const byAdmin = await gw.request(CHANGE, { token: adminUser.token, tenant: 'shrink-shop', variables: { plan: 'enterprise' } });
  expect(byAdmin.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  const unknown = await gw.request(CHANGE, { ...as, variables: { plan: 'platinum' } });
  expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plan' });
  // Between paid plans the period runs on: no new charge.
  const before = (await gw.request(SUBSCRIPTION, as)).body.data.subscription.currentPeriodEnd;
  expect((await gw.request(CHANGE, { ...as, variables: { plan: 'enterprise' } })).body.data.changePlan.currentPeriodEnd).toBe(before);
});

test('subscription and charges: OWNER and ADMIN of the tenant, platform admins for any tenant', async () => {
  const member = await gw.createUser();
  await gw.createTenant({ slug: 'seen-shop', owner, plan: 'starter', members: [[member, 'MEMBER']] });
  expect((await gw.request(SUBSCRIPTION, { token: member.token, tenant: 'seen-shop' })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect((await gw.request(`{ subscription(tenant: "seen-shop") { status } }`, { token: admin.token })).body.data.subscription.status).toBe('TRIALING');
  const everyone = (await gw.request(CHARGES, { token: admin.token })).body.data.billingTransactions.totalCount;
  expect(everyone).toBeGreaterThan(0);
  expect((await gw.request(CHARGES, { token: member.token, tenant: 'seen-shop' })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});
