// Restoring an archived tenant: while its DROP job has not started, the tenant serves
// again with its data, and the job is canceled; once the drop has begun or is done,
// restore is refused. A DROP that still comes (queued before the restore) drops nothing.
import { tenantStorageName } from '../../src/db/identifiers';
import { enqueueJob, createJob } from '../../src/provisioning/jobs/jobQueue';
import { eventually } from '../support/eventually';
import { finishedJob } from '../support/provisioning';
import { tenantServer } from '../support/tenantServer';
import { testServerUrl } from '../support/database';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const ARCHIVE = `mutation($slug: String!) { archiveTenant(slug: $slug) { tenant { status } job { id status } } }`;
const RESTORE = `mutation($slug: String!) { restoreTenant(slug: $slug) { slug status } }`;
const SUSPEND = `mutation($slug: String!) { suspendTenant(slug: $slug, reason: "unpaid invoice 17") { status } }`;
const PRODUCTS = '{ products { totalCount } }';
const ADD_PRODUCT = 'mutation { createProduct(input: { sku: "KEEP-1", name: "kept", kind: GOODS, price: "1" }) { id } }';

let gw: TestGateway;
/** Archives with no grace period: its DROP job runs at once. */
let hasty: TestGateway;
let owner: TestUser;
let admin: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({ env: { ARCHIVE_GRACE_SECONDS: '3600' } });
  hasty = await startTestGateway({ sharing: gw, env: { ARCHIVE_GRACE_SECONDS: '0' } });
  owner = await gw.createUser();
  admin = await gw.createUser({ platformAdmin: true });
});
afterAll(async () => {
  await hasty.close();
  await gw.close();
});

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const server = tenantServer('postgresql', testServerUrl());
const databaseExists = async (slug: string) => {
  const name = tenantStorageName(gw.dbs.prefix, slug);
  return (await server.databases(name)).includes(name);
};
/** graphile-worker runs queued for the job (its job_key is the job's id). */
async function queuedRuns(jobId: string): Promise<number> {
  const [{ count }] = await gw.services.platform.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE key = ${jobId}`;
  return count;
}

async function archived(slug: string) {
  await gw.createTenant({ slug, owner });
  expect(code(await gw.request(ADD_PRODUCT, { token: owner.token, tenant: slug }))).toBe('ok');
  const response = await gw.request(ARCHIVE, { token: owner.token, variables: { slug } });
  expect(response.body.data.archiveTenant.tenant.status).toBe('ARCHIVED');
  return response.body.data.archiveTenant.job.id as string;
}

test('within the grace period the OWNER restores the tenant: it serves its data again and its DROP job is canceled', async () => {
  const dropJobId = await archived('second-thoughts');
  expect(code(await gw.request(PRODUCTS, { token: owner.token, tenant: 'second-thoughts' }))).toBe('TENANT_NOT_READY');
  expect(await queuedRuns(dropJobId)).toBe(1);

  const restored = await gw.request(RESTORE, { token: owner.token, variables: { slug: 'second-thoughts' } });
  expect(restored.body.data.restoreTenant).toEqual({ slug: 'second-thoughts', status: 'ACTIVE' });
  expect((await gw.request(PRODUCTS, { token: owner.token, tenant: 'second-thoughts' })).body.data.products.totalCount).toBe(1);
  expect(await queuedRuns(dropJobId)).toBe(0);
  expect(await finishedJob(gw, owner.token, dropJobId)).toMatchObject({ kind: 'DROP', status: 'SUCCEEDED', message: 'canceled: the tenant was restored, nothing was dropped' });

  const again = await gw.request(RESTORE, { token: owner.token, variables: { slug: 'second-thoughts' } });
  expect(again.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
  const tenant = await gw.services.platform.tenant.findUniqueOrThrow({ where: { slug: 'second-thoughts' } });
  expect(tenant.archivedAt).toBeNull();
  expect(await gw.services.platform.auditLog.findFirst({ where: { action: 'restoreTenant' } })).toMatchObject({ actorId: owner.id, tenantId: tenant.id });
});

test('a DROP that still runs for a restored tenant drops nothing', async () => {
  const dropJobId = await archived('come-back');
  expect(code(await gw.request(RESTORE, { token: owner.token, variables: { slug: 'come-back' } }))).toBe('ok');
  const tenant = (await gw.services.registry.find('come-back'))!;
  // The canceled run, queued again as if it had been picked before the restore; and a DROP row of its own, never canceled.
  await gw.services.platform.$transaction((tx) => enqueueJob(tx, { id: dropJobId, kind: 'DROP' }, { maxAttempts: 1 }));
  await eventually(async () => (await queuedRuns(dropJobId)) === 0, 30_000, 100);
  const stray = await gw.services.platform.$transaction((tx) => createJob(tx, tenant.id, 'DROP', { maxAttempts: 1, message: 'stray' }));
  expect(await finishedJob(gw, owner.token, stray.id)).toMatchObject({ status: 'SUCCEEDED', message: 'come-back is active again: nothing dropped' });
  expect(await databaseExists('come-back')).toBe(true);
  expect((await gw.request(PRODUCTS, { token: owner.token, tenant: 'come-back' })).body.data.products.totalCount).toBe(1);
});

test('once the drop has begun, or is done, restore is refused', async () => {
  const running = await archived('too-late');
  // A worker has taken the job: the database may be half gone.
  await gw.services.platform.provisioningJob.update({ where: { id: running }, data: { status: 'RUNNING', attempts: 1 } });
  const refused = await gw.request(RESTORE, { token: owner.token, variables: { slug: 'too-late' } });
  expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'slug' }, message: expect.stringContaining('grace period') });

  await hasty.createTenant({ slug: 'long-gone', owner });
  expect(code(await hasty.request('mutation { addTenantDomain(domain: "long-gone.example.org") { domain } }', { token: owner.token, tenant: 'long-gone' }))).toBe('ok');
  const archivedNow = await hasty.request(ARCHIVE, { token: owner.token, variables: { slug: 'long-gone' } });
  expect(await finishedJob(gw, owner.token, archivedNow.body.data.archiveTenant.job.id)).toMatchObject({ status: 'SUCCEEDED', message: expect.stringContaining('dropped database') });
  expect(await databaseExists('long-gone')).toBe(false);
  // Its domain is free for another tenant.
  expect(await gw.services.platform.tenantDomain.count({ where: { domain: 'long-gone.example.org' } })).toBe(0);
  const gone = await gw.request(RESTORE, { token: owner.token, variables: { slug: 'long-gone' } });
  expect(gone.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
  expect((await gw.services.platform.tenant.findUniqueOrThrow({ where: { slug: 'long-gone' } })).status).toBe('ARCHIVED');
});

test('a tenant that never served (its provisioning failed) cannot be restored', async () => {
  const tenant = await gw.createTenant({ slug: 'stillborn', owner });
  await gw.services.platform.tenant.update({ where: { id: tenant.id }, data: { status: 'FAILED' } });
  gw.services.registry.invalidate('stillborn');
  expect(code(await gw.request(ARCHIVE, { token: owner.token, variables: { slug: 'stillborn' } }))).toBe('ok');
  const refused = await gw.request(RESTORE, { token: owner.token, variables: { slug: 'stillborn' } });
  expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'slug' }, message: expect.stringContaining('was not serving') });
});

test('a tenant archived while suspended comes back suspended', async () => {
  await gw.createTenant({ slug: 'evasive', owner });
  expect(code(await gw.request(SUSPEND, { token: admin.token, variables: { slug: 'evasive' } }))).toBe('ok');
  expect(code(await gw.request(ARCHIVE, { token: owner.token, variables: { slug: 'evasive' } }))).toBe('ok');
  const restored = await gw.request(RESTORE, { token: owner.token, variables: { slug: 'evasive' } });
  expect(restored.body.data.restoreTenant.status).toBe('SUSPENDED');
  expect((await gw.request(PRODUCTS, { token: owner.token, tenant: 'evasive' })).body.errors?.[0].extensions).toEqual({ code: 'TENANT_SUSPENDED', reason: 'unpaid invoice 17' });
});

test('only its OWNER or a platform admin restores; to anyone else the tenant does not exist', async () => {
  await archived('guarded');
  const tenant = await gw.services.platform.tenant.findUniqueOrThrow({ where: { slug: 'guarded' } });
  const manager = await gw.createUser();
  await gw.services.platform.membership.create({ data: { userId: manager.id, tenantId: tenant.id, role: 'ADMIN' } });
  const stranger = await gw.createUser();
  expect(code(await gw.request(RESTORE, { token: manager.token, variables: { slug: 'guarded' } }))).toBe('FORBIDDEN');
  expect(code(await gw.request(RESTORE, { token: stranger.token, variables: { slug: 'guarded' } }))).toBe('TENANT_NOT_FOUND');
  expect((await gw.request(RESTORE, { token: admin.token, variables: { slug: 'guarded' } })).body.data.restoreTenant.status).toBe('ACTIVE');
});
