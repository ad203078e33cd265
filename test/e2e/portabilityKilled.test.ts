// Exports and restores are jobs: a gateway process killed (SIGKILL) in the middle of
// one leaves nothing half done, and the process that replaces it finishes the job. The
// archives live in a real S3-compatible store here, as in a fleet whose processes share
// no disk.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestGateway } from '../support/testGateway';
import { testDatabases } from '../support/database';
import { eventually } from '../support/eventually';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { connectWs, operate, type WsConnection } from '../support/graphqlWs';
import { holdJobRow, jobUpdateIsWaiting } from '../support/jobBlockers';
import { PROGRESS } from '../support/provisioning';
import { deleteRedisKeys, startTestRedis, type TestRedis } from '../support/redis';
import { startS3Server, type TestS3Server } from '../support/s3Server';
import { graphqlRequest } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { fillThroughApi } from '../support/tenantArchive';

const dbs = testDatabases();
let s3: TestS3Server;
/** The event bus between the processes: a client on A follows the jobs B runs. */
let redis: TestRedis;
let env: Record<string, string>;
let dataDir: string;
/** Serves; B runs the jobs and is the one killed. */
let a: GatewayProcess;
let b: GatewayProcess;
let token: string;
let ws: WsConnection;

const PRODUCTS = '{ products(first: 100, orderBy: [SKU_ASC]) { nodes { id sku price } } }';

async function post(query: string, variables: Record<string, unknown> = {}, tenant?: string) {
  const response = await graphqlRequest(a.url, query, { token, variables, tenant });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data;
}

const apiOn = (slug: string): TenantApi => tenantApi({ request: (query, options) => graphqlRequest(a.url, query, options) } as TestGateway, token, slug);

beforeAll(async () => {
  s3 = await startS3Server();
  redis = await startTestRedis();
  dataDir = await mkdtemp(path.join(tmpdir(), 'tenantgraph-killed-'));
  env = { ...processEnv(dbs), ...s3.env(), DATA_DIR: dataDir, REDIS_URL: redis.url, JOB_STALE_SECONDS: '2', JOB_MAX_ATTEMPTS: '3' };
  a = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '0' });
  b = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });
  const signUp = await graphqlRequest(a.url, 'mutation { signUp(input: { email: "ops@example.com", password: "long enough", name: "Ops" }) { token } }');
  token = signUp.body.data.signUp.token;
  ws = connectWs(a.url, { authorization: `Bearer ${token}` });
}, 120_000);

afterAll(async () => {
  await ws?.client.dispose();
  await Promise.all([a?.stop(), b?.stop()]);
  await dbs.drop();
  await deleteRedisKeys(redis.url, env.REDIS_KEY_PREFIX);
  await redis.stop();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** `waiting`, or its error with what B printed: why a job never reached its worker is in the worker's log. */
async function withWorkerLog<T>(waiting: Promise<T>): Promise<T> {
  try {
    return await waiting;
  } catch (error) {
    const state = b.child.exitCode ?? b.child.signalCode ?? 'running';
    throw new Error(`${(error as Error).message}; the worker (${state}) printed:\n${b.output().slice(-6000)}`);
  }
}

/**
 * Holds the job from its start, lets it run until it reports `step`, holds it at its
 * next write there, kills B and starts another B: the job's events to the end.
 */
async function killedAt(jobId: string, step: string) {
  let row = await holdJobRow(dbs.platformUrl, jobId);
  const progress = operate(ws.client, PROGRESS, { jobId });
  await withWorkerLog(eventually(() => jobUpdateIsWaiting(dbs.platformUrl)));
  await row.release();
  await progress.until((r) => r.data?.provisioningProgress.step === step);
  row = await holdJobRow(dbs.platformUrl, jobId);
  await withWorkerLog(eventually(() => jobUpdateIsWaiting(dbs.platformUrl)));
  b.child.kill('SIGKILL');
  expect(await b.exited).toBe('SIGKILL');
  await row.release();
  b = await startGatewayProcess({ ...env, JOB_CONCURRENCY: '1' });
  return (await progress.done).map((r) => r.data.provisioningProgress);
}

async function activeTenant(slug: string, input: Record<string, unknown> = {}) {
  const { createTenant } = await post('mutation($i: CreateTenantInput!) { createTenant(input: $i) { job { id } } }', { i: { slug, name: slug, ...input } });
  const events = (await operate(ws.client, PROGRESS, { jobId: createTenant.job.id }).done).map((r) => r.data.provisioningProgress);
  expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED' });
}

test('an export whose process is killed mid-snapshot is written whole by the next one; a restore killed while it builds beside the live data is finished by the next one', async () => {
  await activeTenant('survivor');
  const source = apiOn('survivor');
  await fillThroughApi(source);

  const { exportTenant } = await post('mutation { exportTenant(tenant: "survivor") { id job { id } } }');
  const exported = await killedAt(exportTenant.job.id, 'snapshot');
  expect(exported.at(-1)).toMatchObject({ kind: 'EXPORT', status: 'SUCCEEDED', attempts: 2 });
  const { tenantExport } = await post('query($id: ID!) { tenantExport(id: $id) { status sha256 downloadUrl } }', { id: exportTenant.id });
  expect(tenantExport.status).toBe('READY');
  const link = new URL(tenantExport.downloadUrl);
  const download = await fetch(new URL(`${link.pathname}${link.search}`, a.url));
  expect(createHash('sha256').update(Buffer.from(await download.arrayBuffer())).digest('hex')).toBe(tenantExport.sha256);
  // Nothing of the killed run is left on the disk: the store is S3, the spool empty.
  expect(await readdir(path.join(dataDir, 'spool'))).toEqual([]);

  // The source changes; the restore brings back the export's moment.
  const before = { products: await source.call(PRODUCTS), balances: await balancesByCode(source) };
  await source.createProduct({ sku: 'LATER', name: 'made after the export', kind: 'GOODS', price: '5' });
  const { restoreTenantFrom } = await post('mutation($e: ID!) { restoreTenantFrom(tenant: "survivor", exportId: $e) { job { id } } }', { e: exportTenant.id });
  const restored = await killedAt(restoreTenantFrom.job.id, 'build');
  expect(restored.at(-1)).toMatchObject({ kind: 'RESTORE', status: 'SUCCEEDED', attempts: 2 });
  expect({ products: await source.call(PRODUCTS), balances: await balancesByCode(source) }).toEqual(before);
  expect(await readdir(path.join(dataDir, 'spool'))).toEqual([]);
}, 120_000);
