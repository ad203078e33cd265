// Nothing of one tenant is reachable with another tenant's context.
import http from 'node:http';
import { graphql } from '../../generated/graphql';
import type { Engine } from '../../src/engine';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

/**
 * The isolation tests, on gateways started with `env()` on top of the test defaults.
 * On MySQL (a database per tenant there), the pairs are two MySQL tenants, and a
 * MySQL tenant beside a PostgreSQL one on the same gateway.
 */
export function isolationSuite(env: () => Record<string, string> = () => ({}), engine: Engine = 'postgresql'): void {
  const CREATE = graphql(`mutation IsolationCreateProduct($input: ProductInput!) { createProduct(input: $input) { id sku name } }`);
  const LIST = graphql(`query IsolationProducts { products { totalCount edges { node { id sku name } } } }`);
  const PRODUCT = graphql(`query IsolationProduct($id: ID!) { product(id: $id) { name } }`);
  const LOGIN = graphql(`mutation IsolationLogin($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }`);

  let gw: TestGateway;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    gw = await startTestGateway({ env: env(), engine });
    alice = await gw.createUser();
    bob = await gw.createUser();
    await gw.createTenant({ slug: 'alpha-db', isolation: 'DATABASE', owner: alice });
    await gw.createTenant({ slug: 'beta-db', isolation: 'DATABASE', owner: bob });
    if (engine === 'mysql') {
      await gw.createTenant({ slug: 'alpha-pg', engine: 'postgresql', owner: alice });
      await gw.createTenant({ slug: 'beta-my', owner: bob });
    } else {
      await gw.createTenant({ slug: 'alpha-schema', isolation: 'SCHEMA', owner: alice });
      await gw.createTenant({ slug: 'beta-schema', isolation: 'SCHEMA', owner: bob });
      await gw.createTenant({ slug: 'alpha-pool', isolation: 'POOL', owner: alice });
      await gw.createTenant({ slug: 'beta-pool', isolation: 'POOL', owner: bob });
    }
  });
  afterAll(() => gw.close());

  const PAIRS =
    engine === 'mysql'
      ? [
          ['DATABASE', 'alpha-db', 'beta-db'],
          ['PostgreSQL beside MySQL', 'alpha-pg', 'beta-my'],
        ]
      : [
          ['DATABASE', 'alpha-db', 'beta-db'],
          ['SCHEMA', 'alpha-schema', 'beta-schema'],
          ['POOL', 'alpha-pool', 'beta-pool'],
        ];
  describe.each(PAIRS)('%s isolation', (_mode, alpha, beta) => {
    test('two tenants holding the same SKU each see only their own rows', async () => {
      const a = await gw.request(CREATE, { token: alice.token, tenant: alpha, variables: { input: { sku: 'RING-1', name: 'Alpha ring', kind: 'JEWELRY', price: '100.00' } } });
      const b = await gw.request(CREATE, { token: bob.token, tenant: beta, variables: { input: { sku: 'RING-1', name: 'Beta ring', kind: 'JEWELRY', price: '200.00' } } });
      expect(a.body.errors).toBeUndefined();
      expect(b.body.errors).toBeUndefined();

      const seenByAlice = await gw.request(LIST, { token: alice.token, tenant: alpha });
      const seenByBob = await gw.request(LIST, { token: bob.token, tenant: beta });
      expect(seenByAlice.body.data!.products.edges.map((e) => e.node)).toEqual([a.body.data!.createProduct]);
      expect(seenByBob.body.data!.products.edges.map((e) => e.node)).toEqual([b.body.data!.createProduct]);

      // Tenant B's product id means nothing in tenant A.
      const crossId = await gw.request(PRODUCT, {
        token: alice.token,
        tenant: alpha,
        variables: { id: b.body.data!.createProduct.id },
      });
      expect(crossId.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });

    test('a member of tenant A asking for tenant B gets no data, and the same answer as for a tenant that does not exist', async () => {
      const response = await gw.request(LIST, { token: alice.token, tenant: beta });
      expect(response.body.errors?.[0].extensions.code).toBe('TENANT_NOT_FOUND');
      expect(response.body.data).toBeNull();
      expect(JSON.stringify(response.body)).not.toContain('Beta ring');

      const missing = await gw.request(LIST, { token: alice.token, tenant: 'no-such-tenant' });
      const withoutSlug = (body: unknown) => JSON.stringify(body).replaceAll(beta, '<slug>').replaceAll('no-such-tenant', '<slug>');
      expect(missing.status).toBe(response.status);
      expect(withoutSlug(missing.body)).toBe(withoutSlug(response.body));
    });
  });

  test('sources that name different tenants are refused, even when each alone would pass', async () => {
    const login = await gw.request(LOGIN, { variables: { e: alice.email, p: 'correct horse battery', t: 'alpha-db' } });
    const boundToAlpha = login.body.data!.login.token;
    const response = await gw.request(LIST, { token: boundToAlpha, tenant: engine === 'mysql' ? 'alpha-pg' : 'alpha-schema' });
    expect(response.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(response.body.errors?.[0].message).toContain('conflicting');

    // The token's claim alone is enough to route the request.
    const viaClaim = await gw.request(LIST, { token: boundToAlpha });
    expect(viaClaim.body.data!.products.totalCount).toBe(1);
  });

  test('the subdomain routes when BASE_DOMAIN is set', async () => {
    const routed = await startTestGateway({ env: { ...env(), BASE_DOMAIN: 'shops.test' }, engine });
    try {
      const owner = await routed.createUser();
      await routed.createTenant({ slug: 'gamma', owner });
      // fetch() will not send a Host of our choosing; node:http will.
      const body = await new Promise<string>((resolve, reject) => {
        const req = http.request(routed.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, host: 'gamma.shops.test:80' },
        });
        req.on('response', (res) => res.setEncoding('utf8').on('data', resolve));
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ products { totalCount } }' }));
      });
      expect(JSON.parse(body)).toEqual({ data: { products: { totalCount: 0 } } });
    } finally {
      await routed.close();
    }
  });

  test('a platform admin reaches every tenant; a VIEWER reads but cannot change anything', async () => {
    const admin = await gw.createUser({ platformAdmin: true });
    expect((await gw.request(LIST, { token: admin.token, tenant: 'beta-db' })).body.data!.products.totalCount).toBe(1);

    const viewer = await gw.createUser();
    await gw.services.platform.membership.create({
      data: { userId: viewer.id, tenantId: (await gw.services.registry.find('beta-db'))!.id, role: 'VIEWER' },
    });
    expect((await gw.request(LIST, { token: viewer.token, tenant: 'beta-db' })).body.data!.products.totalCount).toBe(1);
    const write = await gw.request(CREATE, { token: viewer.token, tenant: 'beta-db', variables: { input: { sku: 'X', name: 'x', kind: 'GOODS', price: '1' } } });
    expect(write.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await gw.request(LIST, { token: viewer.token, tenant: 'beta-db' })).body.data!.products.totalCount).toBe(1);
  });

  test("a tenant's answer is never kept by a shared cache", async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.token}`, 'x-tenant': 'alpha-db' },
      body: JSON.stringify({ query: '{ products { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
}
