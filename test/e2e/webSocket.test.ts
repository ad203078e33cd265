// GraphQL over WebSocket holds operations to the same rules as HTTP: the token from
// connection_init, the same limits, the same error masking, tenant clients released.
import { OperationTypeNode } from 'graphql';
import pg from 'pg';
import WebSocket from 'ws';
import { withDatabase } from '../../src/db/urls';
import { eventually } from '../support/eventually';
import { connectWs, operate } from '../support/graphqlWs';
import { createTestPlan } from '../support/plans';
import { asVariables, committedSchema, wellFormedCalls } from '../support/schemaCases';
import { startTestGateway, TEST_PASSWORD, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({ env: { MAX_QUERY_COMPLEXITY: '500', MAX_QUERY_DEPTH: '6', MAX_BODY_BYTES: '200000' } });
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'socket-shop', owner });
});
afterAll(() => gw.close());

/** Opens a socket for one test; closed after it. */
async function withSocket(params: Record<string, unknown>, work: (socket: ReturnType<typeof connectWs>) => Promise<void>) {
  const socket = connectWs(gw.url, params);
  try {
    await work(socket);
  } finally {
    await socket.client.dispose();
  }
}

const ownerParams = () => ({ authorization: `Bearer ${owner.token}`, tenant: 'socket-shop' });

test.each(['Bearer not-a-jwt', 'Basic abc'])('connection_init with authorization "%s" closes the socket with 4403', async (authorization) => {
  await withSocket({ authorization }, async ({ client, closed }) => {
    const attempt = operate(client, '{ me { email } }');
    expect((await closed).code).toBe(4403);
    await expect(attempt.done).rejects.toBeDefined();
  });
});

test("connection_init whose tenant disagrees with the token's closes the socket with 4403, as HTTP answers 403", async () => {
  const login = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p, tenant: "socket-shop") { token } }';
  const bound = (await gw.request(login, { variables: { e: owner.email, p: TEST_PASSWORD } })).body.data.login.token;
  await withSocket({ authorization: `Bearer ${bound}`, tenant: 'another-shop' }, async ({ client, closed }) => {
    const attempt = operate(client, '{ me { email } }');
    expect((await closed).code).toBe(4403);
    await expect(attempt.done).rejects.toBeDefined();
  });
});

test('queries and mutations run with the token and tenant from connection_init, and give the tenant client back', async () => {
  await withSocket(ownerParams(), async ({ client }) => {
    expect(await operate(client, '{ me { email } }').done).toEqual([{ data: { me: { email: owner.email } } }]);
    const created = await operate(client, 'mutation { createProduct(input: { sku: "WS-1", name: "over a socket", kind: GOODS, price: "2.50" }) { sku } }').done;
    expect(created).toEqual([{ data: { createProduct: { sku: 'WS-1' } } }]);
    expect(await operate(client, '{ products { totalCount } }').done).toEqual([{ data: { products: { totalCount: 1 } } }]);
    // The outbox relay, nudged by the mutation, holds a lease of its own for a moment: every lease comes back.
    await eventually(() => gw.services.pool.inFlight === 0, 5_000);
  });
});

test('operations over WebSocket are audited and metered like those over HTTP', async () => {
  const tenant = await gw.services.platform.tenant.findUniqueOrThrow({ where: { slug: 'socket-shop' } });
  const audited = await gw.services.platform.auditLog.findMany({ where: { tenantId: tenant.id, action: 'createProduct' } });
  expect(audited).toEqual([expect.objectContaining({ actorId: owner.id, actorType: 'user' })]);
  await gw.services.usage.flush();
  const [usage] = await gw.services.platform.usageMetric.findMany({ where: { tenantId: tenant.id } });
  expect(usage.apiCalls).toBe(2); // createProduct and products over the socket above (`me` is no tenant's call)
});

test('without a token, tenant data is refused as over HTTP', async () => {
  await withSocket({ tenant: 'socket-shop' }, async ({ client }) => {
    const [result] = await operate(client, '{ products { totalCount } }').done;
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });
});

test.each([
  ['a query too deep (7 levels, limit 6)', '{ invoices(first: 1) { nodes { items { nodes { product { category { name } } } } } } }', 'QUERY_TOO_DEEP'],
  ['a query too costly', '{ invoices(first: 100) { nodes { items { nodes { product { sku } } } } } }', 'QUERY_TOO_COMPLEX'],
  ['too many aliases', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: plans { code }`).join(' ')} }`, 'BAD_USER_INPUT'],
  ['an unknown field', '{ nothingHere }', 'GRAPHQL_VALIDATION_FAILED'],
  ['a query that does not parse', '{ me { ', 'GRAPHQL_PARSE_FAILED'],
])('%s is refused as over HTTP', async (_what, query, code) => {
  await withSocket(ownerParams(), async ({ client }) => {
    // Refused before it runs (an `error` message) or by Apollo (a result with errors only).
    const refused = await operate(client, query).done.then(
      (results) => results,
      (errors: unknown) => [{ errors }],
    );
    expect(refused).toEqual([{ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code }) })] }]);
  });
});

