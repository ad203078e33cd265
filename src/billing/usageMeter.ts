// API-call metering and the monthly quota, for any transport: the HTTP plugin
// (server/meteringPlugin.ts) calls `admit` once per operation that targets a
// tenant, and `recordError` when the operation ended with errors; a WebSocket
// transport does the same per operation.
//
// The request path costs one store operation (a Redis script, or a Map lookup):
// the quota comes from the cached plan, the month's count from the store. Its
// latency is counted after the response went out (one more operation, not waited for). The
// platform database is read only to seed a month's count the store does not know
// (first call of a month, a fresh process without Redis, a Redis that lost its data)
// and written by `flush`, every USAGE_FLUSH_SECONDS and on shutdown.
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLError } from 'graphql';
import type { PlatformDb } from '../db/platformClient';
import { rateLimited } from '../errors';
import { occasionalWarning, type Logger } from '../logger';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { startOfNextUtcMonth, startOfUtcMonth, utcDay, utcDays, utcMonth } from './calendar';
import { latencyBucket, type LatencyCount } from './latencyHistogram';
import type { PlanCatalog } from './planCatalog';
import { writeUsage } from './writeUsage';
import { sumByTenantAndDay, type UsageRow, type UsageStore } from './usageStore';

/** Whose usage (a tenant's, or every tenant's: null) over which UTC days, inclusive. */
export interface UsageFilter {
  tenantId: string | null;
  from: Date;
  to: Date;
}

export interface UsageVerdict {
  admitted: boolean;
  /** Calls counted this month; null when the counters could not be reached and the call was let through. */
  used: number | null;
  /** The plan's monthly quota; null: unlimited. */
  quota: number | null;
  resetsAt: Date;
}

export interface UsageMeterOptions {
  store: UsageStore;
  platform: PlatformDb;
  plans: PlanCatalog;
  log: Logger;
  flushMs: number;
}

// A flush takes milliseconds: a reader waits out a few before giving its last reading.
const READ_ATTEMPTS = 20;
const READ_RETRY_MS = 10;

export class UsageMeter {
  private readonly seeding = new Map<string, Promise<void>>();
  private flushing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly warn: (error: unknown, message: string) => void;

  constructor(private readonly options: UsageMeterOptions) {
    this.warn = occasionalWarning(options.log);
    this.timer = setInterval(() => this.flush().catch((error: unknown) => this.warn(error, 'flushing usage failed; kept for the next try')), options.flushMs);
    this.timer.unref();
  }

  /**
   * Counts one API call for the tenant unless its plan's monthly quota is used up.
   * When the counters cannot be reached the call is let through (and logged):
   * metering must not take the API down with it.
   */
  async admit(tenant: Pick<TenantRecord, 'id' | 'planId'>, now = new Date()): Promise<UsageVerdict> {
    const { maxApiCallsPerMonth: quota } = await this.options.plans.get(tenant.planId);
    const resetsAt = startOfNextUtcMonth(now);
    try {
      const day = utcDay(now);
      let admission = await this.options.store.admit(tenant.id, day, quota);
      if (!admission) {
        await this.seed(tenant.id, now);
        admission = await this.options.store.admit(tenant.id, day, quota);
      }
      if (admission) return { ...admission, quota, resetsAt };
      throw new Error('the month counter is missing right after seeding');
    } catch (error) {
      this.warn(error, 'usage counters unreachable: API call let through uncounted');
      return { admitted: true, used: null, quota, resetsAt };
    }
  }

  /** Counts an operation that ended with errors; never waits and never fails the caller. */
  recordError(tenantId: string, now = new Date()): void {
    this.options.store.addError(tenantId, utcDay(now)).catch((error: unknown) => this.warn(error, 'could not count an API error'));
  }

  /** Counts how long an operation of the tenant took; never waits and never fails the caller. */
  recordLatency(tenantId: string, ms: number, now = new Date()): void {
    this.options.store.addLatency(tenantId, utcDay(now), latencyBucket(ms)).catch((error: unknown) => this.warn(error, 'could not count an API latency'));
  }

  /** Latency counts per day from `from` to `to` (UTC days, inclusive) of one tenant or all; none when the counters cannot be reached. */
  async latency(filter: UsageFilter): Promise<LatencyCount[]> {
    try {
      const counts = await this.options.store.latency(utcDays(filter.from, filter.to));
      return filter.tenantId ? counts.filter((c) => c.tenantId === filter.tenantId) : counts;
    } catch (error) {
      this.warn(error, 'usage counters unreachable: no latencies to show');
      return [];
    }
  }

