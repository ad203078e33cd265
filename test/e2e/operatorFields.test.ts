// The fields the operator console reads, for scripts as much as for the console:
// placement, the month's calls against the quota, storage, jobs (failed first),
// usage with p95 latency for the fleet and per tenant, the busiest tenants and the
// database servers. Platform admins read the fleet; a tenant's OWNER and ADMIN their
// own tenant; a VIEWER is refused with FORBIDDEN.
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const today = new Date().toISOString().slice(0, 10);
const STANDING = 'server apiCallsThisMonth storageUsedMb plan { maxApiCallsPerMonth }';
const JOBS = `query($tenant: String, $status: JobStatus) {
  provisioningJobs(tenant: $tenant, status: $status) { id kind status progress step attempts error tenant { slug } }
}`;
const TOTALS = `query($tenant: String) { usageTotals(from: "${today}", to: "${today}", tenant: $tenant) { day apiCalls apiErrors p95LatencyMs } }`;

let gw: TestGateway;
let owner: TestUser;
let viewer: TestUser;
let admin: TestUser;
let otherOwner: TestUser;
let failedJobId: string;

beforeAll(async () => {
  gw = await startTestGateway();
  [owner, viewer, admin, otherOwner] = await Promise.all([gw.createUser(), gw.createUser(), gw.createUser({ platformAdmin: true }), gw.createUser()]);
  const mine = await gw.createTenant({ slug: 'ops-mine', owner, members: [[viewer, 'VIEWER']] });
  const theirs = await gw.createTenant({ slug: 'ops-theirs', owner: otherOwner });
  // An export that failed, as a full disk would leave it (what the operator must see first), and a newer job that went well.
  const jobs = gw.services.platform.provisioningJob;
  failedJobId = (await jobs.create({ data: { tenantId: mine.id, kind: 'EXPORT', status: 'FAILED', step: 'store', progress: 40, attempts: 3, error: 'no space left on device' } })).id;
  await jobs.create({ data: { tenantId: theirs.id, kind: 'EXPORT', status: 'SUCCEEDED', step: 'store', progress: 100, attempts: 1 } });
  await jobs.create({ data: { tenantId: mine.id, kind: 'EXPORT', status: 'SUCCEEDED', step: 'store', progress: 100, attempts: 1 } });
  for (let i = 0; i < 3; i++) await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'ops-mine' });
  await gw.request('{ products { totalCount } }', { token: otherOwner.token, tenant: 'ops-theirs' });
}, 120_000);
afterAll(() => gw.close());

test('a platform admin reads every tenant’s placement, calls this month and storage; never a database URL', async () => {
  const response = await gw.request(`{ tenants(orderBy: [SLUG_ASC]) { nodes { slug ${STANDING} } } }`, { token: admin.token });
  expect(response.body.errors).toBeUndefined();
  const server = gw.services.servers.names()[0];
  expect(response.body.data.tenants.nodes).toEqual([
    { slug: 'ops-mine', server, apiCallsThisMonth: 3, storageUsedMb: expect.any(Number), plan: { maxApiCallsPerMonth: null } },
    { slug: 'ops-theirs', server, apiCallsThisMonth: 1, storageUsedMb: expect.any(Number), plan: { maxApiCallsPerMonth: null } },
  ]);
  expect(response.body.data.tenants.nodes[0].storageUsedMb).toBeGreaterThan(0);
});

test('an OWNER reads their own tenant’s standing and sees no other tenant', async () => {
  const response = await gw.request(`{ tenants { nodes { slug ${STANDING} } } }`, { token: owner.token });
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data.tenants.nodes).toEqual([expect.objectContaining({ slug: 'ops-mine', apiCallsThisMonth: 3 })]);
});

