// A colleague joins a tenant and is let go, end to end: two real gateway processes on
// one platform database and one Redis, a real SMTP server, everything over HTTP (and
// her live feed over WebSocket). The owner works on A; the colleague on B, which
// trusts what it cached for 300 s (and a live feed's access for 60 s), so only the
// event bus can explain B applying each change at once.
import { randomBytes } from 'node:crypto';
import { testDatabases } from '../support/database';
import { eventually } from '../support/eventually';
import { connectWs, endedWith, operate } from '../support/graphqlWs';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { JOB } from '../support/provisioning';
import { deleteRedisKeys, startTestRedis, type TestRedis } from '../support/redis';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';

const dbs = testDatabases();
const env = {
  ...processEnv(dbs),
  TENANT_CACHE_SECONDS: '300',
  SESSION_CACHE_SECONDS: '60',
  PUBLIC_URL: 'https://books.example.com',
};

interface Answer {
  data?: any;
  errors?: Array<{ message: string; extensions: { code: string; [key: string]: unknown } }>;
}

let redis: TestRedis;
let smtp: TestSmtpServer;
let a: GatewayProcess;
let b: GatewayProcess;

beforeAll(async () => {
  [redis, smtp] = await Promise.all([startTestRedis(), startSmtpServer()]);
  const shared = { ...env, REDIS_URL: redis.url, SMTP_URL: smtp.url };
  // One after the other: the first migrates the fresh platform database.
  a = await startGatewayProcess({ ...shared, JOB_CONCURRENCY: '1' });
  b = await startGatewayProcess({ ...shared, JOB_CONCURRENCY: '0' });
}, 120_000);

afterAll(async () => {
  const codes = await Promise.all([a?.stop(), b?.stop()]);
  await dbs.drop();
  await deleteRedisKeys(redis.url, env.REDIS_KEY_PREFIX);
  await Promise.all([redis.stop(), smtp.close()]);
  expect(codes).toEqual([0, 0]);
});

async function post(gateway: GatewayProcess, query: string, variables: Record<string, unknown> = {}, token?: string, tenant?: string): Promise<Answer> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(tenant ? { 'x-tenant': tenant } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return (await response.json()) as Answer;
}

const codeOf = (answer: Answer) => answer.errors?.[0].extensions.code ?? 'ok';

async function signUp(gateway: GatewayProcess, email: string, name: string): Promise<{ token: string; id: string }> {
  const answer = await post(gateway, 'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }', {
    input: { email, password: 'long enough secret', name },
  });
  expect(answer.errors).toBeUndefined();
  return { token: answer.data.signUp.token, id: answer.data.signUp.user.id };
}

test('invited by mail, joining, demoted and removed: each change applies on the other process from the next request', async () => {
  const owner = await signUp(a, 'owner@atelier.test', 'Owner');
  const created = await post(a, 'mutation { createTenant(input: { slug: "atelier", name: "Atelier Nour" }) { job { id } } }', {}, owner.token);
  expect(created.errors).toBeUndefined();
  const jobId = created.data.createTenant.job.id;
  await eventually(async () => (await post(a, JOB, { id: jobId }, owner.token)).data?.provisioningJob.status === 'SUCCEEDED', 60_000, 200);

  // The owner invites a colleague; the mail brings the token.
  const invited = await post(a, 'mutation { inviteMember(email: "sara@atelier.test", role: MEMBER) { mailed token } }', {}, owner.token, 'atelier');
  expect(invited.data.inviteMember.mailed).toBe(true);
  const mail = await smtp.mailTo('sara@atelier.test');
  expect(mail.subject).toBe('You are invited to Atelier Nour');
  const token = /\?invitation=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token).toBe(invited.data.inviteMember.token);

  // She signs up on B and is no member yet; B now holds "no role" for her, for 300 s.
  const colleague = await signUp(b, 'sara@atelier.test', 'Sara');
  const createProduct = () =>
    post(b, 'mutation($sku: String!) { createProduct(input: { sku: $sku, name: "Ring", kind: GOODS, price: "120" }) { sku } }', { sku: `R-${randomBytes(3).toString('hex')}` }, colleague.token, 'atelier');
  /** What B answers her, given a moment for the announcement to travel through Redis (far below the 300 s cache). */
  const soonOnB = (attempt: () => Promise<Answer>, expected: string) => eventually(async () => (codeOf(await attempt()) === expected ? expected : null), 2_000);
  expect(codeOf(await createProduct())).toBe('TENANT_NOT_FOUND');

  const accepted = await post(a, 'mutation($token: String!) { acceptInvitation(token: $token) { member { role } tenant { slug } } }', { token }, colleague.token);
  expect(accepted.data.acceptInvitation).toEqual({ member: { role: 'MEMBER' }, tenant: { slug: 'atelier' } });
  expect(await soonOnB(() => createProduct(), 'ok')).toBe('ok');
  const members = await post(b, '{ members { nodes { email role } } }', {}, colleague.token, 'atelier');
  expect(members.data.members.nodes).toEqual([
    { email: 'owner@atelier.test', role: 'OWNER' },
    { email: 'sara@atelier.test', role: 'MEMBER' },
  ]);

  // Demoted on A: B, which knows her as MEMBER for 300 s, refuses her next write.
  const demoted = await post(a, 'mutation($id: ID!) { changeMemberRole(userId: $id, role: VIEWER) { role } }', { id: colleague.id }, owner.token, 'atelier');
  expect(demoted.data.changeMemberRole.role).toBe('VIEWER');
  expect(await soonOnB(() => createProduct(), 'FORBIDDEN')).toBe('FORBIDDEN');
  const stillReads = await post(b, '{ products { totalCount } }', {}, colleague.token, 'atelier');
  expect(stillReads.errors).toBeUndefined();
  expect(stillReads.data.products.totalCount).toBeGreaterThanOrEqual(1);

  // Her live feed on B streams what the owner does on A.
  const socket = connectWs(b.url, { authorization: `Bearer ${colleague.token}`, tenant: 'atelier' });
  try {
    const feed = operate(socket.client, 'subscription { tenantEvents(types: ["customer.created"]) { object } }');
    const createCustomer = async (name: string) => (await post(a, 'mutation($name: String!) { createCustomer(input: { name: $name }) { id } }', { name }, owner.token, 'atelier')).data.createCustomer.id;
    const delivered = (id: string) => feed.results.some((r) => r.data?.tenantEvents.object.id === id);
    await eventually(async () => {
      const probe = await createCustomer('Probe');
      return eventually(() => delivered(probe), 500).catch(() => false);
    }, 15_000, 0);

    // Removed on A: her next request on B finds no tenant, and her feed on B ends at the next event instead of delivering it.
    const removed = await post(a, 'mutation($id: ID!) { removeMember(userId: $id) { email } }', { id: colleague.id }, owner.token, 'atelier');
    expect(removed.data.removeMember.email).toBe('sara@atelier.test');
    expect(await soonOnB(() => post(b, '{ products { totalCount } }', {}, colleague.token, 'atelier'), 'TENANT_NOT_FOUND')).toBe('TENANT_NOT_FOUND');
    const after = await createCustomer('After her removal');
    expect(await endedWith(feed)).toEqual([expect.objectContaining({ extensions: { code: 'TENANT_NOT_FOUND' } })]);
    expect(delivered(after)).toBe(false);
  } finally {
    await socket.client.dispose();
  }
});
