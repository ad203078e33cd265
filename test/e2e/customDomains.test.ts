// A tenant's own domains: a claimed domain routes nowhere until its owner proves it
// (a TXT record at _tenantgraph.<domain>, looked up through DNS_RESOLVER, here a real
// DNS server on 127.0.0.1); once verified, a request whose Host is that domain is
// routed to the tenant like its subdomain, on every gateway process at once (two
// gateways share Redis and cache for 300 s), and no longer once it is removed. Tenants
// may claim one domain together; the first to verify owns it, and no refusal names
// the other tenant.
import { randomBytes } from 'node:crypto';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { requestWithHost } from '../support/hostRequest';
import { eventually } from '../support/eventually';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const ADD = `mutation($domain: String!) { addTenantDomain(domain: $domain) { domain verified verifiedAt verificationRecord { name type value } createdAt } }`;
const VERIFY = `mutation($domain: String!) { verifyTenantDomain(domain: $domain) { domain verified verifiedAt } }`;
const REMOVE = `mutation($domain: String!) { removeTenantDomain(domain: $domain) { domain } }`;
const DOMAINS = `query($slug: String!) { tenant(slug: $slug) { domains { domain verified } } }`;
const PRODUCTS = '{ products { totalCount } }';

let dns: TestDnsServer;
let redis: TestRedis;
let a: TestGateway;
let b: TestGateway;
let owner: TestUser;
let manager: TestUser;
let rival: TestUser;
// Unique per run: the domain index is per platform, but names read better apart.
const shop = `shop-${randomBytes(3).toString('hex')}.example.com`;

beforeAll(async () => {
  dns = await startDnsServer();
  redis = await startTestRedis();
  a = await startTestGateway({
    env: { REDIS_URL: redis.url, TENANT_CACHE_SECONDS: '300', BASE_DOMAIN: 'shops.test', DNS_RESOLVER: dns.address, DNS_TIMEOUT_MS: '500' },
  });
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
  await dns.close();
});

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const asOwner = () => ({ token: owner.token, tenant: 'own-domain' });
const asRival = () => ({ token: rival.token, tenant: 'rival' });

