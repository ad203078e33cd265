// POOL isolation: two tenants' rows in the same tables, under the same ids. Tenant B
// is the graph fixture (test/support/graphFixture.ts) with every value marked as the
// neighbour's and rows of its own added; tenant A is the fixture as it is. Then,
// generated rather than picked:
// - every Query and Mutation root field of schema.graphql is called for A, with each
//   ID it takes set to each id only B has: no answer shows anything of B, and B's rows
//   in every pool table read the same before and after (nothing read out, updated or
//   deleted through A), and every statement sent for it that names a table with an
//   alias (the planner's and every raw statement's) keeps to the tenant's rows of that
//   table itself ("tenantId" = $n), not by row-level security alone;
// - the pool's role, with no tenant set, sees no row of any table; with A set, A's alone;
// - A's live feed and A's webhook hear of A's changes and never of B's;
// - two tenants hold the same unique values (SKU, customer email) side by side;
// - a statement that fails inside a tenant's transaction leaves no tenant set on any
//   connection the pool keeps.
// (The graph's answers themselves are checked against an oracle beside a neighbour in
// test/e2e/tenantGraph.test.ts.)
import pg from 'pg';
import { OperationTypeNode } from 'graphql';
import { withDatabase, withLogin } from '../../src/db/urls';
import { connectWs, operate } from '../support/graphqlWs';
import { eventually } from '../support/eventually';
import { categoryIds, customerIds, fillGraphFixture, fixedId } from '../support/graphFixture';
import { asVariables, committedSchema, wellFormedCalls } from '../support/schemaCases';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';

const MARK = 'Neighbour';
/** Ids only B has: a product, a customer and a category of its own. */
const B_ONLY = { product: fixedId(2, 900), customer: fixedId(3, 900), category: fixedId(1, 900) };
/** The id schemaCases writes wherever an ID is wanted. */
const WELL_FORMED_ID = '00000000-0000-7000-8000-000000000000';
// Calls that would end A's session, or act on the platform rather than in a tenant
// (they are the platform's, not the pool's, and covered by their own suites).
const NOT_IN_A_TENANT = /^(logout|logoutEverywhere|createTenant|startRollout|resumeRollout|cancelRollout|rollout|rollouts|schemaVersions|archiveTenant|restoreTenant|deleteAccount|changePassword|login|refreshSession|requestPasswordReset|resetPassword|signUp|acceptInvitation)$/;

let gw: TestGateway;
let ownerA: TestUser;
let ownerB: TestUser;
let a: TenantRecord;
let b: TenantRecord;
let receiver: WebhookReceiver;
let admin: pg.Client;
/** Statements sent to the pool database. */
const sent: string[] = [];

const poolDatabase = () => gw.services.servers.poolLogin.database;

async function rowsOfB(): Promise<Map<string, string>> {
  const { rows: tables } = await admin.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const hashes = new Map<string, string>();
  for (const { name } of tables) {
    const { rows } = await admin.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name}" t WHERE "tenantId" = $1`, [b.id]);
    hashes.set(name, `${rows[0].n}:${rows[0].h}`);
  }
  return hashes;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  gw = await startTestGateway({
    env: { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_SWEEP_SECONDS: '1' },
    observeTenantStatements: (text, database) => database === gw?.services.servers.poolLogin.database && sent.push(text),
  });
  ownerA = await gw.createUser();
  ownerB = await gw.createUser();
  a = await gw.createTenant({ slug: 'pool-a', isolation: 'POOL', owner: ownerA });
  b = await gw.createTenant({ slug: 'pool-b', isolation: 'POOL', owner: ownerB });
  await gw.withTenantDb(a, (db) => fillGraphFixture(db));
  await gw.withTenantDb(b, async (db) => {
    await fillGraphFixture(db);
    await db.product.updateMany({ data: { name: MARK, description: MARK } });
    await db.customer.updateMany({ data: { name: MARK } });
    // Category names are unique: each its own.
    for (const { id } of await db.category.findMany()) await db.category.update({ where: { id }, data: { name: `${MARK} ${id}` } });
    await db.category.create({ data: { id: B_ONLY.category, name: `${MARK} own` } });
    await db.product.create({ data: { id: B_ONLY.product, sku: 'N-1', name: MARK, kind: 'GOODS', price: '5', currency: 'USD', categoryId: categoryIds.rings } });
    await db.customer.create({ data: { id: B_ONLY.customer, name: MARK, email: 'neighbour@example.com' } });
  });
  admin = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, poolDatabase()) });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await gw?.close();
  await receiver?.close();
});

