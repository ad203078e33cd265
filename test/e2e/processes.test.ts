// Several real gateway processes on one platform database and one Redis: A only
// serves (JOB_CONCURRENCY=0), B runs the jobs. A client on A follows jobs B runs;
// a change made through B reaches A at once; and a job whose process is killed
// mid-migration is finished by the process that replaces it.
import pg from 'pg';
import { tenantStorageName } from '../../src/db/identifiers';
import { totalTables } from '../../src/provisioning/tenantSchema';
import { loadMigrations } from '../../src/db/migrations';
import { pgConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { tenantSchemaProblems } from '../../src/provisioning/verifyTenantSchema';
import { onServer, testDatabases } from '../support/database';
import { eventually } from '../support/eventually';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { connectWs, operate, type WsConnection } from '../support/graphqlWs';
import { holdJobRow, holdMigrationLock, jobUpdateIsWaiting } from '../support/jobBlockers';
import { JOB, PROGRESS } from '../support/provisioning';
import { deleteRedisKeys, startTestRedis, type TestRedis } from '../support/redis';

const dbs = testDatabases();
const env = {
  ...processEnv(dbs),
  REDIS_URL: '',
  // Long enough that only the event bus can explain another process noticing a change at once.
  TENANT_CACHE_SECONDS: '300',
  JOB_STALE_SECONDS: '2',
  JOB_MAX_ATTEMPTS: '2',
};

let redis: TestRedis;
let a: GatewayProcess;
let b: GatewayProcess;
let token: string;
let ws: WsConnection;

async function post(gateway: GatewayProcess, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions: { code: string } }> };
}

const createTenant = async (slug: string) =>
  (await post(a, 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { job { id } } }', { input: { slug, name: slug } })).data.createTenant
    .job.id as string;

const jobOn = async (gateway: GatewayProcess, id: string) => (await post(gateway, JOB, { id })).data.provisioningJob;

beforeAll(async () => {
  redis = await startTestRedis();
  env.REDIS_URL = redis.url;
  // One after the other: the first migrates the fresh platform database.
  a = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '0' });
  b = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });
  const signUp = await fetch(a.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signUp(input: { email: "ops@example.com", password: "long enough", name: "Ops" }) { token } }' }),
  });
  token = ((await signUp.json()) as any).data.signUp.token;
  ws = connectWs(a.url, { authorization: `Bearer ${token}` });
}, 120_000);

afterAll(async () => {
  await ws?.client.dispose();
  const codes = await Promise.all([a?.stop(), b?.stop()]);
  await dbs.drop();
  await deleteRedisKeys(redis.url, env.REDIS_KEY_PREFIX);
  await redis.stop();
  expect(codes).toEqual([0, 0]); // both shut down cleanly
});

test('a client subscribed on gateway A receives, live, the events of the job gateway B runs', async () => {
  // Hold the job at its migrate step so the subscription is certainly there before the rest happens.
  const lock = await holdMigrationLock(dbs.serverUrl, tenantStorageName(dbs.prefix, 'relayed'));
  try {
    const jobId = await createTenant('relayed');
    const progress = operate(ws.client, PROGRESS, { jobId });
    await progress.until((r) => r.data?.provisioningProgress.step === 'migrate');
    await lock.release();
    const events = (await progress.done).map((r) => r.data.provisioningProgress);
    const afterRelease = events.slice(events.findIndex((e) => e.step === 'migrate') + 1);
    // Every table, then seed, verify and activate: far more than re-reading the row now and then would show.
    expect(afterRelease.filter((e) => e.message?.startsWith('created ')).length).toBe(totalTables(loadMigrations('tenant')));
    expect(afterRelease.map((e) => e.step)).toEqual(expect.arrayContaining(['seed', 'verify', 'activate']));
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 100 });
  } finally {
    await lock.release().catch(() => {});
  }
});

test('a tenant archived through gateway B stops serving on gateway A at once', async () => {
  const products = () => post(a, '{ products { totalCount } }', {}, { 'x-tenant': 'relayed' });
  expect((await products()).data.products.totalCount).toBe(0); // A now holds it as ACTIVE for 300 s
  const archived = await post(b, 'mutation { archiveTenant(slug: "relayed") { tenant { status } } }');
  expect(archived.data.archiveTenant.tenant.status).toBe('ARCHIVED');
  const refused = await eventually(async () => {
    const response = await products();
    return response.errors ? response : null;
  }, 2_000);
  expect(refused.errors?.[0].extensions.code).toBe('TENANT_NOT_READY');
});

test('a job whose process is killed mid-migration is finished by the process that replaces it', async () => {
  const slug = 'phoenix';
  const database = tenantStorageName(dbs.prefix, slug);
  const migrationLock = await holdMigrationLock(dbs.serverUrl, database);
  const jobId = await createTenant(slug);
  const progress = operate(ws.client, PROGRESS, { jobId });
  await progress.until((r) => r.data?.provisioningProgress.step === 'migrate');

  // Let the migration start, and stop it at its first progress report: a table created, the transaction open.
  const rowLock = await holdJobRow(dbs.platformUrl, jobId);
  await migrationLock.release();
  // The migration's transaction is open on the tenant database, waiting for its report to be written.
  const midMigration = async () =>
    (await jobUpdateIsWaiting(dbs.platformUrl)) &&
    (await onServer(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`, [database])).rowCount === 1;
  await eventually(midMigration);

  b.child.kill('SIGKILL');
  expect(await b.exited).toBe('SIGKILL');
  await rowLock.release();
  b = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });

  const events = (await progress.done).map((r) => r.data.provisioningProgress);
  expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 100, attempts: 2 });
  expect(await jobOn(a, jobId)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, error: null, tenant: { status: 'ACTIVE' } });

  const tenantDb = new pg.Client({ connectionString: withDatabase(dbs.serverUrl, database) });
  await tenantDb.connect();
  try {
    expect(await tenantSchemaProblems(pgConnection(tenantDb))).toEqual({ pending: [], modified: [], failed: [], missingTables: [] });
    expect((await tenantDb.query('SELECT count(*)::int AS n FROM "_prisma_migrations"')).rows[0].n).toBe(loadMigrations('tenant').migrations.length);
  } finally {
    await tenantDb.end();
  }
  const products = await post(a, '{ products { totalCount } }', {}, { 'x-tenant': slug });
  expect(products.data.products.totalCount).toBe(0);
});

test('a job whose process dies on every attempt ends FAILED, and so does its tenant', async () => {
  const slug = 'doomed';
  const lock = await holdMigrationLock(dbs.serverUrl, tenantStorageName(dbs.prefix, slug));
  try {
    const jobId = await createTenant(slug);
    const progress = operate(ws.client, PROGRESS, { jobId });
    for (let attempt = 1; attempt <= 2; attempt++) {
      // Each attempt waits at migrate for the lock we hold; then its process dies.
      await progress.until((r) => r.data?.provisioningProgress.step === 'migrate' && r.data.provisioningProgress.attempts === attempt);
      b.child.kill('SIGKILL');
      await b.exited;
      b = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });
    }
    const events = (await progress.done).map((r) => r.data.provisioningProgress);
    expect(events.at(-1)).toMatchObject({
      status: 'FAILED',
      error: 'gave up after 2 attempts: the last one stopped without finishing (its process ended)',
    });
    expect(await jobOn(a, jobId)).toMatchObject({ status: 'FAILED', tenant: { status: 'FAILED' } });
  } finally {
    await lock.release();
  }
});