test('a claimed domain routes nowhere until verified; verified on A, it routes on B at once; removed on A, B stops routing it', async () => {
  const onB = () => requestWithHost(b, `${shop}:8443`, PRODUCTS, { token: owner.token });
  const routesNowhere = (response: GraphQLResponse) =>
    expect(response.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('no tenant chosen') });
  // B has looked the name up and found no tenant (and keeps that answer for 300 s).
  routesNowhere(await onB());

  const added = (await a.request(ADD, { ...asOwner(), variables: { domain: shop.toUpperCase() } })).body.data.addTenantDomain;
  expect(added).toMatchObject({ domain: shop, verified: false, verifiedAt: null });
  expect(added.verificationRecord).toEqual({ name: `_tenantgraph.${shop}`, type: 'TXT', value: expect.stringMatching(/^tenantgraph-verification=[A-Za-z0-9_-]{22,}$/) });
  // Asked again, the claim is the same, with the same record to publish.
  expect((await a.request(ADD, { ...asOwner(), variables: { domain: shop } })).body.data.addTenantDomain.verificationRecord).toEqual(added.verificationRecord);
  routesNowhere(await requestWithHost(a, shop, PRODUCTS, { token: owner.token }));

  const unproven = await a.request(VERIFY, { ...asOwner(), variables: { domain: shop } });
  expect(unproven.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'domain' }, message: expect.stringContaining(`_tenantgraph.${shop}`) });
  dns.publishTxt(added.verificationRecord.name, 'v=spf1 -all', added.verificationRecord.value);
  const verified = (await a.request(VERIFY, { ...asOwner(), variables: { domain: shop } })).body.data.verifyTenantDomain;
  expect(verified).toMatchObject({ domain: shop, verified: true, verifiedAt: expect.any(String) });
  expect((await a.request(DOMAINS, { token: owner.token, variables: { slug: 'own-domain' } })).body.data.tenant.domains).toEqual([{ domain: shop, verified: true }]);
  const routed = await eventually(async () => {
    const response = await onB();
    return response.body.data ? response : null;
  }, 2_000);
  expect(routed.body).toEqual({ data: { products: { totalCount: 0 } } });

  // Routing is not access: a stranger on the domain sees no tenant of theirs.
  expect(code(await requestWithHost(b, shop, PRODUCTS, { token: rival.token }))).toBe('TENANT_NOT_FOUND');
  // Sources that disagree are refused, without telling whose the domain is.
  const conflict = await requestWithHost(b, shop, PRODUCTS, { token: rival.token, tenant: 'rival' });
  expect(conflict.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('the domain routes to another tenant') });
  expect(conflict.body.errors?.[0].message).not.toContain('own-domain');
  expect(code(await requestWithHost(b, shop, PRODUCTS, { token: owner.token, tenant: 'own-domain' }))).toBe('ok');

  expect((await a.request(REMOVE, { ...asOwner(), variables: { domain: shop } })).body.data.removeTenantDomain).toEqual({ domain: shop });
  expect(await eventually(async () => code(await onB()) === 'BAD_USER_INPUT', 2_000)).toBe(true);
  expect((await a.request(DOMAINS, { token: owner.token, variables: { slug: 'own-domain' } })).body.data.tenant.domains).toEqual([]);

  // The verification that failed changed nothing: no entry.
  const entries = await a.services.platform.auditLog.findMany({
    where: { action: { in: ['addTenantDomain', 'verifyTenantDomain', 'removeTenantDomain'] }, actorId: owner.id },
    orderBy: { createdAt: 'asc' },
  });
  const tenantId = (await a.services.registry.find('own-domain'))!.id;
  expect(entries.map((entry) => [entry.action, entry.tenantId])).toEqual([
    ['addTenantDomain', tenantId],
    ['addTenantDomain', tenantId],
    ['verifyTenantDomain', tenantId],
    ['removeTenantDomain', tenantId],
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

test('two tenants may claim one domain; the first to verify owns it, and no refusal names the other', async () => {
  const contested = `contested-${randomBytes(3).toString('hex')}.example.net`;
  const rivalClaim = (await a.request(ADD, { ...asRival(), variables: { domain: contested } })).body.data.addTenantDomain;
  const ownerClaim = (await a.request(ADD, { ...asOwner(), variables: { domain: contested } })).body.data.addTenantDomain;
  expect(ownerClaim).toMatchObject({ domain: contested, verified: false });
  expect(ownerClaim.verificationRecord.value).not.toBe(rivalClaim.verificationRecord.value);

  // The domain's DNS is the owner's: only its token is there.
  dns.publishTxt(ownerClaim.verificationRecord.name, ownerClaim.verificationRecord.value);
  const unproven = await a.request(VERIFY, { ...asRival(), variables: { domain: contested } });
  expect(unproven.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'domain' });
  expect(code(await a.request(VERIFY, { ...asOwner(), variables: { domain: contested } }))).toBe('ok');

  // Even with its own record published too, the rival comes second.
  dns.publishTxt(ownerClaim.verificationRecord.name, ownerClaim.verificationRecord.value, rivalClaim.verificationRecord.value);
  const taken = await a.request(VERIFY, { ...asRival(), variables: { domain: contested } });
  expect(taken.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'domain' }, message: `${contested} is taken` });
  for (const refusal of [unproven, taken]) expect(JSON.stringify(refusal.body)).not.toMatch(/own-domain|owner/);

  // The rival can drop its own claim, not the owner's; the domain routes to the owner.
  expect(code(await a.request(REMOVE, { ...asRival(), variables: { domain: contested } }))).toBe('ok');
  expect(code(await a.request(REMOVE, { ...asRival(), variables: { domain: contested } }))).toBe('NOT_FOUND');
  expect(code(await requestWithHost(a, contested, PRODUCTS, { token: owner.token }))).toBe('ok');
  expect(code(await requestWithHost(a, contested, PRODUCTS, { token: rival.token }))).toBe('TENANT_NOT_FOUND');
});

test('a resolver that does not answer costs DNS_TIMEOUT_MS, and the verification is refused with DNS_UNAVAILABLE', async () => {
  const quiet = `quiet-${randomBytes(3).toString('hex')}.example.org`;
  const claim = (await a.request(ADD, { ...asOwner(), variables: { domain: quiet } })).body.data.addTenantDomain;
  dns.publishTxt(claim.verificationRecord.name, claim.verificationRecord.value);
  dns.silent = true;
  try {
    const started = Date.now();
    const refused = await a.request(VERIFY, { ...asOwner(), variables: { domain: quiet } });
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'DNS_UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  } finally {
    dns.silent = false;
  }
  expect(code(await a.request(VERIFY, { ...asOwner(), variables: { domain: quiet } }))).toBe('ok');
});

test('only the OWNER manages domains: not an ADMIN, not an API key', async () => {
  expect(code(await a.request(ADD, { token: manager.token, tenant: 'own-domain', variables: { domain: 'admin.example.org' } }))).toBe('FORBIDDEN');
  expect(code(await a.request(VERIFY, { token: manager.token, tenant: 'own-domain', variables: { domain: 'admin.example.org' } }))).toBe('FORBIDDEN');
  const key = (await a.request('mutation { createApiKey(name: "sync", role: ADMIN) { key } }', asOwner())).body.data.createApiKey.key;
  const byKey = await a.request(ADD, { headers: { 'x-api-key': key }, variables: { domain: 'key.example.org' } });
  expect(code(byKey)).toBe('FORBIDDEN');
  expect(await a.services.platform.tenantDomain.count({ where: { domain: { in: ['admin.example.org', 'key.example.org'] } } })).toBe(0);
});
