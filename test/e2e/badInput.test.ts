// Bad input gets a GraphQL error with a stable code, leaks nothing, and the
// gateway keeps serving everyone else.
import type { DocumentNode } from 'graphql';
import { graphql } from '../../generated/graphql';
import { onServer } from '../support/database';
import { startTestGateway, type GraphQLResponse, type RequestOptions, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let owner: TestUser;
const PRODUCTS = graphql(`query BadInputProductCount { products { totalCount } }`);
const CREATE = graphql(`mutation BadInputCreateProduct($input: ProductInput!) { createProduct(input: $input) { id } }`);
const PLANS = graphql(`query BadInputPlans { plans { code } }`);

beforeAll(async () => {
  gw = await startTestGateway({ env: { MAX_QUERY_COMPLEXITY: '500', MAX_BODY_BYTES: '4096', MAX_QUERY_DEPTH: '6' } });
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'steady', owner });
  await gw.createTenant({ slug: 'doomed', owner });
});
afterAll(() => gw.close());

async function rawPost(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

const codeOf = (response: { body: { errors?: Array<{ extensions: { code: string } }> } }) => response.body.errors?.[0]?.extensions.code;

describe('each kind of bad input gets its code', () => {
  test.each([
    ['an unknown tenant', PRODUCTS, { tenant: 'no-such-shop' }, 'TENANT_NOT_FOUND'],
    ['no tenant at all', PRODUCTS, { tenant: '' }, 'BAD_USER_INPUT'],
    ['a malformed query', '{ products { totalCount ', {}, 'GRAPHQL_PARSE_FAILED'],
    ['a subscription over HTTP', 'subscription { provisioningProgress(jobId: "00000000-0000-7000-8000-000000000000") { status } }', {}, 'BAD_REQUEST'],
    ['an unknown field', '{ products { price } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['a malformed ID', '{ product(id: "42") { sku } }', {}, 'BAD_USER_INPUT'],
    ['a cursor that is not one', '{ products(after: "bm9wZQ") { totalCount } }', {}, 'BAD_USER_INPUT'],
    ['a page too large', '{ products(first: 101) { totalCount } }', {}, 'BAD_USER_INPUT'],
    ['a price that is not a number', 'mutation { createProduct(input: { sku: "A", name: "a", kind: GOODS, price: "lots" }) { id } }', {}, 'BAD_USER_INPUT'],
    [
      'a price variable that is not a number',
      'mutation($p: Decimal!) { createProduct(input: { sku: "A", name: "a", kind: GOODS, price: $p }) { id } }',
      { variables: { p: 'lots' } },
      'BAD_USER_INPUT',
    ],
    ['a missing required field', 'mutation { createProduct(input: { sku: "", name: "a", kind: GOODS, price: "1" }) { id } }', {}, 'BAD_USER_INPUT'],
    ['a query too deep (7 levels, limit 6)', '{ invoices(first: 1) { edges { node { items { product { category { name } } } } } } }', {}, 'QUERY_TOO_DEEP'],
    ['a query too costly', '{ invoices(first: 100) { edges { node { items { product { sku } } } } } }', {}, 'QUERY_TOO_COMPLEX'],
    ['too many aliases', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: plans { code }`).join(' ')} }`, {}, 'BAD_USER_INPUT'],
  ])('%s', async (_what, query: string | DocumentNode, options: RequestOptions, code) => {
    const response = await gw.request(query, { token: owner.token, tenant: 'steady', ...options });
    expect(codeOf(response)).toBe(code);
    expect(response.body.data ?? null).toBeNull();
  });

  test('a token that is not valid: 401 UNAUTHENTICATED', async () => {
    const response = await gw.request('{ me { email } }', { token: 'not.a.token' });
    expect(response.status).toBe(401);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
  });

  test('a tenant field without a token: UNAUTHENTICATED', async () => {
    expect(codeOf(await gw.request(PRODUCTS, { tenant: 'steady' }))).toBe('UNAUTHENTICATED');
  });

  test('a body over the limit: 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await rawPost(JSON.stringify({ query: `{ plans { code } } # ${'x'.repeat(5000)}` }));
    expect(response.status).toBe(413);
    expect(codeOf(response)).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a body that is not JSON: 400 BAD_REQUEST', async () => {
    const response = await rawPost('{"query": ');
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_REQUEST');
  });

  test('a duplicate SKU: BAD_USER_INPUT naming the field', async () => {
    const duplicate = { token: owner.token, tenant: 'steady', variables: { input: { sku: 'DUP', name: 'a', kind: 'GOODS' as const, price: '1' } } };
    expect(codeOf(await gw.request(CREATE, duplicate))).toBeUndefined();
    const again = await gw.request(CREATE, duplicate);
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.body.errors?.[0].extensions.fields).toEqual(['sku']);
  });
});

test('the cost of one document follows its page-size variables, request by request', async () => {
  const page = 'query Page($n: Int) { invoices(first: $n) { edges { node { items { product { sku } } } } } }';
  const ask = (n: number) => gw.request(page, { token: owner.token, tenant: 'steady', variables: { n } });
  expect(codeOf(await ask(1))).toBeUndefined();
  expect(codeOf(await ask(100))).toBe('QUERY_TOO_COMPLEX');
  expect(codeOf(await ask(1))).toBeUndefined();
});

test('a tenant that is not active yet: TENANT_NOT_READY', async () => {
  await gw.services.platform.tenant.update({ where: { slug: 'doomed' }, data: { status: 'PROVISIONING' } });
  gw.services.registry.invalidate('doomed');
  const response = await gw.request(PRODUCTS, { token: owner.token, tenant: 'doomed' });
  expect(codeOf(response)).toBe('TENANT_NOT_READY');
  expect(response.body.errors?.[0].extensions.status).toBe('PROVISIONING');
  await gw.services.platform.tenant.update({ where: { slug: 'doomed' }, data: { status: 'ACTIVE' } });
  gw.services.registry.invalidate('doomed');
});

test("a tenant whose database is gone gets DATABASE_UNAVAILABLE, without a connection string; other tenants don't notice", async () => {
  expect(codeOf(await gw.request(PRODUCTS, { token: owner.token, tenant: 'doomed' }))).toBeUndefined();
  await onServer(`DROP DATABASE "${gw.dbs.prefix}doomed" WITH (FORCE)`);
  const response = await gw.request(PRODUCTS, { token: owner.token, tenant: 'doomed' });
  expect(codeOf(response)).toBe('DATABASE_UNAVAILABLE');
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/postgres(ql)?:\/\/|127\.0\.0\.1|SELECT|\bat \//);
  expect((await gw.request(PRODUCTS, { token: owner.token, tenant: 'steady' })).body.data!.products.totalCount).toBe(1);
});

test('after all of that the gateway still serves', async () => {
  const response = await gw.request(PLANS);
  expect(response.body.data!.plans.map((p) => p.code)).toEqual(['free', 'starter', 'professional', 'enterprise']);
});