test('both tenants live in the pool database, B with rows A does not have', async () => {
  expect(a.databaseName).toBe(poolDatabase());
  expect(b.databaseName).toBe(poolDatabase());
  const { rows } = await admin.query(`SELECT "tenantId", count(*)::int AS n FROM "Product" GROUP BY 1`);
  expect(Object.fromEntries(rows.map((r) => [r.tenantId, r.n]))).toEqual({ [a.id]: expect.any(Number), [b.id]: expect.any(Number) });
  expect(rows.find((r) => r.tenantId === b.id).n).toBe(rows.find((r) => r.tenantId === a.id).n + 1);
});

test("every Query and Mutation field, called for A with B's own ids, shows nothing of B and changes nothing of B", async () => {
  const schema = committedSchema();
  const before = await rowsOfB();
  expect(before.size).toBeGreaterThanOrEqual(20);
  const calls = wellFormedCalls(schema).filter((c) => c.kind !== OperationTypeNode.SUBSCRIPTION && !NOT_IN_A_TENANT.test(c.field));
  let answered = 0;
  let taking = 0;
  for (const call of calls) {
    const { query, variables = {} } = asVariables(schema, call);
    const json = JSON.stringify(variables);
    const ids = json.includes(WELL_FORMED_ID) ? Object.values(B_ONLY) : [WELL_FORMED_ID];
    if (ids.length > 1) taking++;
    for (const id of ids) {
      const response = await gw.request(query, { token: ownerA.token, tenant: 'pool-a', variables: JSON.parse(json.replaceAll(WELL_FORMED_ID, id)) });
      const body = JSON.stringify(response.body);
      expect({ call: call.name, id, status: response.status < 500, leaked: body.includes(MARK) || body.includes(b.id) }).toEqual({ call: call.name, id, status: true, leaked: false });
      expect({ call: call.name, codes: response.body.errors?.map((e) => e.extensions.code).filter((c) => c === 'INTERNAL_SERVER_ERROR') ?? [] }).toEqual({ call: call.name, codes: [] });
      if (response.body.data && !response.body.errors) answered++;
    }
  }
  // Not a storm of refusals: a good part of the calls were answered (a mutation that acts on
  // the row an id names is rightly refused with each of B's ids), and many took an id.
  expect(answered).toBeGreaterThan(calls.length / 4);
  expect(taking).toBeGreaterThan(30);
  expect(await rowsOfB()).toEqual(before);
  // Prisma's own statements name their tables whole ("public"."Product" WHERE ...) and are held by row-level security;
  // a table read under an alias is the planner's or a raw statement's, which say whose rows they want themselves.
  const aliased = sent.flatMap((text) => [...text.matchAll(/"public"\."(\w+)" (?:AS )?(?!WHERE|SET|ORDER|GROUP|LIMIT|ON|JOIN|LEFT|INNER|VALUES)([a-z_]\w*)/gi)].map((m) => ({ text, table: m[1], alias: m[2] })));
  expect(aliased.length).toBeGreaterThan(100);
  expect(new Set(aliased.map((a) => a.table)).size).toBeGreaterThan(10);
  const unscoped = aliased.filter(({ text, alias }) => !new RegExp(`\\b${alias}\\."tenantId" = \\$\\d+`).test(text));
  expect(unscoped.map(({ table, alias, text }) => `${table} ${alias}: ${text}`)).toEqual([]);
  // A's session lived through it all: the calls above were made as A's owner.
  expect((await gw.request('{ products(first: 1) { totalCount } }', { token: ownerA.token, tenant: 'pool-a' })).body.errors).toBeUndefined();
});

