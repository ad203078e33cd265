// A subscription is allowed for as long as its caller's access lasts: each event is
// delivered only once the caller's access is asked again. A member removed, an API
// key revoked, a role lowered: the next event is not delivered, and the subscription
// ends with the error a request would get now.
import { eventually } from '../support/eventually';
import { connectWs, endedWith, operate, type WsOperation } from '../support/graphqlWs';
import { PROGRESS, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const FEED = 'subscription { tenantEvents(types: ["customer.created"]) { id object } }';
const CUSTOMER = 'mutation($name: String!) { createCustomer(input: { name: $name }) { id } }';

let gw: TestGateway;
let owner: TestUser;
const sockets: Array<ReturnType<typeof connectWs>> = [];

beforeAll(async () => {
  // No job runs until a test starts a worker.
  gw = await startTestGateway({ env: { JOB_CONCURRENCY: '0' } });
  owner = await gw.createUser();
});
afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.client.dispose()));
  await gw.close();
});

function subscribe(params: Record<string, unknown>, query: string, variables?: Record<string, unknown>): WsOperation {
  const socket = connectWs(gw.url, params);
  sockets.push(socket);
  return operate(socket.client, query, variables);
}

async function createCustomer(slug: string, name: string): Promise<string> {
  const { body } = await gw.request(CUSTOMER, { token: owner.token, tenant: slug, variables: { name } });
  expect(body.errors).toBeUndefined();
  return body.data.createCustomer.id;
}

const delivered = (feed: WsOperation, customerId: string) => feed.results.some((r) => r.data?.tenantEvents.object.id === customerId);

/** Creates customers until the feed delivers one: the subscription is listening from then on. */
async function listening(feed: WsOperation, slug: string): Promise<void> {
  await eventually(async () => {
    const id = await createCustomer(slug, 'Probe');
    return eventually(() => delivered(feed, id), 500).catch(() => false);
  }, 15_000, 0);
}

test('a member removed from the tenant gets no further event: the feed ends with TENANT_NOT_FOUND, as HTTP answers', async () => {
  const member = await gw.createUser();
  await gw.createTenant({ slug: 'removal-shop', owner, members: [[member, 'VIEWER']] });
  const feed = subscribe({ authorization: `Bearer ${member.token}`, tenant: 'removal-shop' }, FEED);
  await listening(feed, 'removal-shop');

  const removed = await gw.request('mutation($id: ID!) { removeMember(userId: $id) { email } }', { token: owner.token, tenant: 'removal-shop', variables: { id: member.id } });
  expect(removed.body.errors).toBeUndefined();
  const overHttp = await gw.request('{ customers { totalCount } }', { token: member.token, tenant: 'removal-shop' });
  expect(overHttp.body.errors?.[0].extensions.code).toBe('TENANT_NOT_FOUND');

  const after = await createCustomer('removal-shop', 'After the removal');
  expect(await endedWith(feed)).toEqual([expect.objectContaining({ extensions: { code: 'TENANT_NOT_FOUND' } })]);
  expect(delivered(feed, after)).toBe(false);
});

test('an API key revoked gets no further event: the feed ends with UNAUTHENTICATED, as HTTP answers', async () => {
  await gw.createTenant({ slug: 'key-shop', owner });
  const created = await gw.request('mutation { createApiKey(name: "dashboard", role: VIEWER) { key apiKey { id } } }', { token: owner.token, tenant: 'key-shop' });
  const { key, apiKey } = created.body.data.createApiKey;
  const feed = subscribe({ apiKey: key }, FEED);
  await listening(feed, 'key-shop');

  const revoked = await gw.request('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { token: owner.token, tenant: 'key-shop', variables: { id: apiKey.id } });
  expect(revoked.body.errors).toBeUndefined();
  expect((await gw.request('{ customers { totalCount } }', { headers: { 'x-api-key': key } })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

  const after = await createCustomer('key-shop', 'After the revocation');
  expect(await endedWith(feed)).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  expect(delivered(feed, after)).toBe(false);
});

test('access is read again once per SESSION_CACHE_SECONDS (5), not per event: that bounds a change whose announcement was lost', async () => {
  const member = await gw.createUser();
  await gw.createTenant({ slug: 'quiet-shop', owner, members: [[member, 'VIEWER']] });
  const feed = subscribe({ authorization: `Bearer ${member.token}`, tenant: 'quiet-shop' }, FEED);
  await listening(feed, 'quiet-shop');

  // The membership ends behind the gateway's back: no announcement, as if it were lost.
  await gw.services.platform.membership.deleteMany({ where: { userId: member.id, tenant: { slug: 'quiet-shop' } } });
  const trusted = await createCustomer('quiet-shop', 'Within the window');
  await eventually(() => delivered(feed, trusted), 2_000);

  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const after = await createCustomer('quiet-shop', 'After the window');
  expect(await endedWith(feed)).toEqual([expect.objectContaining({ extensions: { code: 'TENANT_NOT_FOUND' } })]);
  expect(delivered(feed, after)).toBe(false);
});

test('a job’s watchers removed from its tenant, or no longer its ADMIN, get no further progress; its OWNER sees it to the end', async () => {
  const removedAdmin = await gw.createUser();
  const demotedAdmin = await gw.createUser();
  const platformAdmin = await gw.createUser({ platformAdmin: true });
  await gw.createTenant({ slug: 'exporting', owner, members: [[removedAdmin, 'ADMIN'], [demotedAdmin, 'ADMIN']] });
  // An export job: it waits for a worker.
  const queued = await gw.request('mutation { exportTenant(tenant: "exporting") { job { id } } }', { token: platformAdmin.token });
  const jobId = queued.body.data.exportTenant.job.id;

  const watch = (user: TestUser) => subscribe({ authorization: `Bearer ${user.token}` }, PROGRESS, { jobId });
  const [removed, demoted, owned] = [watch(removedAdmin), watch(demotedAdmin), watch(owner)];
  for (const progress of [removed, demoted, owned]) expect((await progress.until(() => true)).data.provisioningProgress.status).toBe('QUEUED');

  const as = { token: owner.token, tenant: 'exporting' };
  expect((await gw.request('mutation($id: ID!) { removeMember(userId: $id) { email } }', { ...as, variables: { id: removedAdmin.id } })).body.errors).toBeUndefined();
  expect((await gw.request('mutation($id: ID!) { changeMemberRole(userId: $id, role: MEMBER) { role } }', { ...as, variables: { id: demotedAdmin.id } })).body.errors).toBeUndefined();
  // What the job query answers them now.
  const jobQuery = (user: TestUser) => gw.request('query($id: ID!) { provisioningJob(id: $id) { id } }', { token: user.token, variables: { id: jobId } });
  expect((await jobQuery(removedAdmin)).body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  expect((await jobQuery(demotedAdmin)).body.errors?.[0].extensions.code).toBe('FORBIDDEN');

  await gw.startWorker();
  expect((await finishedJob(gw, owner.token, jobId)).status).toBe('SUCCEEDED');
  const events = (await owned.done).map((r) => r.data.provisioningProgress.status);
  expect(events.at(-1)).toBe('SUCCEEDED');
  expect(await endedWith(removed)).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
  expect(await endedWith(demoted)).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  for (const progress of [removed, demoted]) expect(progress.results.map((r) => r.data.provisioningProgress.status)).toEqual(['QUEUED']);
});
