// What metering adds to a request: one `admit` on the counter store. Measures
// sequential latency and concurrent throughput of the in-process and Redis stores.
//   npm run build && REDIS_URL=redis://127.0.0.1:6379 node dist/bench/usageStores.js
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { MemoryUsageStore } from '../src/billing/memoryUsageStore';
import { RedisUsageStore } from '../src/billing/redisUsageStore';
import type { UsageStore } from '../src/billing/usageStore';
import { createLogger } from '../src/logger';

const DAY = new Date().toISOString().slice(0, 10);
const CALLS = 20_000;

async function measure(name: string, store: UsageStore) {
  await store.seedMonth('bench-tenant', DAY.slice(0, 7), 0);
  let started = performance.now();
  for (let i = 0; i < CALLS; i++) await store.admit('bench-tenant', DAY, null);
  const sequentialUs = ((performance.now() - started) * 1000) / CALLS;
  started = performance.now();
  await Promise.all(Array.from({ length: CALLS }, () => store.admit('bench-tenant', DAY, null)));
  const perSecond = CALLS / ((performance.now() - started) / 1000);
  started = performance.now();
  const { flush, rows } = await store.take();
  const takeMs = performance.now() - started;
  await store.finish(flush);
  console.log(`${name.padEnd(10)} admit ${sequentialUs.toFixed(1)} µs each in sequence, ${Math.round(perSecond)} per second concurrently; take of ${rows[0]?.calls} calls ${takeMs.toFixed(1)} ms`);
  await store.close();
}

async function main() {
  await measure('in-process', new MemoryUsageStore());
  const url = process.env.REDIS_URL;
  if (!url) return console.log('Redis      (set REDIS_URL to measure)');
  const prefix = `bench-${process.pid}:`;
  await measure('Redis', new RedisUsageStore(url, prefix, createLogger('silent')));
  const redis = new Redis(url);
  await redis.del(`${prefix}usage:month:${DAY.slice(0, 7)}`, `${prefix}usage:flushes`, `${prefix}usage:flushing`);
  redis.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
