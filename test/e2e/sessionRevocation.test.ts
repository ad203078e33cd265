// The revocation bound: a session ended through one gateway is refused by another
// at once when they share Redis (the end is announced), even though the other one
// trusts a session for SESSION_CACHE_SECONDS; without the announcement (no shared
// event bus) it is refused once that cache expires, and never later.
import { eventually } from '../support/eventually';
import { connectWs, operate } from '../support/graphqlWs';
import { PROGRESS, createTenantViaApi } from '../support/provisioning';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/testGateway';

const ME = `{ me { email } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { token refreshToken } }`;

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';

describe('two gateways sharing Redis, each trusting a session for 60 s', () => {
  let redis: TestRedis;
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    redis = await startTestRedis();
    // No job runs (JOB_CONCURRENCY 0): a provisioning job's progress stays a subscription that runs until it is stopped.
    a = await startTestGateway({ env: { REDIS_URL: redis.url, SESSION_CACHE_SECONDS: '60', JOB_CONCURRENCY: '0', REFRESH_REUSE_GRACE_SECONDS: '1' } });
    b = await startTestGateway({ sharing: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await redis.stop();
  });

  /** What B answers, given a moment for the announcement to travel through Redis (far below the 60 s cache). */
  const soonOnB = (token: string) => eventually(async () => (code(await b.request(ME, { token })) === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : null), 1_000, 20);

  test('a logout on A is refused on B at once', async () => {
    const user = await a.createUser();
    expect(code(await b.request(ME, { token: user.token }))).toBe('ok'); // B trusts the session for 60 s from now
    expect((await a.request('mutation { logout }', { token: user.token })).body.data).toEqual({ logout: true });
    expect(await soonOnB(user.token)).toBe('UNAUTHENTICATED');
  });

  test("a logout on A closes the session's WebSockets on B at once (4401), running subscriptions with them", async () => {
    const user = await a.createUser();
    const other = await a.createUser();
    const [mine, theirs] = await Promise.all([user, other].map(async (who, i) => (await createTenantViaApi(a, who.token, { slug: `watched-${i}` })).job.id));
    const ws = connectWs(b.url, { authorization: `Bearer ${user.token}` });
    const bystander = connectWs(b.url, { authorization: `Bearer ${other.token}` });
    try {
      const watching = operate(ws.client, PROGRESS, { jobId: mine });
      const alsoWatching = operate(bystander.client, PROGRESS, { jobId: theirs });
      await Promise.all([watching.until((r) => r.data?.provisioningProgress.status === 'QUEUED'), alsoWatching.until((r) => r.data?.provisioningProgress.status === 'QUEUED')]);
      const started = Date.now();
      await a.request('mutation { logout }', { token: user.token });
      const stillOpen = new Promise((resolve) => setTimeout(() => resolve({ code: 'still open after 2 s' }), 2_000));
      expect(await Promise.race([ws.closed, stillOpen])).toMatchObject({ code: 4401 });
      expect(Date.now() - started).toBeLessThan(1_000);
      // Another session's socket and subscription are untouched.
      expect((await operate(bystander.client, ME).done)[0].data).toEqual({ me: { email: other.email } });
      alsoWatching.stop();
    } finally {
      await ws.client.dispose();
      await bystander.client.dispose();
    }
  });

  test('one refresh token on A and on B at the same moment: both answer the same new pair, and the session lives on', async () => {
    const user = await a.createUser();
    const [onA, onB] = await Promise.all([a, b].map((gw) => gw.request(REFRESH, { variables: { refreshToken: user.refreshToken } })));
    expect([code(onA), code(onB)]).toEqual(['ok', 'ok']);
    expect(onB.body.data.refreshSession.refreshToken).toBe(onA.body.data.refreshSession.refreshToken);
    for (const gw of [a, b]) {
      for (const answer of [onA, onB]) expect(code(await gw.request(ME, { token: answer.body.data.refreshSession.token }))).toBe('ok');
    }
  });

  test('a refresh token reused on A after the grace window ends the session on B at once', async () => {
    const user = await a.createUser();
    const renewed = (await a.request(REFRESH, { variables: { refreshToken: user.refreshToken } })).body.data.refreshSession;
    expect(code(await b.request(ME, { token: renewed.token }))).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(code(await a.request(REFRESH, { variables: { refreshToken: user.refreshToken } }))).toBe('UNAUTHENTICATED');
    expect(await soonOnB(renewed.token)).toBe('UNAUTHENTICATED');
  });
});

describe('two gateways that hear nothing of each other, trusting a session for 1 s', () => {
  let c: TestGateway;
  let d: TestGateway;
  beforeAll(async () => {
    // No REDIS_URL: each has an in-process event bus, as if every announcement were lost.
    c = await startTestGateway({ env: { SESSION_CACHE_SECONDS: '1' } });
    d = await startTestGateway({ sharing: c });
  });
  afterAll(async () => {
    await d.close();
    await c.close();
  });

  test('a logout on C is refused on D within SESSION_CACHE_SECONDS', async () => {
    const user = await c.createUser();
    expect(code(await d.request(ME, { token: user.token }))).toBe('ok');
    await c.request('mutation { logout }', { token: user.token });
    const ended = Date.now();
    await eventually(async () => code(await d.request(ME, { token: user.token })) === 'UNAUTHENTICATED', 3_000, 20);
    // 1 s of cache, and time for the requests on a busy machine.
    expect(Date.now() - ended).toBeLessThan(2_000);
  });
});
