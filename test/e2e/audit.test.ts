// Every mutation that changes state leaves an audit entry (who, what, when, which
// tenant) without secrets; owners and admins read their tenant's, platform admins all.
import type { GraphQLObjectType } from 'graphql';
import { gatewaySchema } from '../../src/schema/buildSchema';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const AUDIT = `query($tenant: String, $action: String, $first: Int, $after: String) {
  auditLog(tenant: $tenant, action: $action, first: $first, after: $after) {
    totalCount edges { node { id tenantId actorType actorId action target details createdAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const CREATE_PRODUCT = `mutation($sku: String!) { createProduct(input: { sku: $sku, name: "n", kind: GOODS, price: "1" }) { id } }`;

let gw: TestGateway;
let owner: TestUser;
let member: TestUser;
let outsider: TestUser;
let admin: TestUser;
let shopId: string;
let otherId: string;

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  member = await gw.createUser();
  outsider = await gw.createUser();
  admin = await gw.createUser({ platformAdmin: true });
  shopId = (await gw.createTenant({ slug: 'audit-shop', owner, members: [[member, 'MEMBER']] })).id;
  otherId = (await gw.createTenant({ slug: 'audit-other', owner: outsider })).id;
});
afterAll(() => gw.close());

const entries = async (user: TestUser, variables: Record<string, unknown> = {}, tenant?: string) =>
  (await gw.request(AUDIT, { token: user.token, tenant, variables })).body;

test('a mutation by a member is recorded with who, what, its target and the tenant', async () => {
  const created = await gw.request(CREATE_PRODUCT, { token: member.token, tenant: 'audit-shop', variables: { sku: 'AUD-1' } });
  const productId = created.body.data.createProduct.id;
  const log = await entries(owner, { action: 'createProduct' }, 'audit-shop');
  expect(log.data.auditLog.edges[0].node).toMatchObject({
    tenantId: shopId,
    actorType: 'user',
    actorId: member.id,
    action: 'createProduct',
    target: productId,
    details: { actor: member.email, args: { input: { sku: 'AUD-1' } } },
  });
});

test('API keys are recorded as themselves, and no key, token or password is ever written', async () => {
  const created = await gw.request(`mutation { createApiKey(name: "erp", role: MEMBER) { key apiKey { id prefix } } }`, { token: owner.token, tenant: 'audit-shop' });
  const { key, apiKey } = created.body.data.createApiKey;
  await gw.request(CREATE_PRODUCT, { headers: { 'x-api-key': key }, variables: { sku: 'AUD-KEY' } });
  const signUp = await gw.request(`mutation { signUp(input: { email: "audited@example.com", password: "a very secret password", name: "A" }) { token } }`);
  const token = signUp.body.data.signUp.token;

  const log = (await entries(admin, { first: 100 })).data.auditLog.edges.map((e: any) => e.node);
  expect(log.find((e: any) => e.action === 'createApiKey')).toMatchObject({ tenantId: shopId, target: apiKey.id, actorType: 'user' });
  expect(log.find((e: any) => e.details.args?.input?.sku === 'AUD-KEY')).toMatchObject({ actorType: 'apiKey', actorId: apiKey.id, tenantId: shopId });
  expect(log.find((e: any) => e.action === 'signUp')).toMatchObject({ actorType: 'anonymous', tenantId: null, details: { args: { input: { password: '[redacted]' } } } });

  const everything = JSON.stringify(await gw.services.platform.auditLog.findMany());
  for (const secret of [key, token, 'a very secret password']) expect(everything).not.toContain(secret);
});

test('failed mutations and signing in leave no entry', async () => {
  const before = await gw.services.platform.auditLog.count();
  await gw.request(CREATE_PRODUCT, { token: outsider.token, tenant: 'audit-shop', variables: { sku: 'NOPE' } });
  await gw.request(`mutation($e: String!) { login(email: $e, password: "correct horse battery") { token } }`, { variables: { e: owner.email } });
  expect(await gw.services.platform.auditLog.count()).toBe(before);
});

test('owners read their tenant’s log only; members may not; platform admins read all, by tenant, page by page', async () => {
  await gw.request(CREATE_PRODUCT, { token: outsider.token, tenant: 'audit-other', variables: { sku: 'OTHER-1' } });

  const mine = await entries(owner, { first: 100 }, 'audit-shop');
  expect(new Set(mine.data.auditLog.edges.map((e: any) => e.node.tenantId))).toEqual(new Set([shopId]));
  expect((await entries(member, {}, 'audit-shop')).errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect((await entries(owner, { tenant: 'audit-other' }, 'audit-shop')).errors?.[0].extensions.code).toBe('FORBIDDEN');

  const all = (await entries(admin, { first: 100 })).data.auditLog;
  expect(all.edges.map((e: any) => e.node.tenantId)).toEqual(expect.arrayContaining([shopId, otherId]));
  const other = (await entries(admin, { tenant: 'audit-other' })).data.auditLog;
  expect(other.edges.map((e: any) => e.node.details.args.input.sku)).toEqual(['OTHER-1']);

  // Newest first, in pages that neither repeat nor skip.
  const first = (await entries(admin, { first: 2 })).data.auditLog;
  const second = (await entries(admin, { first: 2, after: first.pageInfo.endCursor })).data.auditLog;
  const paged = [...first.edges, ...second.edges].map((e: any) => e.node);
  expect(paged.map((n: any) => n.id)).toEqual(all.edges.slice(0, 4).map((e: any) => e.node.id));
  const times = paged.map((n: any) => n.createdAt);
  expect([...times].sort().reverse()).toEqual(times);
});

test('auditing costs other fields nothing: after mutations ran, the fields of every type still resolve without a wrapper', async () => {
  expect((await gw.request(CREATE_PRODUCT, { token: owner.token, tenant: 'audit-shop', variables: { sku: 'AUD-W' } })).body.errors).toBeUndefined();
  expect((await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'audit-shop' })).body.errors).toBeUndefined();
  // A plugin hook per field (Apollo's willResolveField) would have made Apollo wrap every field of the schema.
  const product = gatewaySchema().getType('Product') as GraphQLObjectType;
  expect(product.getFields().sku.resolve).toBeUndefined();
  expect((gatewaySchema().getType('Plan') as GraphQLObjectType).getFields().code.resolve).toBeUndefined();
});
