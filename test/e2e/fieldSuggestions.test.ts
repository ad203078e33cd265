// graphql-js guesses at the name a client meant ("Did you mean "code"?"). That helps
// while developing, but in production it maps the schema for anyone probing a gateway
// whose introspection is off, so there the guesses are left out, over both transports.
import { connectWs, operate, type WsResult } from '../support/graphqlWs';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let production: TestGateway;
let development: TestGateway;

beforeAll(async () => {
  [production, development] = await Promise.all([startTestGateway({ env: { NODE_ENV: 'production' } }), startTestGateway({ env: { NODE_ENV: 'development' } })]);
});
afterAll(() => Promise.all([production?.close(), development?.close()]));

// A misspelt field, enum value (in a literal and in a variable) and input field.
const MISTAKES: Array<[string, string, Record<string, unknown>]> = [
  ['field', '{ plans { cod } }', {}],
  ['enum value', 'mutation { createProduct(input: { sku: "A", name: "a", kind: GOLDD, price: "1" }) { id } }', {}],
  ['enum value in a variable', 'query($k: ProductKind) { products(filter: { kind: $k }) { totalCount } }', { k: 'GOLDD' }],
  ['input field', 'query { products(filter: { serch: "a" }) { totalCount } }', {}],
];

async function messagesOverBothTransports(gw: TestGateway, query: string, variables: Record<string, unknown> = {}) {
  const overHttp = (await gw.request(query, { variables })).body.errors ?? [];
  const socket = connectWs(gw.url);
  try {
    const overSocket = await operate(socket.client, query, variables).done.then(
      (results) => results.flatMap((result) => result.errors ?? []),
      (errors: NonNullable<WsResult['errors']>) => errors,
    );
    return [...overHttp, ...overSocket].map((error) => ({ message: error.message, code: error.extensions?.code }));
  } finally {
    await socket.client.dispose();
  }
}

test.each(MISTAKES)('in production, a misspelt %s is refused without a guess, over HTTP and WebSocket', async (_what, query, variables) => {
  const errors = await messagesOverBothTransports(production, query, variables);
  expect(errors).toHaveLength(2);
  for (const error of errors) {
    expect(error.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    expect(error.message).not.toMatch(/did you mean/i);
  }
});

test.each(MISTAKES)('elsewhere, a misspelt %s gets graphql-js’s guess', async (_what, query, variables) => {
  const errors = await messagesOverBothTransports(development, query, variables);
  expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/Did you mean/), expect.stringMatching(/Did you mean/)]);
});

test('the rest of the message stays as it was', async () => {
  const [error] = await messagesOverBothTransports(production, '{ plans { cod } }');
  expect(error.message).toBe('Cannot query field "cod" on type "Plan".');
});
