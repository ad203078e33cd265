// Latency percentiles read from log-scale bucket counts: never below the true value,
// at most one bucket (19%) above it, and fleet histograms add up.
import { BUCKETS, bucketUpperMs, latencyBucket, latencyQuantile } from '../../src/billing/latencyHistogram';

const countsOf = (latencies: number[]) => latencies.map((ms) => ({ bucket: latencyBucket(ms), count: 1 }));

test('each latency lands in a bucket whose upper end is at or above it and within 19%', () => {
  for (const ms of [1.5, 3, 12.7, 80, 250, 999, 4000, 30_000]) {
    const upper = bucketUpperMs(latencyBucket(ms));
    expect(upper).toBeGreaterThanOrEqual(ms);
    expect(upper).toBeLessThanOrEqual(ms * 1.19);
  }
  expect(latencyBucket(0)).toBe(0);
  expect(latencyBucket(10 ** 9)).toBe(BUCKETS - 1);
});

test('p95 of 100 requests is the 95th slowest, to its bucket', () => {
  const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
  const p95 = latencyQuantile(countsOf(latencies), 0.95)!;
  expect(p95).toBeGreaterThanOrEqual(95);
  expect(p95).toBeLessThanOrEqual(95 * 1.19);
});

test('no requests, no percentile; histograms of several tenants add up', () => {
  expect(latencyQuantile([], 0.95)).toBeNull();
  const fast = countsOf(Array(90).fill(5));
  const slow = countsOf(Array(10).fill(500));
  expect(latencyQuantile([...fast, ...slow], 0.95)).toBeGreaterThanOrEqual(500);
  expect(latencyQuantile([...fast, ...slow], 0.5)).toBeLessThan(6);
});
