// Redis goes away under two gateways and comes back: requests, logins and
// subscriptions carry on as fast as before without it, nothing counted in between is
// lost, and the gateways pick Redis up again by themselves.
import { Redis } from 'ioredis';
import { eventually } from '../support/eventually';
import { connectWs, operate, type WsConnection } from '../support/graphqlWs';
import { CREATE_TENANT, PROGRESS } from '../support/provisioning';
import { startKillableRedis, type KillableRedis } from '../support/redis';
import { startTestGateway, TEST_PASSWORD, type TestGateway, type TestUser } from '../support/testGateway';

const LIST = '{ products { totalCount } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const today = new Date().toISOString().slice(0, 10);
const USAGE = `{ usage(from: "${today}", to: "${today}") { apiCalls apiErrors } }`;

let redis: KillableRedis;
/** Runs the jobs; B only serves. */
let a: TestGateway;
let b: TestGateway;
let owner: TestUser;
let colleague: TestUser;
let tenantId: string;
let ws: WsConnection;
/** Tenant calls made so far, each answered 200. */
let calls = 0;

const as = () => ({ token: owner.token, tenant: 'steady' });

async function call(gw: TestGateway) {
  const response = await gw.request(LIST, as());
  expect(response.status).toBe(200);
  expect(response.body.data.products.totalCount).toBe(0);
  calls++;
}

/** Median milliseconds of `n` requests made one after the other. */
async function medianMs(n: number, request: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await request();
    times.push(performance.now() - started);
  }
  return times.sort((x, y) => x - y)[Math.floor(n / 2)];
}

const login = async (gw: TestGateway, password: string) => {
  const { body } = await gw.request(LOGIN, { variables: { email: owner.email, password } });
  return body.data?.login ? 'ok' : body.errors![0].extensions.code;
};

beforeAll(async () => {
  redis = await startKillableRedis();
  const env = { REDIS_URL: redis.url, USAGE_FLUSH_SECONDS: '1', TENANT_CACHE_SECONDS: '300', LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '60' };
  a = await startTestGateway({ env });
  b = await startTestGateway({ sharing: a, env: { JOB_CONCURRENCY: '0' } });
  owner = await a.createUser();
  tenantId = (await a.createTenant({ slug: 'steady', owner })).id;
  await a.createTenant({ slug: 'quiet', owner });
  expect((await a.request(LIST, { token: owner.token, tenant: 'quiet' })).status).toBe(200); // A holds it for 300 s
  colleague = await a.createUser();
  await a.createTenant({ slug: 'staffed', owner, members: [[colleague, 'MEMBER']] });
  expect((await a.request('{ members { nodes { role } } }', { token: colleague.token, tenant: 'staffed' })).status).toBe(200); // A holds her role for 300 s
  ws = connectWs(b.url, { authorization: `Bearer ${owner.token}` });
  for (let i = 0; i < 10; i++) await call(a); // warm: the tenant's client, the caches, the plan
});

afterAll(async () => {
  await ws?.client.dispose();
  await b?.close();
  await a?.close();
  await redis?.stop();
});

test('with Redis gone, tenant requests and logins take about as long as with it (medians within 2x)', async () => {
  const requestsUp = await medianMs(40, () => call(a));
  const loginsUp = await medianMs(6, async () => expect(await login(a, TEST_PASSWORD)).toBe('ok'));
  await redis.kill();
  const requestsDown = await medianMs(40, () => call(a));
  const loginsDown = await medianMs(6, async () => expect(await login(a, TEST_PASSWORD)).toBe('ok'));
  expect(requestsDown).toBeLessThan(2 * requestsUp);
  expect(loginsDown).toBeLessThan(2 * loginsUp);
});

test('with Redis gone, failed logins are still throttled, in the process', async () => {
  for (let i = 0; i < 3; i++) expect(await login(a, 'a wrong guess')).toBe('UNAUTHENTICATED');
  expect(await login(a, TEST_PASSWORD)).toBe('RATE_LIMITED');
});

test('with Redis gone, provisioningProgress reaches SUCCEEDED, on the gateway that runs the job and on another one', async () => {
  for (let i = 0; i < 10; i++) await call(b);
  const created = await b.request(CREATE_TENANT, { token: owner.token, variables: { input: { slug: 'built-offline', name: 'Built offline' } } });
  const jobId = created.body.data.createTenant.job.id as string;
  const direct = connectWs(a.url, { authorization: `Bearer ${owner.token}` });
  try {
    const [onB, onA] = await Promise.all([operate(ws.client, PROGRESS, { jobId }).done, operate(direct.client, PROGRESS, { jobId }).done]);
    for (const results of [onB, onA]) {
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(results.at(-1)!.data.provisioningProgress).toMatchObject({ status: 'SUCCEEDED', progress: 100 });
    }
  } finally {
    await direct.client.dispose();
  }
});

test('when Redis is back the gateways join their channels again, forget what they cached meanwhile, and every call made meanwhile is counted, in usage and in the quota', async () => {
  // Archived through B while Redis is away: A cannot hear of it now.
  expect((await b.request('mutation { archiveTenant(slug: "quiet") { tenant { status } } }', { token: owner.token })).body.data.archiveTenant.tenant.status).toBe('ARCHIVED');
  const demote = 'mutation($userId: ID!) { changeMemberRole(userId: $userId, role: VIEWER) { role } }';
  expect((await b.request(demote, { token: owner.token, tenant: 'staffed', variables: { userId: colleague.id } })).body.data.changeMemberRole.role).toBe('VIEWER');
  await redis.restart();
  // Both gateways follow tenant changes again: their subscriber connections are back on the channel.
  const admin = new Redis(redis.url);
  try {
    const channel = `${a.env.REDIS_KEY_PREFIX}events:tenant-changed`;
    await eventually(async () => ((await admin.pubsub('NUMSUB', channel)) as [string, number])[1] === 2);
  } finally {
    admin.disconnect();
  }
  // A reads its tenants again, told that it may have missed changes: no waiting out the 300 s.
  const archived = await eventually(async () => (await a.request(LIST, { token: owner.token, tenant: 'quiet' })).body.errors?.[0], 2_000);
  expect(archived.extensions.code).toBe('TENANT_NOT_READY');
  const write = 'mutation { createProduct(input: { sku: "OFF-1", name: "n", kind: GOODS, price: "1" }) { id } }';
  expect((await a.request(write, { token: colleague.token, tenant: 'staffed' })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  for (let i = 0; i < 10; i++) await call(i % 2 ? a : b);

  await eventually(async () => {
    await Promise.all([a.services.usage.flush(), b.services.usage.flush()]);
    const rows = await a.services.platform.usageMetric.findMany({ where: { tenantId } });
    return rows.reduce((sum, row) => sum + row.apiCalls, 0) === calls;
  }, 10_000);
  expect((await a.request(USAGE, as())).body.data.usage).toEqual([{ apiCalls: calls, apiErrors: 0 }]);
  // Redis kept its month counter through the outage; the calls counted without it were added to it.
  expect(await a.services.usage.monthToDate(tenantId)).toBe(calls);
  expect(await b.services.usage.monthToDate(tenantId)).toBe(calls);

  // A change made on B reaches A at once again (A holds the tenant for 300 s otherwise).
  await b.request('mutation { archiveTenant(slug: "steady") { tenant { status } } }', { token: owner.token });
  const refused = await eventually(async () => {
    const response = await a.request(LIST, as());
    return response.body.errors ? response : null;
  }, 2_000);
  expect(refused.body.errors?.[0].extensions.code).toBe('TENANT_NOT_READY');
});
