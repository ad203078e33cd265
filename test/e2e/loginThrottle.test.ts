// Password guessing is cut short: after LOGIN_MAX_FAILURES failed logins an email's
// logins are refused with RATE_LIMITED, even with the right password, until the
// period ends; a success clears the count; with Redis the count spans gateways.
import { graphql } from '../../generated/graphql';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, TEST_PASSWORD, type TestGateway } from '../support/testGateway';

const LOGIN = graphql(`mutation ThrottledLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`);
const THROTTLE = { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '2' };

/** What a login answers: 'ok', or its error code (and retry hint when refused). */
async function tryLogin(gw: TestGateway, email: string, password: string) {
  const { body } = await gw.request(LOGIN, { variables: { email, password } });
  if (body.data?.login?.token) return 'ok';
  return body.errors![0].extensions.code;
}

describe('in one process', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: THROTTLE });
  });
  afterAll(() => gw.close());

  test('three wrong passwords, then even the right one is refused until the period ends; other emails go on', async () => {
    const { email } = await gw.createUser();
    const bystander = await gw.createUser();
    for (let i = 0; i < 3; i++) expect(await tryLogin(gw, email, 'a wrong guess')).toBe('UNAUTHENTICATED');

    const refused = await gw.request(LOGIN, { variables: { email: email.toUpperCase(), password: TEST_PASSWORD } });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refused.body.errors![0].extensions.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(await tryLogin(gw, bystander.email, TEST_PASSWORD)).toBe('ok');

    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await tryLogin(gw, email, TEST_PASSWORD)).toBe('ok');
  });

  test('a successful login clears the count', async () => {
    const { email } = await gw.createUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect(await tryLogin(gw, email, 'a wrong guess')).toBe('UNAUTHENTICATED');
      expect(await tryLogin(gw, email, TEST_PASSWORD)).toBe('ok');
    }
  });

  test('an unknown email is counted like a known one', async () => {
    for (let i = 0; i < 3; i++) expect(await tryLogin(gw, 'nobody@example.com', 'a guess')).toBe('UNAUTHENTICATED');
    expect(await tryLogin(gw, 'nobody@example.com', 'a guess')).toBe('RATE_LIMITED');
  });
});

describe('across gateways sharing Redis', () => {
  let redis: TestRedis;
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    redis = await startTestRedis();
    a = await startTestGateway({ env: { ...THROTTLE, REDIS_URL: redis.url } });
    b = await startTestGateway({ sharing: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await redis.stop();
  });

  test('failures on either gateway add up', async () => {
    const { email } = await a.createUser();
    expect(await tryLogin(a, email, 'a wrong guess')).toBe('UNAUTHENTICATED');
    expect(await tryLogin(b, email, 'a wrong guess')).toBe('UNAUTHENTICATED');
    expect(await tryLogin(a, email, 'a wrong guess')).toBe('UNAUTHENTICATED');
    expect(await tryLogin(b, email, TEST_PASSWORD)).toBe('RATE_LIMITED');
  });
});
