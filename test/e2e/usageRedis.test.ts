// With REDIS_URL, gateways share the counters: calls made on two gateways add up,
// the quota is exact across them, and their concurrent flushes neither lose nor
// double a count. Their latency histograms are one, in Redis.
import { Redis } from 'ioredis';
import { eventually } from '../support/eventually';
import { createTestPlan } from '../support/plans';
import { startTestRedis, type TestRedis } from '../support/redis';
import { readUsageWhileFlushing } from '../support/usageReadings';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const LIST = '{ products { totalCount } }';
const today = new Date().toISOString().slice(0, 10);
const USAGE = `{ usage(from: "${today}", to: "${today}") { apiCalls apiErrors } }`;

let redis: TestRedis;
let a: TestGateway;
let b: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  redis = await startTestRedis();
  // Flush every second, so the two gateways flush many times while requests run.
  a = await startTestGateway({ env: { REDIS_URL: redis.url, USAGE_FLUSH_SECONDS: '1' } });
  b = await startTestGateway({ sharing: a });
  owner = await a.createUser();
  await createTestPlan(a, 'shared', { maxApiCallsPerMonth: 60 });
});
afterAll(async () => {
  await b.close();
  await a.close();
  await redis.stop();
});

/**
 * The usage a gateway reports, read again for a few seconds until it is `expected`:
 * an error is counted just after its response went out (UsageMeter.recordError
 * never holds a response up), so a reading right after a failed call may precede it.
 */
async function usageSettlingOn(gw: TestGateway, as: { token: string; tenant: string }, expected: unknown) {
  let usage: unknown;
  for (let attempt = 0; attempt < 50; attempt++) {
    usage = (await gw.request(USAGE, as)).body.data.usage;
    if (JSON.stringify(usage) === JSON.stringify(expected)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return usage;
}

const stored = async (gw: TestGateway, tenantId: string) => {
  const rows = await gw.services.platform.usageMetric.findMany({ where: { tenantId } });
  return rows.reduce((sum, m) => ({ calls: sum.calls + m.apiCalls, errors: sum.errors + m.apiErrors }), { calls: 0, errors: 0 });
};

test('calls on two gateways add up, and the quota trips exactly at the quota across both', async () => {
  const tenant = await a.createTenant({ slug: 'shared-shop', owner, plan: 'shared' });
  const as = { token: owner.token, tenant: 'shared-shop' };
  const statuses: number[] = [];
  // Bursts spread over a few seconds, so flushes on both gateways run in between.
  for (let round = 0; round < 5; round++) {
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).request(LIST, as)));
    statuses.push(...burst.map((r) => r.status));
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  expect(statuses.filter((s) => s === 200)).toHaveLength(60);
  expect(statuses.filter((s) => s === 429)).toHaveLength(40);

  // Either gateway reports the same totals, flushed or not.
  expect((await a.request(USAGE, as)).body.data.usage).toEqual([{ apiCalls: 60, apiErrors: 40 }]);
  expect((await b.request(USAGE, as)).body.data.usage).toEqual([{ apiCalls: 60, apiErrors: 40 }]);

  await a.services.usage.flush();
  await b.services.usage.flush();
  expect(await stored(a, tenant.id)).toEqual({ calls: 60, errors: 40 });
});

test('usage read while both gateways flush counts every call exactly once', async () => {
  const tenant = await a.createTenant({ slug: 'busy-flush', owner });
  const { readings, expected } = await readUsageWhileFlushing([a, b], tenant.id, { token: owner.token, tenant: 'busy-flush' });
  expect(readings).toEqual(expected);
});

test('the counts and the used-up quota survive restarting every gateway', async () => {
  await createTestPlan(a, 'restartable', { maxApiCallsPerMonth: 4 });
  const tenant = await a.createTenant({ slug: 'restart-redis', owner, plan: 'restartable' });
  const as = { token: owner.token, tenant: 'restart-redis' };
  const first = await startTestGateway({ sharing: a, env: { USAGE_FLUSH_SECONDS: '3600' } });
  for (let i = 0; i < 4; i++) expect((await first.request(LIST, as)).status).toBe(200);
  await first.stop();
  expect(await stored(a, tenant.id)).toEqual({ calls: 4, errors: 0 });

  const next = await startTestGateway({ sharing: a });
  try {
    expect((await next.request(LIST, as)).status).toBe(429);
    expect(await usageSettlingOn(next, as, [{ apiCalls: 4, apiErrors: 1 }])).toEqual([{ apiCalls: 4, apiErrors: 1 }]);
  } finally {
    await next.close();
  }
});

test('latencies of calls on both gateways land in one histogram in Redis, and either reads the p95 from it', async () => {
  const tenant = await a.createTenant({ slug: 'timed-shop', owner });
  const as = { token: owner.token, tenant: 'timed-shop' };
  for (let i = 0; i < 10; i++) await (i % 2 ? a : b).request(LIST, as);
  const client = new Redis(redis.url);
  try {
    // A latency is counted just after its response went out.
    const counted = await eventually(async () => {
      const counts = await client.hgetall(`${a.env.REDIS_KEY_PREFIX}usage:latency:${today}`);
      const total = Object.entries(counts)
        .filter(([field]) => field.startsWith(`${tenant.id}|`))
        .reduce((sum, [, n]) => sum + Number(n), 0);
      return total === 10 && total;
    }, 5_000);
    expect(counted).toBe(10);
  } finally {
    client.disconnect();
  }
  const p95 = `{ usage(from: "${today}", to: "${today}") { p95LatencyMs } }`;
  for (const gw of [a, b]) expect((await gw.request(p95, as)).body.data.usage[0].p95LatencyMs).toBeGreaterThan(0);
});