test('a subscription over the limits is refused before it starts, as a query is', async () => {
  await withSocket(ownerParams(), async ({ client }) => {
    const aliases = `subscription { provisioningProgress(jobId: "x") { ${Array.from({ length: 40 }, (_, i) => `a${i}: jobId`).join(' ')} } }`;
    expect(await operate(client, aliases).done).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })] }]);
    expect(await operate(client, 'subscription { provisioningProgress(jobId: "x") { nothingHere } }').done).toEqual([
      { errors: [expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] },
    ]);
  });
});

test('a subscription is an API call of its tenant, counted as one over HTTP is, and refused with RATE_LIMITED over the quota', async () => {
  await createTestPlan(gw, 'two-calls', { maxApiCallsPerMonth: 2 });
  const tenant = await gw.createTenant({ slug: 'feed-shop', owner, plan: 'two-calls' });
  const apiCalls = async () => {
    await gw.services.usage.flush();
    const [usage] = await gw.services.platform.usageMetric.findMany({ where: { tenantId: tenant.id } });
    return usage?.apiCalls ?? 0;
  };
  const FEED = 'subscription { tenantEvents { id } }';
  await withSocket({ authorization: `Bearer ${owner.token}`, tenant: 'feed-shop' }, async ({ client }) => {
    const feed = operate(client, FEED);
    await eventually(async () => (await apiCalls()) === 1, 5_000);
    expect((await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'feed-shop' })).status).toBe(200);
    // The quota is used up: the next subscription is refused before it starts, as the next request would be.
    const refused = operate(client, FEED).until(() => true);
    const answer = await Promise.race([refused, new Promise((resolve) => setTimeout(() => resolve('still running after 5 s'), 5_000))]);
    expect(answer).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', quota: 2, used: 2 }) })] });
    expect(feed.results).toEqual([]);
    feed.stop();
  });
  expect(await apiCalls()).toBe(2);
});

/** Whatever ended an operation, as a list of errors: a result's, or those it was refused with. */
const errorsOf = (client: ReturnType<typeof connectWs>['client'], query: string, variables?: Record<string, unknown>) =>
  operate(client, query, variables)
    .until(() => true)
    .then(
      (result) => result.errors,
      (errors: unknown) => errors as Array<{ extensions?: { code?: string } }>,
    );

test.each<[string, string, Record<string, unknown>, string]>([
  ['an Int given "10" (a query)', 'query($f: Int) { products(first: $f) { totalCount } }', { f: '10' }, 'BAD_USER_INPUT'],
  ['an ID given {} (a subscription)', 'subscription($id: ID!) { provisioningProgress(jobId: $id) { status } }', { id: {} }, 'BAD_USER_INPUT'],
  ['no value for a non-null variable (a subscription)', 'subscription($id: ID!) { provisioningProgress(jobId: $id) { status } }', {}, 'BAD_USER_INPUT'],
  ['a NUL in a variable (a mutation)', 'mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', { n: 'a\u0000' }, 'BAD_USER_INPUT'],
  ['a lone surrogate in a variable (a subscription)', 'subscription($id: ID!) { provisioningProgress(jobId: $id) { status } }', { id: '\ud800' }, 'BAD_USER_INPUT'],
  ['a NUL in a literal (a subscription)', 'subscription { provisioningProgress(jobId: "\\u0000") { status } }', {}, 'BAD_USER_INPUT'],
  ['a DateTime in year 0000', 'mutation($d: DateTime) { createInvoice(input: { kind: SALE, issueDate: $d, items: [{ description: "d", quantity: "1" }] }) { id } }', { d: '0000-06-01T00:00:00Z' }, 'BAD_USER_INPUT'],
  ['20,000 fragment spreads', `{ plans { ${' ...F'.repeat(20_000)} } } fragment F on Plan { code }`, {}, 'QUERY_TOO_COMPLEX'],
  ['a document nested 60,000 deep', `${'{a'.repeat(60_000)}${'}'.repeat(60_000)}`, {}, 'GRAPHQL_PARSE_FAILED'],
])('%s is refused as over HTTP', async (_what, query, variables, code) => {
  await withSocket(ownerParams(), async ({ client }) => {
    expect((await errorsOf(client, query, variables))?.map((error) => error.extensions?.code)).toEqual([code]);
  });
});

