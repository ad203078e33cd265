// GraphQL over WebSocket holds operations to the same rules as HTTP: the token from
// connection_init, the same limits, the same error masking, tenant clients released.
import { connectWs, operate } from '../support/graphqlWs';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({ env: { MAX_QUERY_COMPLEXITY: '500', MAX_QUERY_DEPTH: '6' } });
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

test('queries and mutations run with the token and tenant from connection_init, and give the tenant client back', async () => {
  await withSocket(ownerParams(), async ({ client }) => {
    expect(await operate(client, '{ me { email } }').done).toEqual([{ data: { me: { email: owner.email } } }]);
    const created = await operate(client, 'mutation { createProduct(input: { sku: "WS-1", name: "over a socket", kind: GOODS, price: "2.50" }) { sku } }').done;
    expect(created).toEqual([{ data: { createProduct: { sku: 'WS-1' } } }]);
    expect(await operate(client, '{ products { totalCount } }').done).toEqual([{ data: { products: { totalCount: 1 } } }]);
    expect(gw.services.pool.inFlight).toBe(0);
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
  ['a query too deep (7 levels, limit 6)', '{ invoices(first: 1) { edges { node { items { product { category { name } } } } } } }', 'QUERY_TOO_DEEP'],
  ['a query too costly', '{ invoices(first: 100) { edges { node { items { product { sku } } } } } }', 'QUERY_TOO_COMPLEX'],
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

test('a subscription over the limits is refused before it starts', async () => {
  await withSocket(ownerParams(), async ({ client }) => {
    const aliases = `subscription { provisioningProgress(jobId: "x") { ${Array.from({ length: 40 }, (_, i) => `a${i}: jobId`).join(' ')} } }`;
    await expect(operate(client, aliases).done).rejects.toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
    await expect(operate(client, 'subscription { provisioningProgress(jobId: "x") { nothingHere } }').done).rejects.toEqual([
      expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ]);
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

// Last: it breaks the gateway's tenant client pool on purpose.
test('an unexpected failure reaches the client masked, with no detail', async () => {
  await gw.services.pool.close();
  await withSocket(ownerParams(), async ({ client }) => {
    const [result] = await operate(client, '{ products { totalCount } }').done;
    expect(result.errors).toEqual([{ message: 'Internal server error', locations: expect.any(Array), path: ['products'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(result)).not.toContain('pool');
  });
});
