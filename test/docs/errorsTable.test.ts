// docs/errors.md says, row by row, which code a client gets with which HTTP status.
// Each row is caused here over real HTTP, the way a client would meet it, and the
// answer must carry that code with that status (and Retry-After with a 429). A row
// nobody can cause on purpose says so in the table, and only such a row may go
// without a cause here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { onServer } from '../support/database';
import { startDnsServer, type TestDnsServer } from '../support/dnsServer';
import { docPage, tableUnder } from '../support/docs';
import { downloadUrl, storedExport } from '../support/exports';
import { freePort } from '../support/gatewayProcess';
import { requestWithHost } from '../support/hostRequest';
import { createTestPlan } from '../support/plans';
import { startTestGateway, TEST_PASSWORD, type TestGateway, type TestUser } from '../support/testGateway';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

const NOT_CAUSED_BY_A_CLIENT = '(not caused by a client)';
const rows = tableUnder(docPage('docs/errors.md').text, 'Codes').map(([code, status, when]) => ({
  code: code.replaceAll('`', ''),
  status: Number(status),
  when,
}));

const PRODUCTS = '{ products { totalCount } }';
const LIMITS = { MAX_QUERY_DEPTH: '4', MAX_QUERY_COMPLEXITY: '200', MAX_BODY_BYTES: '4096', LOGIN_MAX_FAILURES: '1', EXPORT_UPLOAD_MAX_MB: '1' };

let gw: TestGateway;
/** Its DATA_DIR: where uploads are received and archives kept. */
let dataDir: string;
/** The DNS_RESOLVER of the gateway: a server on 127.0.0.1 that never answers. */
let silentDns: TestDnsServer;
let owner: TestUser;
let viewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  silentDns = await startDnsServer();
  silentDns.silent = true;
  dataDir = await mkdtemp(path.join(tmpdir(), 'tenantgraph-errors-'));
  gw = await startTestGateway({ env: { ...LIMITS, DNS_RESOLVER: silentDns.address, DNS_TIMEOUT_MS: '200', DATA_DIR: dataDir } });
  [owner, viewer, admin] = await Promise.all([gw.createUser(), gw.createUser(), gw.createUser({ platformAdmin: true })]);
  await createTestPlan(gw, 'no-products', { maxProducts: 0 });
  await createTestPlan(gw, 'one-call', { maxApiCallsPerMonth: 1 });
  await gw.createTenant({ slug: 'shop', owner, members: [[viewer, 'VIEWER']] });
  await gw.createTenant({ slug: 'other-shop', owner });
  await gw.createTenant({ slug: 'full-shop', owner, plan: 'no-products' });
  await gw.createTenant({ slug: 'quota-shop', owner, plan: 'one-call' });
  await gw.createTenant({ slug: 'gone-shop', owner });
  await gw.createTenant({ slug: 'behind-shop', owner });
}, 120_000);
afterAll(async () => {
  await gw.close();
  await silentDns.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** POSTs a raw body to /graphql. */
async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

const ask = (query: string, { token, tenant, variables }: { token?: string; tenant?: string; variables?: Record<string, unknown> } = {}) =>
  post(JSON.stringify({ query, variables }), {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(tenant ? { 'x-tenant': tenant } : {}),
  });

const asOwner = (tenant = 'shop') => ({ token: owner.token, tenant });
const login = (email: string, password: string, tenant?: string) =>
  ask('mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }', {
    variables: { e: email, p: password, t: tenant },
  });

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

/** POSTs `body` as an archive upload to `POST /exports`. */
const upload = (body: Buffer | string, { token, tenant, type = 'application/gzip' }: { token?: string; tenant?: string; type?: string } = {}) =>
  fetch(`${new URL(gw.url).origin}/exports${tenant ? `?tenant=${tenant}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  }).then(answerOf);

/** A download link of an export of no tenant, whose archive is not in the store, with its signature changed by `change`. */
async function download(on: TestGateway, change: (signature: string) => string = (s) => s) {
  const url = new URL(downloadUrl(on, (await storedExport(gw, { tenantId: null })).id));
  url.searchParams.set('signature', change(url.searchParams.get('signature')!));
  return answerOf(await fetch(url));
}

/** Runs `sql` on this gateway's platform database, as the test server's superuser. */
async function onPlatform(sql: string) {
  const client = new pg.Client({ connectionString: gw.dbs.platformUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The data of an answer that must have succeeded. */
function dataOf<T = any>(answer: Answer): T {
  if (!answer.body.data || answer.body.errors) throw new Error(`expected data, got ${JSON.stringify(answer.body)}`);
  return answer.body.data as T;
}

/** In shop: a service (capacity, credit cost), a provider giving it (all day, every day unless `rules` say otherwise) and a customer per name. */
async function bookable(service: { capacity: number; creditCost: number }, customers: string[], rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '24:00' }))) {
  const s = dataOf(await ask('mutation($i: ServiceInput!) { createService(input: $i) { id } }', { ...asOwner(), variables: { i: { name: 'Session', durationMinutes: 60, price: '10', ...service } } })).createService.id;
  const p = dataOf(await ask('mutation($s: ID!) { createProvider(input: { name: "Ana", serviceIds: [$s] }) { id } }', { ...asOwner(), variables: { s } })).createProvider.id;
  await ask('mutation($p: ID!, $r: [AvailabilityRuleInput!]!) { setProviderAvailability(providerId: $p, rules: $r) { id } }', { ...asOwner(), variables: { p, r: rules } });
  const ids = await Promise.all(customers.map(async (name) => dataOf(await ask('mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', { ...asOwner(), variables: { n: name } })).createCustomer.id));
  return { service: s, provider: p, customers: ids };
}

/** A class of `service` at `provider` tomorrow, and its id. */
const tomorrowsClass = async (service: string, provider: string) =>
  dataOf(await ask('mutation($s: ID!, $p: ID!, $t: DateTime!) { scheduleClass(input: { serviceId: $s, providerId: $p, startsAt: $t }) { id } }', {
    ...asOwner(),
    variables: { s: service, p: provider, t: new Date(Date.now() + 86_400_000).toISOString() },
  })).scheduleClass[0].id;

const BOOK_CLASS = 'mutation($s: ID!, $c: ID!) { bookClass(classSessionId: $s, customerId: $c) { id } }';
const BOOK_APPOINTMENT = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }';
const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();