test("B's ids read as nothing through A: by id, nested, counted and summed", async () => {
  const read = await gw.request(`query($p: ID!) { product(id: $p) { id } }`, { token: ownerA.token, tenant: 'pool-a', variables: { p: B_ONLY.product } });
  expect(read.body.errors?.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  const lists = await gw.request(
    `{ products(where: { name: { eq: "${MARK}" } }) { totalCount aggregates { sum { price } } }
       categories { nodes { name products { totalCount } } }
       customers(where: { id: { in: ["${B_ONLY.customer}", "${customerIds[0]}"] } }) { nodes { id name invoices { totalCount } } } }`,
    { token: ownerA.token, tenant: 'pool-a' },
  );
  expect(lists.body.errors).toBeUndefined();
  expect(lists.body.data.products).toEqual({ totalCount: 0, aggregates: { sum: { price: null } } });
  expect(JSON.stringify(lists.body.data)).not.toContain(MARK);
  expect(lists.body.data.customers.nodes.map((c: { id: string }) => c.id)).toEqual([customerIds[0]]);
});

test('the pool role sees no row of any table with no tenant set, and only the set tenant\'s rows with one', async () => {
  const { user, password } = gw.services.servers.poolLogin;
  const role = new pg.Client({ connectionString: withLogin(withDatabase(gw.dbs.serverUrl, poolDatabase()), user, password) });
  await role.connect();
  try {
    const { rows: tables } = await role.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(20);
    for (const { name } of tables) {
      const { rows } = await role.query(`SELECT count(*)::int AS n FROM "${name}"`);
      expect({ name, rows: rows[0].n }).toEqual({ name, rows: 0 });
    }
    await role.query('BEGIN');
    await role.query(`SET LOCAL "tenantgraph.tenant" = '${a.id}'`);
    const { rows } = await role.query(`SELECT DISTINCT "tenantId" FROM "Product"`);
    await role.query('COMMIT');
    expect(rows).toEqual([{ tenantId: a.id }]);
  } finally {
    await role.end();
  }
});

test("A's live feed and A's webhook hear of A's changes, never of B's", async () => {
  const webhook = await gw.request(`mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }`, {
    token: ownerA.token,
    tenant: 'pool-a',
    variables: { input: { url: receiver.url, events: ['customer.created'] } },
  });
  expect(webhook.body.errors).toBeUndefined();
  receiver.secrets.push(webhook.body.data.createWebhook.secret);
  const { client } = connectWs(gw.url, { authorization: `Bearer ${ownerA.token}`, tenant: 'pool-a' });
  try {
    const feed = operate(client, 'subscription { tenantEvents(types: ["customer.created"]) { object } }');
    const create = (owner: TestUser, tenant: string, name: string) =>
      gw.request(`mutation($name: String!) { createCustomer(input: { name: $name }) { id } }`, { token: owner.token, tenant, variables: { name } });
    // The feed is listening once one of A's own events arrives.
    let mine = '';
    await eventually(async () => {
      mine = (await create(ownerA, 'pool-a', 'Mine')).body.data.createCustomer.id;
      return eventually(() => feed.results.some((r) => r.data?.tenantEvents.object.id === mine), 500).catch(() => false);
    }, 15_000, 0);
    const theirs = (await create(ownerB, 'pool-b', MARK)).body.data.createCustomer.id as string;
    const mineAfter = (await create(ownerA, 'pool-a', 'Mine too')).body.data.createCustomer.id as string;
    await eventually(() => feed.results.some((r) => r.data?.tenantEvents.object.id === mineAfter), 10_000);
    await eventually(() => receiver.received.some((r) => r.body.object.id === mineAfter), 10_000);
    expect(JSON.stringify(feed.results)).not.toContain(theirs);
    expect(JSON.stringify(feed.results)).not.toContain(MARK);
    expect(receiver.received.map((r) => r.body.object.id)).not.toContain(theirs);
    expect(receiver.received.every((r) => r.signed)).toBe(true);
  } finally {
    await client.dispose();
  }
});

test('two pool tenants hold the same unique values side by side', async () => {
  const create = (owner: TestUser, tenant: string) =>
    gw.request(`mutation { createProduct(input: { sku: "R-1", name: "Ring", kind: GOODS, price: "1" }) { id sku } }`, { token: owner.token, tenant });
  const [first, second] = [await create(ownerA, 'pool-a'), await create(ownerB, 'pool-b')];
  expect(first.body.errors).toBeUndefined();
  expect(second.body.errors).toBeUndefined();
  // The same SKU twice in one tenant is still refused.
  expect((await create(ownerA, 'pool-a')).body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
});

test('a statement that fails in a tenant\'s transaction leaves no tenant set on the connections the pool keeps', async () => {
  const failed = await gw.request(`mutation { createProduct(input: { sku: "R-1", name: "Again", kind: GOODS, price: "1" }) { id } }`, { token: ownerA.token, tenant: 'pool-a' });
  expect(failed.body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  const lease = gw.services.pool.acquire(a);
  const { pool, database } = lease.target;
  lease.release();
  const held = await Promise.all([0, 1, 2].map(() => pool.acquire(database, 'probe')));
  try {
    for (const { client } of held) {
      const { rows } = await (client as pg.Client).query(`SELECT coalesce(current_setting('tenantgraph.tenant', true), '') AS tenant, current_user AS role`);
      expect(rows[0]).toEqual({ tenant: '', role: gw.services.servers.poolLogin.user });
    }
  } finally {
    for (const connection of held) connection.release();
  }
});
