// The request log: one JSON line per request with its id and tenant, and never a
// password, a token or a connection string, whatever happens.
import { graphql } from '../../generated/graphql';
import { createLogger, scrubCredentials } from '../../src/logger';
import { reportRequests } from '../../src/server/requestObserver';
import { onServer } from '../support/database';
import { LogCapture } from '../support/logCapture';
import { startTestGateway, type TestGateway } from '../support/testGateway';

const SIGN_UP = graphql(`mutation LogsSignUp($input: SignUpInput!) { signUp(input: $input) { token } }`);
const LOGIN = graphql(`mutation LogsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`);
const PRODUCTS = graphql(`query LogsProducts { products { totalCount } }`);

const PASSWORD = 'my very secret passphrase';

let gw: TestGateway;
const capture = new LogCapture();

beforeAll(async () => {
  gw = await startTestGateway({ log: createLogger('debug', capture) });
});
afterAll(() => gw.close());

test('signing in and querying logs a line per request with its request id and tenant, and no secret', async () => {
  const signUp = await gw.request(SIGN_UP, { variables: { input: { email: 'logs@example.com', password: PASSWORD, name: 'Logs' } } });
  const user = (await gw.services.platform.user.findUniqueOrThrow({ where: { email: 'logs@example.com' } }))!;
  const login = await gw.request(LOGIN, { variables: { email: 'logs@example.com', password: PASSWORD } });
  const token = login.body.data!.login.token;
  const owner = { id: user.id, email: user.email, token };
  await gw.createTenant({ slug: 'logged-shop', owner });
  await gw.createTenant({ slug: 'lost-shop', owner });
  await onServer(`DROP DATABASE "${gw.dbs.prefix}lost_shop" WITH (FORCE)`);

  await gw.request(PRODUCTS, { token, tenant: 'logged-shop', headers: { 'x-request-id': 'req-from-client-1' } });
  await gw.request(PRODUCTS, { token, tenant: 'lost-shop' }); // DATABASE_UNAVAILABLE
  await gw.request(LOGIN, { variables: { email: 'logs@example.com', password: 'a wrong password' } });
  await gw.request(PRODUCTS, { token: `${token}x`, tenant: 'logged-shop' }); // refused: invalid token

  const requests = capture.entries().filter((e) => e.msg === 'graphql request');
  expect(requests).toHaveLength(6);
  for (const line of requests) {
    expect(line.requestId).toEqual(expect.any(String));
    expect(line).toHaveProperty('tenant');
  }
  expect(requests.find((l) => l.requestId === 'req-from-client-1')).toMatchObject({ tenant: 'logged-shop', operation: 'LogsProducts', status: 200 });
  expect(requests.find((l) => l.tenant === 'lost-shop')).toMatchObject({ errors: ['DATABASE_UNAVAILABLE'] });
  expect(requests.filter((l) => l.status === 401)).toEqual([expect.objectContaining({ tenant: 'logged-shop', errors: ['UNAUTHENTICATED'] })]);

  const all = capture.lines.join('\n');
  expect(all).not.toContain(PASSWORD);
  expect(all).not.toContain('a wrong password');
  expect(all).not.toContain(token);
  expect(all).not.toContain(signUp.body.data!.signUp.token);
  expect(all).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // no JWT of any kind
  expect(all).not.toMatch(/postgres(ql)?:\/\/[^\s"]*:[^*\s"]+@/); // no connection string with its password
});

test('a request that took a second or more is logged as slow; a subscription, however long it lived, is not', () => {
  const report = reportRequests(gw.services);
  report({ transport: 'http', requestId: 'slow-query', status: 200, seconds: 1.5 });
  report({ transport: 'websocket', requestId: 'long-subscription', seconds: 90, subscription: true });
  const levelOf = (requestId: string) => capture.entries().find((e) => e.requestId === requestId)?.level;
  expect(levelOf('slow-query')).toBe(40); // warn
  expect(levelOf('long-subscription')).toBe(20); // debug, as every answered request
});

test('a secret inside an error message is scrubbed before the line is written', () => {
  const capture = new LogCapture();
  const log = createLogger('info', capture);
  log.error({ err: new Error('connect to postgresql://app:hunter2@db.internal:5432/shop failed') }, 'boom with Bearer abc.def.ghi');
  log.info({ password: 'hunter2', nested: { token: 'abc' }, variables: { password: 'hunter2' } }, 'input');
  const text = capture.lines.join('\n');
  expect(text).not.toContain('hunter2');
  expect(text).not.toContain('abc.def.ghi');
  expect(text).toContain('postgresql://app:***@db.internal:5432/shop');
  expect(scrubCredentials('redis://:pw@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
});
