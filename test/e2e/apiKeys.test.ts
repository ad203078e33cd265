// Tenant API keys: shown once, stored as a hash, bound to one tenant and a role,
// and dead once revoked: at once on the gateway that revoked them, within
// API_KEY_CACHE_SECONDS on the others.
import { createHash } from 'node:crypto';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const CREATE_KEY = `mutation($name: String!, $role: MemberRole!) { createApiKey(name: $name, role: $role) { key apiKey { id name prefix role revokedAt } } }`;
const REVOKE_KEY = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const LIST = '{ products { totalCount } }';
const CREATE_PRODUCT = `mutation($sku: String!) { createProduct(input: { sku: $sku, name: "n", kind: GOODS, price: "1" }) { id } }`;

let gw: TestGateway;
let owner: TestUser;
let member: TestUser;
let adminUser: TestUser;

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  member = await gw.createUser();
  adminUser = await gw.createUser();
  await gw.createTenant({ slug: 'key-shop', owner, members: [[member, 'MEMBER'], [adminUser, 'ADMIN']] });
  await gw.createTenant({ slug: 'other-shop', owner });
});
afterAll(() => gw.close());

async function newKey(role: string, by: TestUser = owner, tenant = 'key-shop') {
  const response = await gw.request(CREATE_KEY, { token: by.token, tenant, variables: { name: `${role} client`, role } });
  return response.body.data.createApiKey as { key: string; apiKey: { id: string; prefix: string } };
}

const withKey = (key: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `ApiKey ${key}`, ...extra } });

test('the key is shown once; only its SHA-256 and a prefix are stored, and listing never shows it', async () => {
  const { key, apiKey } = await newKey('MEMBER');
  expect(key).toMatch(/^tg_live_[A-Za-z0-9_-]{43}$/);
  expect(key.startsWith(apiKey.prefix)).toBe(true);

  const row = await gw.services.platform.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
  expect(row.hash).toBe(createHash('sha256').update(key).digest('hex'));
  expect(JSON.stringify(row)).not.toContain(key.slice(apiKey.prefix.length));

  const listed = await gw.request('{ apiKeys { nodes { id prefix role lastUsedAt } } }', { token: owner.token, tenant: 'key-shop' });
  expect(listed.body.data.apiKeys.nodes.map((k: { id: string }) => k.id)).toContain(apiKey.id);
  expect(JSON.stringify(listed.body)).not.toContain(key);
  const asking = await gw.request('{ apiKeys { nodes { key } } }', { token: owner.token, tenant: 'key-shop' });
  expect(asking.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

test("a key works on its tenant without naming it, with either header; another tenant is FORBIDDEN, refused before it runs", async () => {
  const { key } = await newKey('VIEWER');
  expect((await gw.request(LIST, withKey(key))).body).toEqual({ data: { products: { totalCount: 0 } } });
  expect((await gw.request(LIST, { headers: { 'x-api-key': key } })).body.data.products.totalCount).toBe(0);
  expect((await gw.request(LIST, { ...withKey(key), tenant: 'key-shop' })).body.data.products.totalCount).toBe(0);

  const elsewhere = await gw.request(LIST, { ...withKey(key), tenant: 'other-shop' });
  expect(elsewhere.status).toBe(403);
  expect(elsewhere.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect(elsewhere.body.data).toBeUndefined();
  // A key is not a person: no `me`, no key management.
  expect((await gw.request('{ me { email } }', withKey(key))).body.data.me).toBeNull();
  expect((await gw.request(CREATE_KEY, { ...withKey(key), variables: { name: 'x', role: 'VIEWER' } })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test("the key's role limits it: a VIEWER key reads, a MEMBER key also writes", async () => {
  const viewer = await newKey('VIEWER');
  const writer = await newKey('MEMBER');
  expect((await gw.request(CREATE_PRODUCT, { ...withKey(viewer.key), variables: { sku: 'V-1' } })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  expect((await gw.request(CREATE_PRODUCT, { ...withKey(writer.key), variables: { sku: 'M-1' } })).body.errors).toBeUndefined();
});

test('who may create which keys: OWNER and ADMIN, keys up to ADMIN, never OWNER', async () => {
  const asOwner = await gw.request(CREATE_KEY, { token: owner.token, tenant: 'key-shop', variables: { name: 'root', role: 'OWNER' } });
  expect(asOwner.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  expect((await newKey('ADMIN', adminUser)).key).toMatch(/^tg_live_/);
  const asMember = await gw.request(CREATE_KEY, { token: member.token, tenant: 'key-shop', variables: { name: 'm', role: 'VIEWER' } });
  expect(asMember.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('an unknown or malformed key is UNAUTHENTICATED (HTTP 401)', async () => {
  for (const key of ['tg_live_' + 'x'.repeat(43), 'nonsense']) {
    const response = await gw.request(LIST, withKey(key));
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  }
});

test('revoking stops the key at once here, and within API_KEY_CACHE_SECONDS on another gateway', async () => {
  const other = await startTestGateway({ sharing: gw, env: { API_KEY_CACHE_SECONDS: '1' } });
  try {
    const { key, apiKey } = await newKey('VIEWER');
    // Now cached on both gateways.
    expect((await gw.request(LIST, withKey(key))).status).toBe(200);
    expect((await other.request(LIST, withKey(key))).status).toBe(200);
    const revoked = await gw.request(REVOKE_KEY, { token: owner.token, tenant: 'key-shop', variables: { id: apiKey.id } });
    expect(revoked.body.data.revokeApiKey.revokedAt).not.toBeNull();
    expect((await gw.request(LIST, withKey(key))).status).toBe(401);

    const deadline = Date.now() + 15_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await other.request(LIST, withKey(key))).status;
    }
    expect(status).toBe(401);
  } finally {
    await other.close();
  }
  const used = await gw.services.platform.apiKey.findMany({ where: { tenant: { slug: 'key-shop' }, lastUsedAt: { not: null } } });
  expect(used.length).toBeGreaterThan(0);
});

test("another tenant's key cannot be revoked: it looks like a missing one", async () => {
  const theirs = await newKey('VIEWER', owner, 'other-shop');
  const response = await gw.request(REVOKE_KEY, { token: adminUser.token, tenant: 'key-shop', variables: { id: theirs.apiKey.id } });
  expect(response.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  expect((await gw.request(LIST, withKey(theirs.key))).status).toBe(200);
});
