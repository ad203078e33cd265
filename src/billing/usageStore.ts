// Where API-call counters live between flushes: in Redis when REDIS_URL is set
// (shared by every gateway process), in this process otherwise. The meter
// (usageMeter.ts) is the only user; both stores keep the same promises.
import type { LatencyCount } from './latencyHistogram';

/** Calls and errors of one tenant on one UTC day (`2026-11-22`). */
export interface UsageRow {
  tenantId: string;
  day: string;
  calls: number;
  errors: number;
}

export interface Admission {
  admitted: boolean;
  /** Calls counted this month, this one included when admitted. */
  used: number;
}

/** What a flush took out; `flush` is empty when there was nothing to take. */
export interface TakenUsage {
  flush: string;
  rows: UsageRow[];
}

/**
 * Lets a reader of database + store tell that no flush moved counts while it read:
 * `begun` only grows, and `unfinished` counts flushes whose counts are neither in
 * the database nor back in the store yet.
 */
export interface FlushState {
  begun: number;
  unfinished: number;
}

export interface UsageStore {
  /**
   * Counts one call on `day` and in its month, atomically with the check that the
   * month's count is below `quota` (null: no quota); a refused call is not counted.
   * Undefined when the store does not know the month's count: seed it and ask again.
   */
  admit(tenantId: string, day: string, quota: number | null): Promise<Admission | undefined>;
  /** Sets the month's count, unless another caller has set it first. */
  seedMonth(tenantId: string, month: string, calls: number): Promise<void>;
  /** The month's count, or undefined when the store does not know it. */
  monthCount(tenantId: string, month: string): Promise<number | undefined>;
  addError(tenantId: string, day: string): Promise<void>;
  /** Counts one request in its latency bucket (latencyHistogram.ts). Kept LATENCY_DAYS, never written to the database. */
  addLatency(tenantId: string, day: string, bucket: number): Promise<void>;
  /** The latency counts of `days` (of every tenant). */
  latency(days: string[]): Promise<LatencyCount[]>;
  /**
   * Begins a flush: moves out every count not yet written to the database; no two
   * callers ever get the same count. The flush stays unfinished until `finish`.
   */
  take(): Promise<TakenUsage>;
  /** Ends a flush once its counts are in the database, or puts them back (`giveBack`) when the database refused them. */
  finish(flush: string, giveBack?: UsageRow[]): Promise<void>;
  /** The counts not yet taken, left in place, with the flushes as they stood at that moment. */
  peek(): Promise<{ rows: UsageRow[]; flushes: FlushState }>;
  flushState(): Promise<FlushState>;
  close(): Promise<void>;
}

/** How long a day's latency counts are kept. */
export const LATENCY_DAYS = 40;

export const monthOfDay = (day: string) => day.slice(0, 7);

/** One row per tenant and day, adding up the rows given for each. */
export function sumByTenantAndDay(rows: Iterable<UsageRow>): UsageRow[] {
  const sums = new Map<string, UsageRow>();
  for (const { tenantId, day, calls, errors } of rows) {
    const sum = sums.get(`${tenantId}|${day}`);
    if (sum) {
      sum.calls += calls;
      sum.errors += errors;
    } else sums.set(`${tenantId}|${day}`, { tenantId, day, calls, errors });
  }
  return [...sums.values()];
}
