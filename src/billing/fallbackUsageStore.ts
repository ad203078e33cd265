// The counters of a gateway with REDIS_URL: Redis, and this process's own store
// while Redis is away, so an outage costs requests nothing. A call counted here
// during an outage is written to the database by the next flush like any other, and
// added to Redis's month counter (the quota's) once Redis answers again, at a flush.
//
// A failed Redis operation sends the request path to the local store for
// RETRY_AFTER_MS, so a Redis that hangs costs one request COMMAND_TIMEOUT_MS, not
// every request. Flushes always try Redis first: that is how its return is noticed
// even when no request comes.
import { occasionalWarning, type Logger } from '../logger';
import type { LatencyCount } from './latencyHistogram';
import { MemoryUsageStore } from './memoryUsageStore';
import type { RedisUsageStore } from './redisUsageStore';
import { monthOfDay, sumByTenantAndDay, type Admission, type FlushState, type TakenUsage, type UsageRow, type UsageStore } from './usageStore';

const RETRY_AFTER_MS = 2_000;
/** Between the Redis part and the local part of a flush's id. */
const SEPARATOR = '+';
const AWAY = Symbol('Redis is away');

export class FallbackUsageStore implements UsageStore {
  private readonly local = new MemoryUsageStore();
  private awayUntil = 0;
  /** `${tenantId}|${month}` -> calls admitted here while Redis was away, not yet in its month counter. */
  private readonly owed = new Map<string, number>();
  private readonly warn: (error: unknown, message: string) => void;

  constructor(
    private readonly redis: RedisUsageStore,
    log: Logger,
  ) {
    this.warn = occasionalWarning(log);
  }

  async admit(tenantId: string, day: string, quota: number | null): Promise<Admission | undefined> {
    const remote = await this.fromRedis(() => this.redis.admit(tenantId, day, quota));
    if (remote !== AWAY) return remote;
    // Quota as a process without Redis keeps it: the database's count plus this process's calls.
    const admission = await this.local.admit(tenantId, day, quota);
    if (admission?.admitted) {
      const key = `${tenantId}|${monthOfDay(day)}`;
      this.owed.set(key, (this.owed.get(key) ?? 0) + 1);
    }
    return admission;
  }

  async seedMonth(tenantId: string, month: string, calls: number): Promise<void> {
    if ((await this.fromRedis(() => this.redis.seedMonth(tenantId, month, calls))) === AWAY) await this.local.seedMonth(tenantId, month, calls);
  }

  async monthCount(tenantId: string, month: string): Promise<number | undefined> {
    const remote = await this.fromRedis(() => this.redis.monthCount(tenantId, month));
    return remote === AWAY ? this.local.monthCount(tenantId, month) : remote;
  }

  async addError(tenantId: string, day: string): Promise<void> {
    if ((await this.fromRedis(() => this.redis.addError(tenantId, day))) === AWAY) await this.local.addError(tenantId, day);
  }

  async addLatency(tenantId: string, day: string, bucket: number): Promise<void> {
    if ((await this.fromRedis(() => this.redis.addLatency(tenantId, day, bucket))) === AWAY) await this.local.addLatency(tenantId, day, bucket);
  }

  /** Redis's counts and those this process kept while Redis was away. */
  async latency(days: string[]): Promise<LatencyCount[]> {
    const remote = await this.fromRedis(() => this.redis.latency(days));
    return [...(remote === AWAY ? [] : remote), ...(await this.local.latency(days))];
  }

  /** Redis's pending counts and this process's, as one flush; first, Redis is handed the calls it is owed. */
  async take(): Promise<TakenUsage> {
    const remote = await this.tryRedis(async () => {
      await this.settleOwed();
      return this.redis.take();
    });
    const local = await this.local.take();
    const fromRedis = remote === AWAY ? { flush: '', rows: [] } : remote;
    // One row per tenant and day: the database takes each (tenant, day) once per statement.
    const rows = sumByTenantAndDay([...fromRedis.rows, ...local.rows]);
    return { flush: rows.length ? `${fromRedis.flush}${SEPARATOR}${local.flush}` : '', rows };
  }

  async finish(flush: string, giveBack: UsageRow[] = []): Promise<void> {
    const [remote, local] = flush.split(SEPARATOR);
    if (local) await this.local.finish(local);
    // Counts the database refused wait in Redis when it is there (they outlive this process), here otherwise.
    const finished = remote ? await this.tryRedis(() => this.redis.finish(remote, giveBack)) : AWAY;
    if (finished === AWAY && giveBack.length) await this.local.finish('', giveBack);
  }

  async peek(): Promise<{ rows: UsageRow[]; flushes: FlushState }> {
    const remote = await this.fromRedis(() => this.redis.peek());
    const local = await this.local.peek();
    if (remote === AWAY) return local;
    return { rows: sumByTenantAndDay([...remote.rows, ...local.rows]), flushes: added(remote.flushes, local.flushes) };
  }

  async flushState(): Promise<FlushState> {
    const remote = await this.fromRedis(() => this.redis.flushState());
    const local = await this.local.flushState();
    return remote === AWAY ? local : added(remote, local);
  }

  async close(): Promise<void> {
    await this.redis.close();
  }

  /** A Redis operation on the request path: not tried while Redis failed a moment ago. */
  private fromRedis<T>(operation: () => Promise<T>): Promise<T | typeof AWAY> {
    return Date.now() < this.awayUntil ? Promise.resolve(AWAY) : this.tryRedis(operation);
  }

  private async tryRedis<T>(operation: () => Promise<T>): Promise<T | typeof AWAY> {
    try {
      const result = await operation();
      if (this.awayUntil) this.back();
      return result;
    } catch (error) {
      this.awayUntil = Date.now() + RETRY_AFTER_MS;
      this.warn(error, 'Redis unreachable: API calls are counted in this process until it is back');
      return AWAY;
    }
  }

  private back(): void {
    this.awayUntil = 0;
    // Months counted here are stale from now on (Redis counts again): the next outage seeds them afresh.
    this.local.forgetMonths();
  }

  private async settleOwed(): Promise<void> {
    if (!this.owed.size) return;
    const owed = [...this.owed];
    this.owed.clear();
    try {
      await this.redis.addToMonths(owed.map(([key, calls]) => ({ tenantId: key.split('|')[0], month: key.split('|')[1], calls })));
    } catch (error) {
      for (const [key, calls] of owed) this.owed.set(key, (this.owed.get(key) ?? 0) + calls);
      throw error;
    }
  }
}

const added = (a: FlushState, b: FlushState): FlushState => ({ begun: a.begun + b.begun, unfinished: a.unfinished + b.unfinished });
