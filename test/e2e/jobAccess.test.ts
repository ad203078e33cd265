// A tenant's jobs are followed and managed by its OWNERs and ADMINs and by platform
// admins; nobody else learns anything about them: to someone outside the tenant, its
// job is as missing as an id that was never a job's.
import { connectWs, operate } from '../support/graphqlWs';
import { JOB, PROGRESS, createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let owner: TestUser;
let jobId: string;
const people: Record<string, TestUser> = {};

beforeAll(async () => {
  gw = await startTestGateway();
  owner = await gw.createUser();
  const { tenant, job } = await createTenantViaApi(gw, owner.token, { slug: 'guarded' });
  jobId = job.id;
  await finishedJob(gw, owner.token, jobId);
  for (const role of ['ADMIN', 'MEMBER', 'VIEWER'] as const) {
    people[role] = await gw.createUser();
    await gw.services.platform.membership.create({ data: { userId: people[role].id, tenantId: tenant.id, role } });
  }
  people.stranger = await gw.createUser();
  people.platformAdmin = await gw.createUser({ platformAdmin: true });
  // A tenant of the stranger's own, to make sure owning something elsewhere does not help.
  await createTenantViaApi(gw, people.stranger.token, { slug: 'elsewhere' });
});
afterAll(() => gw.close());

async function subscribeAs(user: TestUser) {
  const { client } = connectWs(gw.url, { authorization: `Bearer ${user.token}` });
  try {
    return await operate(client, PROGRESS, { jobId }).done;
  } finally {
    await client.dispose();
  }
}

test.each([
  ['stranger', 'NOT_FOUND'],
  ['MEMBER', 'FORBIDDEN'],
  ['VIEWER', 'FORBIDDEN'],
])("a %s's subscription to the job is refused with %s and learns nothing", async (who, code) => {
  const results = await subscribeAs(people[who]);
  // graphql-js reports a refused subscription as one result with errors only; then it completes.
  expect(results).toEqual([{ errors: [expect.objectContaining({ extensions: { code }, path: ['provisioningProgress'] })] }]);
  expect(JSON.stringify(results)).not.toContain('guarded');
});

test.each([
  ['the tenant’s ADMIN', 'ADMIN'],
  ['a platform admin', 'platformAdmin'],
])('%s may follow the job', async (_label, who) => {
  const results = await subscribeAs(people[who]);
  expect(results.map((r) => r.data.provisioningProgress.status)).toEqual(['SUCCEEDED']);
});

test.each([
  ['missing to a stranger', 'stranger', 'NOT_FOUND'],
  ['refused to a MEMBER', 'MEMBER', 'FORBIDDEN'],
  ['shown to an ADMIN', 'ADMIN', undefined],
  ['shown to a platform admin', 'platformAdmin', undefined],
])('provisioningJob is %s', async (_label, who, code) => {
  const response = await gw.request(JOB, { token: people[who].token, variables: { id: jobId } });
  expect(response.body.errors?.[0].extensions.code).toBe(code);
  if (!code) expect(response.body.data.provisioningJob).toMatchObject({ id: jobId, status: 'SUCCEEDED', tenant: { slug: 'guarded' } });
});

const UNKNOWN_JOB = '00000000-0000-7000-8000-000000000000';

test.each([
  ['provisioningJob', JOB],
  ['retryProvisioning', 'mutation($id: ID!) { retryProvisioning(jobId: $id) { status } }'],
])('%s answers a stranger about another tenant’s job exactly as about a job that does not exist', async (_field, query) => {
  const theirs = await gw.request(query, { token: people.stranger.token, variables: { id: jobId } });
  const none = await gw.request(query, { token: people.stranger.token, variables: { id: UNKNOWN_JOB } });
  expect(theirs.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  expect(theirs).toEqual(none);
});

test('the subscription answers a stranger about another tenant’s job exactly as about a job that does not exist', async () => {
  const { client } = connectWs(gw.url, { authorization: `Bearer ${people.stranger.token}` });
  try {
    const theirs = await operate(client, PROGRESS, { jobId }).done;
    expect(await operate(client, PROGRESS, { jobId: UNKNOWN_JOB }).done).toEqual(theirs);
  } finally {
    await client.dispose();
  }
});

test.each([
  ['a malformed id is BAD_USER_INPUT', 'not-an-id', 'BAD_USER_INPUT'],
  ['an unknown id is NOT_FOUND', UNKNOWN_JOB, 'NOT_FOUND'],
])('%s', async (_what, id, code) => {
  const response = await gw.request(JOB, { token: owner.token, variables: { id } });
  expect(response.body.errors?.[0].extensions.code).toBe(code);
});

test('without a token, the subscription asks to sign in', async () => {
  const { client } = connectWs(gw.url);
  try {
    const [result] = await operate(client, PROGRESS, { jobId }).done;
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  } finally {
    await client.dispose();
  }
});
