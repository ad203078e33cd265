// Bad input gets a GraphQL error with a stable code, leaks nothing, and the
// gateway keeps serving everyone else.
import type { DocumentNode } from 'graphql';
import { graphql } from '../../generated/graphql';
import { createLogger } from '../../src/logger';
import { onServer } from '../support/database';
import { LogCapture } from '../support/logCapture';
import { startTestGateway, type GraphQLResponse, type RequestOptions, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let owner: TestUser;
// Only real faults are logged at error level: none of the mistakes below is one.
const errorLog = new LogCapture();
const PRODUCTS = graphql(`query BadInputProductCount { products { totalCount } }`);
const CREATE = graphql(`mutation BadInputCreateProduct($input: ProductInput!) { createProduct(input: $input) { id } }`);
const PLANS = graphql(`query BadInputPlans { plans { code } }`);

beforeAll(async () => {
  gw = await startTestGateway({ env: { MAX_QUERY_COMPLEXITY: '500', MAX_BODY_BYTES: '200000', MAX_QUERY_DEPTH: '6' }, log: createLogger('error', errorLog) });
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'steady', owner });
  await gw.createTenant({ slug: 'doomed', owner });
});
afterAll(() => gw.close());

async function rawPost(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

/** As the owner of "steady", the body given as it is: for JSON that JSON.stringify would not write (lone surrogates, deep nesting). */
const ownerPost = (body: string) => rawPost(body, { authorization: `Bearer ${owner.token}`, 'x-tenant': 'steady' });

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
    ['a query too deep (7 levels, limit 6)', '{ invoices(first: 1) { nodes { items { nodes { product { category { name } } } } } } }', {}, 'QUERY_TOO_DEEP'],
    ['a query too costly', '{ invoices(first: 100) { nodes { items { nodes { product { sku } } } } } }', {}, 'QUERY_TOO_COMPLEX'],
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
    const response = await rawPost(JSON.stringify({ query: `{ plans { code } } # ${'x'.repeat(250_000)}` }));
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
  const page = 'query Page($n: Int) { invoices(first: $n) { nodes { items { nodes { product { sku } } } } } }';
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


describe('a client mistake is never a 500 nor INTERNAL_SERVER_ERROR, whatever the caches hold', () => {
  const asOwner = (query: string, variables?: Record<string, unknown>) => gw.request(query, { token: owner.token, tenant: 'steady', variables });
  const ISSUED_AT = 'mutation($d: DateTime) { createInvoice(input: { kind: SALE, issueDate: $d, items: [{ description: "d", quantity: "1", unitPrice: "1" }] }) { id } }';

  // Each bad value is sent before the document was ever seen, then again once a good
  // value has run it (its parsed form and its cost are cached by then).
  test.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
    ['an Int given "10"', 'query($f: Int) { products(first: $f) { totalCount } }', { f: 10 }, { f: '10' }],
    ['an Int given 1.5', 'query($f: Int) { products(first: $f) { totalCount } }', { f: 10 }, { f: 1.5 }],
    ['an Int given 2^31', 'query($f: Int) { products(first: $f) { totalCount } }', { f: 10 }, { f: 2 ** 31 }],
    ['an Int given true', 'query($f: Int) { products(first: $f) { totalCount } }', { f: 10 }, { f: true }],
    ['an Int given {}', 'query($f: Int) { auditLog(first: $f) { totalCount } }', { f: 10 }, { f: {} }],
    ['a DateTime given "not a date"', ISSUED_AT, { d: '2026-12-01T00:00:00Z' }, { d: 'not a date' }],
    ['a DateTime given a plain date', ISSUED_AT, { d: '2026-12-01T00:00:00Z' }, { d: '2026-12-01' }],
    ['a DateTime in year 0000', ISSUED_AT, { d: '2026-12-01T00:00:00Z' }, { d: '0000-06-01T00:00:00Z' }],
    ['a DateTime that is year 0000 in UTC', ISSUED_AT, { d: '2026-12-01T00:00:00Z' }, { d: '0001-01-01T00:30:00+01:00' }],
    ['an enum given "WEEK"', 'query($k: ProductKind) { products(filter: { kind: $k }) { totalCount } }', { k: 'GOLD' }, { k: 'WEEK' }],
    ['an ID given {}', 'query($id: ID!) { customer(id: $id) { name } }', { id: '00000000-0000-7000-8000-000000000000' }, { id: {} }],
    ['an input object given a string', 'query($f: ProductFilter) { products(filter: $f) { totalCount } }', { f: { search: 'a' } }, { f: 'gold' }],
    ['null for a non-null variable', 'query($id: ID!) { customer(id: $id) { name } }', { id: '00000000-0000-7000-8000-000000000000' }, { id: null }],
    ['no value for a non-null variable', 'query($id: ID!) { customer(id: $id) { name } }', { id: '00000000-0000-7000-8000-000000000000' }, {}],
    ['a Decimal given "abc"', 'query($a: Decimal) { stockLevels(atOrBelow: $a) { onHand } }', { a: '1' }, { a: 'abc' }],
  ])('%s: 400 BAD_USER_INPUT', async (_what, query, good, bad) => {
    const refusal = async () => {
      const response = await asOwner(query, bad);
      return { status: response.status, code: codeOf(response) };
    };
    expect(await refusal()).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect((await asOwner(query, good)).status).toBe(200);
    expect(await refusal()).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  test('an optional argument given null is as if left out (found by the fuzz)', async () => {
    const withNull = await asOwner('{ stockLevels(atOrBelow: null) { onHand } }');
    expect(withNull.body.errors).toBeUndefined();
    expect(withNull.body).toEqual((await asOwner('{ stockLevels { onHand } }')).body);
  });

  test('a DateTime literal in year 0000: 400 BAD_USER_INPUT', async () => {
    const response = await asOwner('mutation { createInvoice(input: { kind: SALE, issueDate: "0000-06-01T00:00:00Z", items: [{ description: "d", quantity: "1" }] }) { id } }');
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  test('an operation over the cost limit: 400 QUERY_TOO_COMPLEX', async () => {
    const response = await asOwner('{ invoices(first: 100) { nodes { items { nodes { product { sku } } } } } }');
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  test('20,000 fragment spreads: 400 QUERY_TOO_COMPLEX', async () => {
    const spreads = ' ...F'.repeat(20_000);
    const response = await asOwner(`{ plans { ${spreads} } } fragment F on Plan { code }`);
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  describe('a NUL byte in a string that would reach PostgreSQL: 400 BAD_USER_INPUT, through variables or literals', () => {
    let bankAccountId: string;
    beforeAll(async () => {
      const created = await asOwner('mutation { createBankAccount(input: { name: "Main", bankName: "Bank", accountNumber: "1" }) { id } }');
      bankAccountId = created.body.data.createBankAccount.id;
    });

    test.each<[string, string, (nul: string) => Record<string, unknown>]>([
      ['the login email', 'mutation($e: String!) { login(email: $e, password: "secret") { token } }', (s) => ({ e: `a${s}@example.com` })],
      ['a customer search', 'query($s: String) { customers(search: $s) { totalCount } }', (s) => ({ s })],
      ['a product search', 'query($s: String) { products(filter: { search: $s }) { totalCount } }', (s) => ({ s })],
      ['a text field', 'mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', (s) => ({ n: `Ann${s}` })],
      ['a JSON attribute', 'mutation($a: JSONObject) { createProduct(input: { sku: "NUL-1", name: "n", kind: GOODS, price: "1", attributes: $a }) { id } }', (s) => ({ a: { karat: `18${s}` } })],
      ['a JSON attribute name', 'mutation($a: JSONObject) { createProduct(input: { sku: "NUL-2", name: "n", kind: GOODS, price: "1", attributes: $a }) { id } }', (s) => ({ a: { [`k${s}`]: 1 } })],
      ['a CSV import', 'mutation($b: ID!, $c: String!) { importBankStatement(bankAccountId: $b, csv: $c) { imported } }', (s) => ({ b: bankAccountId, c: `date,amount,reference\n2026-01-02,10,R${s}1\n` })],
    ])('%s', async (_what, query, variablesWith) => {
      const response = await asOwner(query, variablesWith('\u0000'));
      expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    });

    test('a string literal', async () => {
      const response = await asOwner('mutation { createCustomer(input: { name: "Ann\\u0000" }) { id } }');
      expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    });
  });

  test.each([
    ['a lone high surrogate inside JSON', '{"k":"gold \\ud800"}'],
    ['a lone low surrogate inside JSON', '{"k":["\\udc00"]}'],
    ['a JSON variable nested 5,000 deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
  ])('%s: 400 BAD_USER_INPUT', async (_what, attributes) => {
    const query = 'mutation($a: JSONObject) { createProduct(input: { sku: "J-1", name: "j", kind: GOODS, price: "1", attributes: $a }) { id } }';
    const response = await ownerPost(`{"query":${JSON.stringify(query)},"variables":{"a":${attributes}}}`);
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  test('a line total that overflows the amount columns: BAD_USER_INPUT naming the line', async () => {
    const response = await asOwner('mutation($i: InvoiceInput!) { createInvoice(input: $i) { id } }', {
      i: { kind: 'SALE', items: [{ description: 'a lot', quantity: '999999999999', unitPrice: '999999999999' }] },
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0].extensions.field).toBe('items.0');
  });

  test('invoice lines that each fit but whose total overflows: BAD_USER_INPUT', async () => {
    const item = { description: 'a lot', quantity: '1', unitPrice: '999999999999999' };
    const response = await asOwner('mutation($i: InvoiceInput!) { createInvoice(input: $i) { id } }', {
      i: { kind: 'PURCHASE', items: Array.from({ length: 20 }, () => item) },
    });
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });

  test.each([
    ['an unknown operationName', { query: 'query Known { plans { code } }', operationName: 'Unknown' }],
    ['an operationName for an anonymous operation', { query: '{ plans { code } }', operationName: 'Unknown' }],
    ['no operationName for two operations', { query: 'query A { plans { code } } query B { plans { code } }' }],
  ])('%s: 400 OPERATION_RESOLUTION_FAILURE', async (_what, body) => {
    const response = await ownerPost(JSON.stringify(body));
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'OPERATION_RESOLUTION_FAILURE' });
  });

  test.each([
    ['a persisted query of another version', { version: 2, sha256Hash: 'abc' }],
    ['a persisted query whose hash is not the query’s', { version: 1, sha256Hash: '0'.repeat(64) }],
  ])('%s: 400 BAD_REQUEST', async (_what, persistedQuery) => {
    const response = await ownerPost(JSON.stringify({ query: '{ plans { code } }', extensions: { persistedQuery } }));
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  test('a document nested 60,000 deep: 400 GRAPHQL_PARSE_FAILED', async () => {
    const response = await asOwner(`${'{a'.repeat(60_000)}${'}'.repeat(60_000)}`);
    expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
  });
});

test('after all of that the gateway still serves, and no client mistake was logged as an error', async () => {
  const response = await gw.request(PLANS);
  expect(response.body.data!.plans.map((p) => p.code)).toEqual(['free', 'starter', 'professional', 'enterprise']);
  expect(errorLog.lines).toEqual([]);
});