test.each([
  ['no operation by that name', { query: 'query Known { plans { code } }', operationName: 'Unknown' }],
  ['a name for an anonymous operation', { query: '{ plans { code } }', operationName: 'Unknown' }],
  ['no name for two operations', { query: 'query A { plans { code } } query B { plans { code } }' }],
])('%s: OPERATION_RESOLUTION_FAILURE as over HTTP', async (_what, payload) => {
  await withSocket(ownerParams(), async ({ client }) => {
    const refused = await new Promise((resolve) => client.subscribe(payload, { next: resolve, error: resolve, complete: () => {} }));
    expect(refused).toEqual([expect.objectContaining({ extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })]);
  });
});

/** A socket that speaks graphql-transport-ws by hand, to send frames no client library would. */
async function rawSocket() {
  const socket = new WebSocket(gw.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  /** Takes the first message (received or yet to come) of one of `types`. */
  const next = async (...types: string[]) => {
    for (;;) {
      const index = messages.findIndex((message) => types.includes(String(message.type)));
      if (index !== -1) return messages.splice(index, 1)[0];
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { socket, closed, next };
}

test('a frame larger than MAX_BODY_BYTES closes an anonymous socket (1009) before it is read; a smaller one is served', async () => {
  const big = await rawSocket();
  big.socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(250_000) } }));
  expect(await big.closed).toBe(1009);

  const fits = await rawSocket();
  fits.socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(150_000) } }));
  await fits.next('connection_ack');
  fits.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ plans { code } }' } }));
  expect((await fits.next('next')).payload).toEqual({ data: { plans: expect.arrayContaining([{ code: 'free' }]) } });
  fits.socket.close();
});

test('a JSON variable nested 5,000 deep is BAD_USER_INPUT, and the socket stays open', async () => {
  const { socket, next } = await rawSocket();
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${owner.token}`, tenant: 'socket-shop' } }));
  await next('connection_ack');
  const query = 'mutation($a: JSONObject) { createProduct(input: { sku: "DEEP", name: "d", kind: GOODS, price: "1", attributes: $a }) { id } }';
  const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  socket.send(`{"id":"1","type":"subscribe","payload":{"query":${JSON.stringify(query)},"variables":{"a":${deep}}}}`);
  // A mutation runs through Apollo, which answers a refused one with a result of errors only.
  expect((await next('next', 'error')).payload).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', variable: expect.stringMatching(/^\$a(\.a)+$/) } })] });
  socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: '{ me { email } }' } }));
  expect((await next('next')).payload).toEqual({ data: { me: { email: owner.email } } });
  socket.close();
});

test('an anonymous socket is refused every field that anonymous HTTP is refused, with the same codes', async () => {
  const schema = committedSchema();
  const calls = wellFormedCalls(schema);
  const codes = (errors: Array<{ extensions?: { code?: string } }> | undefined) => (errors ?? []).map((error) => error.extensions?.code).sort();
  await withSocket({ tenant: 'socket-shop' }, async ({ client }) => {
    for (const call of calls) {
      const { query, variables } = asVariables(schema, call);
      const overSocket = codes(await errorsOf(client, query, variables));
      if (call.kind === OperationTypeNode.SUBSCRIPTION) {
        // HTTP refuses every subscription as such: over the socket the field's own rule answers.
        expect({ field: call.field, codes: overSocket }).toEqual({ field: call.field, codes: ['UNAUTHENTICATED'] });
      } else {
        const overHttp = codes((await gw.request(query, { variables, tenant: 'socket-shop' })).body.errors);
        expect({ field: call.field, codes: overSocket }).toEqual({ field: call.field, codes: overHttp });
      }
    }
  });
});

test('shutting down closes open sockets with 1001 (going away)', async () => {
  const leaving = await startTestGateway();
  const user = await leaving.createUser();
  const { client, closed } = connectWs(leaving.url, { authorization: `Bearer ${user.token}` });
  try {
    await operate(client, '{ me { email } }').done;
    await leaving.close();
    expect((await closed).code).toBe(1001);
  } finally {
    await client.dispose();
  }
});

// Last: it breaks the tenant's database on purpose: reading products raises an internal error, no client's mistake.
test('an unexpected failure reaches the client masked, with no detail', async () => {
  const tenantDb = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${gw.dbs.prefix}socket_shop`) });
  await tenantDb.connect();
  await tenantDb
    .query(
      `CREATE FUNCTION boom() RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom in Product' USING ERRCODE = 'XX000'; END $$;
       ALTER TABLE "Product" RENAME TO "ProductRows";
       CREATE VIEW "Product" AS SELECT * FROM "ProductRows" WHERE boom();`,
    )
    .finally(() => tenantDb.end());
  await withSocket(ownerParams(), async ({ client }) => {
    const [result] = await operate(client, '{ products { totalCount } }').done;
    expect(result.errors).toEqual([{ message: 'Internal server error', locations: expect.any(Array), path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(result)).not.toMatch(/Product|relation|SELECT/);
  });
});