/** How each row's error is caused: by `code status`, one or more ways. */
const causes: Record<string, Array<() => Promise<Answer>>> = {
  'UNAUTHENTICATED 401': [() => ask(PRODUCTS, { token: 'not-a-token', tenant: 'shop' })],
  'UNAUTHENTICATED 200': [() => ask(PRODUCTS, { tenant: 'shop' }), () => login(owner.email, 'a wrong password')],
  'FORBIDDEN 403': [
    async () => {
      const bound = (await login(viewer.email, TEST_PASSWORD, 'shop')).body.data as { login: { token: string } };
      return ask(PRODUCTS, { token: bound.login.token, tenant: 'other-shop' });
    },
    () => download(gw, (signature) => `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`),
    () => upload('an archive', { token: viewer.token, tenant: 'shop' }),
  ],
  'FORBIDDEN 200': [() => ask('mutation { createProduct(input: { sku: "V-1", name: "v", kind: GOODS, price: "1" }) { id } }', { token: viewer.token, tenant: 'shop' })],
  'TENANT_NOT_FOUND 200': [() => ask(PRODUCTS, asOwner('no-such-shop'))],
  'TENANT_NOT_FOUND 404': [() => upload('an archive', { token: admin.token, tenant: 'no-such-shop' })],
  'TENANT_NOT_READY 200': [
    async () => {
      await ask('mutation { archiveTenant(slug: "other-shop") { tenant { status } } }', asOwner('other-shop'));
      return ask(PRODUCTS, asOwner('other-shop'));
    },
  ],
  'TENANT_SUSPENDED 200': [
    async () => {
      await ask('mutation { suspendTenant(slug: "full-shop", reason: "unpaid") { status } }', { token: admin.token });
      const answer = await ask(PRODUCTS, asOwner('full-shop'));
      await ask('mutation { resumeTenant(slug: "full-shop") { status } }', { token: admin.token });
      return answer;
    },
  ],
  'BAD_USER_INPUT 400': [
    () => ask('query($n: Int) { products(first: $n) { totalCount } }', { ...asOwner(), variables: { n: 'ten' } }),
    () => ask(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, asOwner()),
    () => upload('an archive', { token: owner.token }),
  ],
  'BAD_USER_INPUT 200': [() => ask('{ product(id: "not-an-id") { sku } }', asOwner())],
  'NOT_FOUND 200': [() => ask('mutation { removeTenantDomain(domain: "never-added.example.com") { domain } }', asOwner())],
  'CONFLICT 200': [
    async () => {
      const created = await ask('mutation { createCustomer(input: { name: "Invoiced" }) { id } }', asOwner());
      const { id } = (created.body.data as { createCustomer: { id: string } }).createCustomer;
      await ask('mutation($c: ID!) { createInvoice(input: { kind: SALE, customerId: $c, items: [{ description: "a visit", quantity: "1", unitPrice: "10" }] }) { id } }', {
        ...asOwner(),
        variables: { c: id },
      });
      return ask('mutation($c: ID!) { deleteCustomer(id: $c) }', { ...asOwner(), variables: { c: id } });
    },
    async () => {
      const created = await ask('mutation { createCustomer(input: { name: "Forgotten" }) { id } }', asOwner());
      const { id } = (created.body.data as { createCustomer: { id: string } }).createCustomer;
      await ask('mutation($c: ID!) { eraseCustomer(id: $c) { id } }', { ...asOwner(), variables: { c: id } });
      return ask('mutation($c: ID!) { updateCustomer(id: $c, input: { name: "Remembered" }) { id } }', { ...asOwner(), variables: { c: id } });
    },
  ],
  'QUERY_TOO_DEEP 400': [() => ask('{ products { edges { node { category { parent { name } } } } } }', asOwner())],
  'QUERY_TOO_COMPLEX 400': [() => ask('{ products(first: 100) { edges { node { sku name price } } } }', asOwner())],
  'PAYLOAD_TOO_LARGE 413': [
    () => post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5000)}` })),
    () => upload(Buffer.alloc(1024 * 1024 + 1), { token: owner.token, tenant: 'shop' }),
  ],
  'GRAPHQL_PARSE_FAILED 400': [() => ask('{ products {')],
  'GRAPHQL_VALIDATION_FAILED 400': [() => ask('{ noSuchField }')],
  'BAD_REQUEST 400': [() => post('this is not JSON'), () => ask('subscription { tenantEvents { id } }', asOwner())],
  'BAD_REQUEST 415': [() => upload('{}', { token: owner.token, tenant: 'shop', type: 'application/json' })],
  'OPERATION_RESOLUTION_FAILURE 400': [() => ask('query A { __typename } query B { __typename }')],
  'PERSISTED_QUERY_NOT_FOUND 200': [() => post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }))],
  'CLASS_FULL 200': [
    async () => {
      const { service, provider, customers } = await bookable({ capacity: 1, creditCost: 0 }, ['First', 'Second']);
      const session = await tomorrowsClass(service, provider);
      await ask(BOOK_CLASS, { ...asOwner(), variables: { s: session, c: customers[0] } });
      return ask(BOOK_CLASS, { ...asOwner(), variables: { s: session, c: customers[1] } });
    },
  ],
  'SLOT_TAKEN 200': [
    async () => {
      const { service, provider, customers } = await bookable({ capacity: 1, creditCost: 0 }, ['Early', 'Late']);
      const at = (customerId: string) => ({ ...asOwner(), variables: { i: { serviceId: service, providerId: provider, customerId, startsAt: inTwoDays } } });
      await ask(BOOK_APPOINTMENT, at(customers[0]));
      return ask(BOOK_APPOINTMENT, at(customers[1]));
    },
  ],
  'OUTSIDE_AVAILABILITY 200': [
    async () => {
      const { service, provider, customers } = await bookable({ capacity: 1, creditCost: 0 }, ['Anyone'], []);
      return ask(BOOK_APPOINTMENT, { ...asOwner(), variables: { i: { serviceId: service, providerId: provider, customerId: customers[0], startsAt: inTwoDays } } });
    },
  ],
  'INSUFFICIENT_CREDITS 200': [
    async () => {
      const { service, provider, customers } = await bookable({ capacity: 5, creditCost: 1 }, ['Broke']);
      return ask(BOOK_CLASS, { ...asOwner(), variables: { s: await tomorrowsClass(service, provider), c: customers[0] } });
    },
  ],
  'PLAN_LIMIT_EXCEEDED 200': [() => ask('mutation { createProduct(input: { sku: "F-1", name: "f", kind: GOODS, price: "1" }) { id } }', asOwner('full-shop'))],
  'RATE_LIMITED 429': [
    async () => {
      await ask(PRODUCTS, asOwner('quota-shop'));
      return ask(PRODUCTS, asOwner('quota-shop'));
    },
    async () => {
      await login(viewer.email, 'a wrong password');
      return login(viewer.email, 'another wrong password');
    },
  ],
  'TENANT_SCHEMA_BEHIND 200': [
    // Its tables as a release before the one that added Product would have left them.
    async () => {
      await onServer('DROP TABLE "Product" CASCADE', [], `${gw.dbs.prefix}behind_shop`);
      return ask(PRODUCTS, asOwner('behind-shop'));
    },
    // A write, through Prisma, to a table without a column the release added (here: taken away).
    async () => {
      await onServer('ALTER TABLE "Customer" DROP COLUMN "nationalId"', [], `${gw.dbs.prefix}behind_shop`);
      return ask('mutation { createCustomer(input: { name: "Ada" }) { id } }', asOwner('behind-shop'));
    },
  ],
  'DATABASE_UNAVAILABLE 200': [
    async () => {
      await onServer(`DROP DATABASE "${gw.dbs.prefix}gone_shop" WITH (FORCE)`);
      return ask(PRODUCTS, asOwner('gone-shop'));
    },
  ],
  'DATABASE_UNAVAILABLE 503': [
    // A real failure of the platform database, for the lookup of a host name's tenant only.
    async () => {
      await onPlatform('ALTER TABLE "TenantDomain" RENAME TO "TenantDomainAway"');
      try {
        const { status, body } = await requestWithHost(gw, 'shop.example.com', PRODUCTS);
        return { status, body, retryAfter: null };
      } finally {
        await onPlatform('ALTER TABLE "TenantDomainAway" RENAME TO "TenantDomain"');
      }
    },
    // ... and for the export a download link names.
    async () => {
      const url = downloadUrl(gw, (await storedExport(gw, { tenantId: null })).id);
      await onPlatform('ALTER TABLE "TenantExport" RENAME TO "TenantExportAway"');
      try {
        return answerOf(await fetch(url));
      } finally {
        await onPlatform('ALTER TABLE "TenantExportAway" RENAME TO "TenantExport"');
      }
    },
  ],
  'STORE_UNAVAILABLE 503': [
    // A gateway of the same platform whose archive store is an S3 endpoint where nothing listens.
    async () => {
      const endpoint = `http://127.0.0.1:${await freePort()}`;
      const env = { EXPORT_STORE_URL: 's3://archives/exports', AWS_ENDPOINT_URL_S3: endpoint, AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret' };
      const unreachable = await startTestGateway({ sharing: gw, env });
      try {
        return await download(unreachable);
      } finally {
        await unreachable.close();
      }
    },
  ],
  'DNS_UNAVAILABLE 200': [
    async () => {
      await ask('mutation { addTenantDomain(domain: "unproven.example.com") { domain } }', asOwner());
      return ask('mutation { verifyTenantDomain(domain: "unproven.example.com") { verified } }', asOwner());
    },
  ],
  'ARCHIVE_INVALID 400': [() => upload('this is not a tar.gz', { token: owner.token, tenant: 'shop' })],
  'AUDIT_FAILED 200': [
    async () => {
      await onPlatform(`ALTER TABLE "AuditLog" ADD CONSTRAINT refuse_marked CHECK (coalesce(details #>> '{args,input,sku}', '') <> 'AUDIT-REFUSED')`);
      try {
        return await ask('mutation { createProduct(input: { sku: "AUDIT-REFUSED", name: "a", kind: GOODS, price: "1" }) { id } }', asOwner());
      } finally {
        await onPlatform('ALTER TABLE "AuditLog" DROP CONSTRAINT refuse_marked');
      }
    },
  ],
};

test('the table has rows, each a code, a status and when', () => {
  expect(rows.length).toBeGreaterThan(20);
  for (const row of rows) expect(row).toEqual({ code: expect.stringMatching(/^[A-Z_]+$/), status: expect.any(Number), when: expect.any(String) });
});

test('every row is caused here, or says that no client causes it; every cause here is a row of the table', () => {
  const keys = rows.map((row) => `${row.code} ${row.status}`);
  const uncaused = rows.filter((row) => !causes[`${row.code} ${row.status}`]);
  expect(uncaused.filter((row) => !row.when.startsWith(NOT_CAUSED_BY_A_CLIENT))).toEqual([]);
  expect(Object.keys(causes).filter((key) => !keys.includes(key))).toEqual([]);
});

describe.each(rows.filter((row) => causes[`${row.code} ${row.status}`]))('$code', ({ code, status }) => {
  test.each(causes[`${code} ${status}`].map((cause, i) => [i + 1, cause]))(`answers HTTP ${status}, cause %i`, async (_, cause) => {
    const answer = await cause();
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    if (status === 429) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  });
});
