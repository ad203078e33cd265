// A tenant's own domains: a request whose Host is one is routed to that tenant like its
// subdomain, on every gateway process as soon as the domain is added (two gateways share
// Redis and cache for 300 s), and no longer once it is removed.
import { randomBytes } from 'node:crypto';
import { requestWithHost } from '../support/hostRequest';
import { eventually } from '../support/eventually';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const ADD = `mutation($domain: String!) { addTenantDomain(domain: $domain) { domain createdAt } }`;
const REMOVE = `mutation($domain: String!) { removeTenantDomain(domain: $domain) { domain } }`;
const DOMAINS = `query($slug: String!) { tenant(slug: $slug) { domains { domain } } }`;
const PRODUCTS = '{ products { totalCount } }';

let redis: TestRedis;
let a: TestGateway;
let b: TestGateway;
let owner: TestUser;
let manager: TestUser;
let rival: TestUser;
// Unique per run: the domain index is per platform, but names read better apart.
const shop = `shop-${randomBytes(3).toString('hex')}.example.com`;

beforeAll(async () => {
  redis = await startTestRedis();
  a = await startTestGateway({ env: { REDIS_URL: redis.url, TENANT_CACHE_SECONDS: '300', BASE_DOMAIN: 'shops.test' } });
  b = await startTestGateway({ sharing: a });
  owner = await a.createUser();
  manager = await a.createUser();
  rival = await a.createUser();
  await a.createTenant({ slug: 'own-domain', owner, members: [[manager, 'ADMIN']] });
  await a.createTenant({ slug: 'rival', owner: rival });
});
afterAll(async () => {
  await b.close();
  await a.close();
  await redis.stop();
});

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const asOwner = () => ({ token: owner.token, tenant: 'own-domain' });

test('a domain added on A routes on B at once; removed on A, B stops routing it', async () => {
  const onB = () => requestWithHost(b, `${shop}:8443`, PRODUCTS, { token: owner.token });
  // B has looked the name up and found no tenant (and keeps that answer for 300 s).
  expect((await onB()).body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('no tenant chosen') });

  const added = await a.request(ADD, { ...asOwner(), variables: { domain: shop.toUpperCase() } });
  expect(added.body.data.addTenantDomain.domain).toBe(shop);
  expect((await a.request(DOMAINS, { token: owner.token, variables: { slug: 'own-domain' } })).body.data.tenant.domains).toEqual([{ domain: shop }]);
  const routed = await eventually(async () => {
    const response = await onB();
    return response.body.data ? response : null;
  }, 2_000);
  expect(routed.body).toEqual({ data: { products: { totalCount: 0 } } });

  // Routing is not access: a stranger on the domain sees no tenant of theirs.
  expect(code(await requestWithHost(b, shop, PRODUCTS, { token: rival.token }))).toBe('TENANT_NOT_FOUND');
  // Sources that disagree are refused.
  const conflict = await requestWithHost(b, shop, PRODUCTS, { token: owner.token, tenant: 'rival' });
  expect(conflict.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining(`the domain names "own-domain"`) });
  expect(code(await requestWithHost(b, shop, PRODUCTS, { token: owner.token, tenant: 'own-domain' }))).toBe('ok');

  expect((await a.request(REMOVE, { ...asOwner(), variables: { domain: shop } })).body.data.removeTenantDomain).toEqual({ domain: shop });
  expect(await eventually(async () => code(await onB()) === 'BAD_USER_INPUT', 2_000)).toBe(true);
  expect((await a.request(DOMAINS, { token: owner.token, variables: { slug: 'own-domain' } })).body.data.tenant.domains).toEqual([]);

  const entries = await a.services.platform.auditLog.findMany({ where: { action: { in: ['addTenantDomain', 'removeTenantDomain'] } }, orderBy: { createdAt: 'asc' } });
  const tenantId = (await a.services.registry.find('own-domain'))!.id;
  expect(entries.map((entry) => [entry.action, entry.tenantId, entry.actorId])).toEqual([
    ['addTenantDomain', tenantId, owner.id],
    ['removeTenantDomain', tenantId, owner.id],
  ]);
});

test.each([
  ['not a host name', 'shop example com'],
  ['one label', 'localhost'],
  ['an IP address', '10.0.0.7'],
  ['under BASE_DOMAIN', 'own-domain.shops.test'],
  ['BASE_DOMAIN itself', 'shops.test'],
  ['a label too long', `${'x'.repeat(64)}.example.com`],
])('%s is refused', async (_what, domain) => {
  const refused = await a.request(ADD, { ...asOwner(), variables: { domain } });
  expect(refused.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'domain' });
});

test("a domain is one tenant's: taken is refused, and another tenant's cannot be removed", async () => {
  const taken = `taken-${randomBytes(3).toString('hex')}.example.net`;
  expect(code(await a.request(ADD, { token: rival.token, tenant: 'rival', variables: { domain: taken } }))).toBe('ok');
  const refused = await a.request(ADD, { ...asOwner(), variables: { domain: taken } });
  expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'domain' }, message: `${taken} is taken` });
  expect(code(await a.request(REMOVE, { ...asOwner(), variables: { domain: taken } }))).toBe('NOT_FOUND');
  expect(code(await requestWithHost(a, taken, PRODUCTS, { token: rival.token }))).toBe('ok');
});

test('only the OWNER manages domains: not an ADMIN, not an API key', async () => {
  expect(code(await a.request(ADD, { token: manager.token, tenant: 'own-domain', variables: { domain: 'admin.example.org' } }))).toBe('FORBIDDEN');
  const key = (await a.request('mutation { createApiKey(name: "sync", role: ADMIN) { key } }', asOwner())).body.data.createApiKey.key;
  const byKey = await a.request(ADD, { headers: { 'x-api-key': key }, variables: { domain: 'key.example.org' } });
  expect(code(byKey)).toBe('FORBIDDEN');
  expect(await a.services.platform.tenantDomain.count({ where: { domain: { in: ['admin.example.org', 'key.example.org'] } } })).toBe(0);
});
