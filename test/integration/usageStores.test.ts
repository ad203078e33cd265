// The counter stores under contention: processes counting and flushing at the same
// time never lose a count and never take one twice.
import { createLogger } from '../../src/logger';
import { MemoryUsageStore } from '../../src/billing/memoryUsageStore';
import { RedisUsageStore } from '../../src/billing/redisUsageStore';
import type { UsageRow, UsageStore } from '../../src/billing/usageStore';
import { deleteRedisKeys, startTestRedis, type TestRedis } from '../support/redis';

const log = createLogger('silent');
const DAY = '2026-11-22';
let redis: TestRedis;
const prefix = `usage-test-${process.pid}-${Date.now()}:`;

beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await deleteRedisKeys(redis.url, prefix);
  await redis.stop();
});

const total = (rows: UsageRow[]) => rows.reduce((sum, r) => ({ calls: sum.calls + r.calls, errors: sum.errors + r.errors }), { calls: 0, errors: 0 });

test('four Redis clients counting while four others take: every count is taken exactly once', async () => {
  const counters = Array.from({ length: 4 }, () => new RedisUsageStore(redis.url, prefix, log));
  const takers = Array.from({ length: 4 }, () => new RedisUsageStore(redis.url, prefix, log));
  try {
    await counters[0].seedMonth('tenant-a', '2026-11', 0);
    let counting = true;
    const taken: UsageRow[] = [];
    const taking = takers.map(async (store) => {
      while (counting) {
        const { flush, rows } = await store.take();
        taken.push(...rows);
        await store.finish(flush);
      }
    });
    await Promise.all(
      counters.map(async (store) => {
        for (let i = 0; i < 500; i++) {
          await store.admit('tenant-a', DAY, null);
          if (i % 5 === 0) await store.addError('tenant-a', DAY);
        }
      }),
    );
    counting = false;
    await Promise.all(taking);
    taken.push(...(await takers[0].take()).rows);
    expect(total(taken)).toEqual({ calls: 2000, errors: 400 });
    expect(await counters[1].monthCount('tenant-a', '2026-11')).toBe(2000);
  } finally {
    await Promise.all([...counters, ...takers].map((store) => store.close()));
  }
});

test.each<[string, () => UsageStore]>([
  ['in-process', () => new MemoryUsageStore()],
  ['Redis', () => new RedisUsageStore(redis.url, `${prefix}quota:`, log)],
])('%s: an unknown month is seeded once, refused calls are not counted, a flush is unfinished until its counts are written or given back', async (_name, make) => {
  const store = make();
  try {
    expect(await store.admit('tenant-b', DAY, 3)).toBeUndefined();
    await store.seedMonth('tenant-b', '2026-11', 2);
    await store.seedMonth('tenant-b', '2026-11', 0); // a late seeder does not reset the count
    expect(await store.admit('tenant-b', DAY, 3)).toEqual({ admitted: true, used: 3 });
    expect(await store.admit('tenant-b', DAY, 3)).toEqual({ admitted: false, used: 3 });
    expect(await store.flushState()).toEqual({ begun: 0, unfinished: 0 });
    const first = await store.take();
    expect(first.rows).toEqual([{ tenantId: 'tenant-b', day: DAY, calls: 1, errors: 0 }]);
    expect(await store.take()).toEqual({ flush: '', rows: [] }); // nothing pending: no flush begins
    expect(await store.peek()).toEqual({ rows: [], flushes: { begun: 1, unfinished: 1 } });
    await store.finish(first.flush, first.rows); // the database refused them: they go back
    expect(await store.peek()).toEqual({ rows: first.rows, flushes: { begun: 1, unfinished: 0 } });
    const second = await store.take();
    await store.finish(second.flush);
    expect(await store.peek()).toEqual({ rows: [], flushes: { begun: 2, unfinished: 0 } });
  } finally {
    await store.close();
  }
});