test.each(['server', 'apiCallsThisMonth', 'storageUsedMb'])('a VIEWER asking for %s is refused with FORBIDDEN', async (field) => {
  const response = await gw.request(`{ tenant(slug: "ops-mine") { slug ${field} } }`, { token: viewer.token });
  expect(response.body.data.tenant).toEqual({ slug: 'ops-mine', [field]: null });
  expect(response.body.errors).toEqual([expect.objectContaining({ path: ['tenant', field], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
});

test('jobs list failed jobs first with their error; a platform admin sees every tenant’s, an OWNER only theirs', async () => {
  const asAdmin = await gw.request(JOBS, { token: admin.token });
  const jobs = asAdmin.body.data.provisioningJobs;
  expect(jobs[0]).toEqual({ id: failedJobId, kind: 'EXPORT', status: 'FAILED', progress: 40, step: 'store', attempts: 3, error: 'no space left on device', tenant: { slug: 'ops-mine' } });
  expect(new Set(jobs.map((j: { tenant: { slug: string } }) => j.tenant.slug))).toEqual(new Set(['ops-mine', 'ops-theirs']));
  expect(jobs.slice(1).every((j: { status: string }) => j.status !== 'FAILED')).toBe(true);

  const asOwner = await gw.request(JOBS, { token: owner.token });
  expect(asOwner.body.data.provisioningJobs.map((j: { status: string; tenant: { slug: string } }) => [j.tenant.slug, j.status])).toEqual([
    ['ops-mine', 'FAILED'],
    ['ops-mine', 'SUCCEEDED'],
  ]);

  const failedOnly = await gw.request(JOBS, { token: admin.token, variables: { status: 'FAILED' } });
  expect(failedOnly.body.data.provisioningJobs.map((j: { id: string }) => j.id)).toEqual([failedJobId]);
});

test.each([
  ['a VIEWER of the tenant', 'FORBIDDEN'],
  ['an owner of another tenant', 'NOT_FOUND'],
])('%s naming the tenant’s jobs is refused with %s', async (who, code) => {
  const user = who === 'a VIEWER of the tenant' ? viewer : otherOwner;
  const response = await gw.request(JOBS, { token: user.token, variables: { tenant: 'ops-mine' } });
  expect(response.body.errors?.[0].extensions.code).toBe(code);
  expect(JSON.stringify(response.body)).not.toContain('no space left');
});

test('a VIEWER listing jobs sees none of the tenant’s', async () => {
  const response = await gw.request(JOBS, { token: viewer.token });
  expect(response.body.data.provisioningJobs).toEqual([]);
});

test('usage carries a p95 latency per tenant and day, and totals add the fleet up', async () => {
  const perTenant = await gw.request(`{ usage(from: "${today}", to: "${today}", tenant: "ops-mine") { day apiCalls p95LatencyMs } }`, { token: admin.token });
  expect(perTenant.body.data.usage).toEqual([{ day: today, apiCalls: 3, p95LatencyMs: expect.any(Number) }]);
  expect(perTenant.body.data.usage[0].p95LatencyMs).toBeGreaterThan(0);

  const fleet = await gw.request(TOTALS, { token: admin.token });
  expect(fleet.body.data.usageTotals).toEqual([{ day: today, apiCalls: 4, apiErrors: 0, p95LatencyMs: expect.any(Number) }]);
  const own = await gw.request(TOTALS, { token: owner.token, tenant: 'ops-mine' });
  expect(own.body.data.usageTotals).toEqual([expect.objectContaining({ day: today, apiCalls: 3 })]);
  const refused = await gw.request(TOTALS, { token: viewer.token, tenant: 'ops-mine' });
  expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('a platform admin reads the busiest tenants; a tenant OWNER may not', async () => {
  const query = `{ topTenants(from: "${today}", to: "${today}") { tenant { slug } apiCalls p95LatencyMs } }`;
  const response = await gw.request(query, { token: admin.token });
  expect(response.body.data.topTenants).toEqual([
    { tenant: { slug: 'ops-mine' }, apiCalls: 3, p95LatencyMs: expect.any(Number) },
    { tenant: { slug: 'ops-theirs' }, apiCalls: 1, p95LatencyMs: expect.any(Number) },
  ]);
  expect((await gw.request(query, { token: owner.token })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});

test('a platform admin reads each database server’s tenants, connections and reachability, without its URL; a tenant OWNER may not', async () => {
  const query = '{ databaseServers { name engine pooled tenants openConnections idleConnections maxConnections waiting waits timeouts reachable poolerReachable } }';
  const response = await gw.request(query, { token: admin.token });
  expect(response.body.errors).toBeUndefined();
  const [server] = response.body.data.databaseServers;
  expect(server).toMatchObject({ name: gw.services.servers.names()[0], tenants: 2, reachable: true, pooled: false, poolerReachable: null, timeouts: 0 });
  expect(server.maxConnections).toBeGreaterThan(0);
  expect(server.openConnections).toBeLessThanOrEqual(server.maxConnections);
  expect(JSON.stringify(response.body)).not.toMatch(/postgres(ql)?:\/\/|mysql:\/\/|mariadb:\/\//);
  expect((await gw.request(query, { token: owner.token })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
});