  /** Calls counted for the tenant in the current month. */
  async monthToDate(tenantId: string, now = new Date()): Promise<number> {
    const known = await this.options.store.monthCount(tenantId, utcMonth(now));
    if (known !== undefined) return known;
    await this.seed(tenantId, now);
    return (await this.options.store.monthCount(tenantId, utcMonth(now))) ?? 0;
  }

  /**
   * Daily counts from `from` to `to` (UTC days, inclusive) of one tenant or all,
   * flushed or not. A flush moves counts from the store to the database; a reading
   * taken while one was under way is taken again, so a count is never missed or
   * seen twice. Under flushes without pause it gives its last reading after a few tries.
   */
  async daily(filter: UsageFilter): Promise<UsageRow[]> {
    const unreachable = (error: unknown) => (this.warn(error, 'usage counters unreachable: usage shows flushed counts only'), undefined);
    let stored: UsageRow[] = [];
    let pending: UsageRow[] = [];
    for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
      const before = await this.options.store.flushState().catch(unreachable);
      if (before && before.unfinished > 0 && attempt < READ_ATTEMPTS) {
        await sleep(READ_RETRY_MS);
        continue;
      }
      stored = await this.storedDaily(filter);
      const after = before && (await this.options.store.peek().catch(unreachable));
      pending = after?.rows ?? [];
      if (!before || !after || after.flushes.begun === before.begun) break;
    }
    const [from, to] = [utcDay(filter.from), utcDay(filter.to)];
    const wanted = pending.filter((p) => p.day >= from && p.day <= to && (!filter.tenantId || p.tenantId === filter.tenantId));
    return sumByTenantAndDay([...stored, ...wanted]).sort((a, b) => a.day.localeCompare(b.day) || a.tenantId.localeCompare(b.tenantId));
  }

  /** Writes the pending counts to UsageMetric. Counts the database refuses go back to the store. */
  flush(): Promise<void> {
    return (this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined)));
  }

  /** Stops the timer and writes what is left: call on shutdown. Rejects when the counts could not be written, so the shutdown reports it. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing?.catch(() => {});
    try {
      await this.flushOnce();
    } finally {
      await this.options.store.close();
    }
  }

  private async flushOnce(): Promise<void> {
    const { flush, rows } = await this.options.store.take();
    if (!rows.length) return;
    try {
      await writeUsage(this.options.platform, rows);
    } catch (error) {
      await this.options.store.finish(flush, rows);
      throw error;
    }
    await this.options.store.finish(flush);
  }

  private async storedDaily(filter: { tenantId: string | null; from: Date; to: Date }): Promise<UsageRow[]> {
    const stored = await this.options.platform.usageMetric.findMany({
      where: { ...(filter.tenantId ? { tenantId: filter.tenantId } : {}), day: { gte: filter.from, lte: filter.to } },
    });
    return stored.map((m) => ({ tenantId: m.tenantId, day: utcDay(m.day), calls: m.apiCalls, errors: m.apiErrors }));
  }

  /** Starts the store's count for the month from what the database holds; concurrent callers share one read. */
  private seed(tenantId: string, now: Date): Promise<void> {
    const month = utcMonth(now);
    const key = `${tenantId}|${month}`;
    let pending = this.seeding.get(key);
    if (!pending) {
      pending = this.options.platform.usageMetric
        .aggregate({ _sum: { apiCalls: true }, where: { tenantId, day: { gte: startOfUtcMonth(now), lt: startOfNextUtcMonth(now) } } })
        .then((sum) => this.options.store.seedMonth(tenantId, month, sum._sum.apiCalls ?? 0))
        .finally(() => this.seeding.delete(key));
      this.seeding.set(key, pending);
    }
    return pending;
  }

}

/** RATE_LIMITED for a refused call, with what the client needs to back off. */
export function quotaExceeded(verdict: UsageVerdict, now = Date.now()): GraphQLError {
  return rateLimited(
    `the plan's quota of ${verdict.quota} API calls this month is used up; it resets at ${verdict.resetsAt.toISOString()}, or change to a larger plan`,
    Math.max(1, Math.ceil((verdict.resetsAt.getTime() - now) / 1000)),
    { quota: verdict.quota, used: verdict.used, resetsAt: verdict.resetsAt.toISOString() },
  );
}
