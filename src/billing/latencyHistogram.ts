// Request latency per tenant and day, kept as a histogram of fixed log-scale
// buckets: a day of any number of requests costs at most BUCKETS counters, counters
// add up across processes and tenants (a fleet's histogram is the sum of its
// tenants'), and a percentile is read from the counts. Bucket b holds latencies up to
// 2^(b/4) ms, so a percentile is at most 19% above the true value.

const STEPS_PER_DOUBLING = 4;
/** 2^(63/4) ms is about 55 s: anything slower lands in the last bucket. */
export const BUCKETS = 64;

/** The bucket a request of `ms` milliseconds counts in. */
export function latencyBucket(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(BUCKETS - 1, Math.ceil(Math.log2(ms) * STEPS_PER_DOUBLING));
}

/** The largest latency bucket `b` holds, in ms. */
export const bucketUpperMs = (b: number) => Math.round(2 ** (b / STEPS_PER_DOUBLING) * 100) / 100;

/** Requests of one tenant on one UTC day that took up to bucketUpperMs(bucket). */
export interface LatencyCount {
  tenantId: string;
  day: string;
  bucket: number;
  count: number;
}

/** The latency `quantile` (0-1) of the requests counted, in ms (the upper end of its bucket); null for none. */
export function latencyQuantile(counts: Iterable<Pick<LatencyCount, 'bucket' | 'count'>>, quantile: number): number | null {
  const byBucket = new Array<number>(BUCKETS).fill(0);
  let total = 0;
  for (const { bucket, count } of counts) {
    byBucket[bucket] += count;
    total += count;
  }
  if (total === 0) return null;
  const rank = Math.ceil(total * quantile);
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += byBucket[b];
    if (seen >= rank) return bucketUpperMs(b);
  }
  return bucketUpperMs(BUCKETS - 1);
}
