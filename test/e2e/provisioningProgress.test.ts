// A client creates a tenant and watches its job over graphql-ws, on the in-process
// event bus and on Redis alike.
import { Redis } from 'ioredis';
import { tenantStorageName } from '../../src/db/identifiers';
import { jobChannel } from '../../src/provisioning/jobs/jobEvents';
import { eventually } from '../support/eventually';
import { connectWs, operate, type WsConnection } from '../support/graphqlWs';
import { holdMigrationLock } from '../support/jobBlockers';
import { PROGRESS, createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const STEPS = ['place', 'create', 'migrate', 'seed', 'verify', 'activate'];

describe.each([
  ['in-process', false],
  ['Redis', true],
])('over the %s event bus', (_bus, onRedis) => {
  let testRedis: TestRedis | undefined;
  let gw: TestGateway;
  let owner: TestUser;
  let ws: WsConnection;
  let redis: Redis | undefined;

  beforeAll(async () => {
    if (onRedis) testRedis = await startTestRedis();
    // No worker of its own: each test decides when jobs start running.
    gw = await startTestGateway({ env: { ...(testRedis ? { REDIS_URL: testRedis.url } : {}), JOB_CONCURRENCY: '0' } });
    owner = await gw.createUser();
    ws = connectWs(gw.url, { authorization: `Bearer ${owner.token}` });
    if (testRedis) redis = new Redis(testRedis.url);
  });
  afterAll(async () => {
    await ws.client.dispose();
    await redis?.quit();
    await gw.close();
    await testRedis?.stop();
  });

  /** Subscribers of a job's channel: this process's listeners, and Redis's own count when on Redis. */
  async function subscribers(jobId: string): Promise<number[]> {
    const local = gw.services.events.listenerCount(jobChannel(jobId));
    if (!redis) return [local];
    const [, remote] = (await redis.pubsub('NUMSUB', `${gw.services.config.redisKeyPrefix}events:${jobChannel(jobId)}`)) as [string, number];
    return [local, Number(remote)];
  }

  test('the owner sees the job queued, then every step as it happens, then SUCCEEDED, and the tenant serves', async () => {
    const { tenant, job } = await createTenantViaApi(gw, owner.token, { slug: 'watched' });
    expect(tenant.status).toBe('PROVISIONING');
    expect(job).toMatchObject({ status: 'QUEUED', progress: 0, kind: 'PROVISION' });

    const progress = operate(ws.client, PROGRESS, { jobId: job.id });
    await progress.until(() => true); // the job's current state arrived: it is now safe to let it run
    await gw.startWorker();
    const events = (await progress.done).map((r) => r.data.provisioningProgress);

    expect(events[0]).toMatchObject({ jobId: job.id, status: 'QUEUED', progress: 0, version: 0 });
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 100, error: null, attempts: 1 });
    const steps = [...new Set(events.map((e) => e.step).filter(Boolean))];
    expect(steps).toEqual(STEPS);
    for (let i = 1; i < events.length; i++) {
      expect(events[i].version).toBeGreaterThan(events[i - 1].version);
      expect(events[i].progress).toBeGreaterThanOrEqual(events[i - 1].progress);
    }
    const migrated = events.filter((e) => e.step === 'migrate').at(-1);
    expect(migrated.tablesCreated).toBe(migrated.totalTables);
    expect(migrated.totalTables).toBeGreaterThan(10);

    const products = await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'watched' });
    expect(products.body).toEqual({ data: { products: { totalCount: 0 } } });
    // Nothing is left listening once the subscription completed.
    await eventually(async () => (await subscribers(job.id)).every((n) => n === 0));
  });

  test('a subscriber arriving after the end gets the final state once, and the subscription completes', async () => {
    const { job } = await createTenantViaApi(gw, owner.token, { slug: 'late-watcher' });
    const finished = await finishedJob(gw, owner.token, job.id);
    expect(finished.status).toBe('SUCCEEDED');

    const late = await operate(ws.client, PROGRESS, { jobId: job.id }).done;
    expect(late.map((r) => r.data.provisioningProgress)).toEqual([expect.objectContaining({ status: 'SUCCEEDED', progress: 100 })]);
  });

  test('a subscriber that leaves mid-job leaves no listener behind, and the job still finishes', async () => {
    const lock = await holdMigrationLock(gw.dbs.serverUrl, tenantStorageName(gw.dbs.prefix, 'left-early'));
    try {
      const { job } = await createTenantViaApi(gw, owner.token, { slug: 'left-early' });
      const progress = operate(ws.client, PROGRESS, { jobId: job.id });
      await progress.until((r) => r.data?.provisioningProgress.step === 'migrate');
      expect(await subscribers(job.id)).toEqual((await subscribers(job.id)).map(() => 1));

      progress.stop();
      await eventually(async () => (await subscribers(job.id)).every((n) => n === 0));
      expect(gw.services.events.listenerCount()).toBe(1); // the tenant-change follower, nothing else

      await lock.release();
      expect((await finishedJob(gw, owner.token, job.id)).status).toBe('SUCCEEDED');
    } finally {
      await lock.release().catch(() => {});
    }
  });
});
