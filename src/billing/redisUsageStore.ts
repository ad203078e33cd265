// API-call counters in Redis, shared by every gateway process of a platform.
//
//   usage:month:<YYYY-MM>  hash  tenantId -> calls this month (the quota counter)
//   usage:pending          hash  "<tenantId>|<day>|c" and "|e" -> calls and errors not yet taken
//   usage:flushes          int   flushes begun so far (each flush's id)
//   usage:flushing         zset  flushes not finished yet, scored by when they began
//   usage:latency:<day>    hash  "<tenantId>|<bucket>" -> requests of that latency (latencyHistogram.ts), kept LATENCY_DAYS
//
// Each operation is one Lua script or one transaction, so it is atomic however many
// processes share the keys: the quota check and the increment cannot be split by
// another process, and a flush moves the pending counts out (read and delete in one
// step) so two processes flushing at once never write the same count twice.
//
// Every operation fails fast when Redis is away (redisConnection.ts): the gateway
// counts in its own process then (fallbackUsageStore.ts).
import type { Redis, Result } from 'ioredis';
import type { Logger } from '../logger';
import { connectRedis } from '../redisConnection';
import type { LatencyCount } from './latencyHistogram';
import { LATENCY_DAYS, monthOfDay, sumByTenantAndDay, type Admission, type FlushState, type TakenUsage, type UsageRow, type UsageStore } from './usageStore';

const PENDING = 'usage:pending';
const FLUSHES = 'usage:flushes';
const FLUSHING = 'usage:flushing';
/** A flush unfinished for this long died with its process: readers stop waiting for it. */
const ABANDONED_AFTER_MS = 30_000;
const monthKey = (month: string) => `usage:month:${month}`;
const latencyKey = (day: string) => `usage:latency:${day}`;
/** A month's counter outlives the month by enough for late flushes and reports. */
const MONTH_TTL_SECONDS = 40 * 86_400;

// KEYS: month hash, pending hash. ARGV: tenantId, pending calls field, quota (-1: none).
// Returns {admitted (1/0, or -1 when the month is unknown), used}.
const ADMIT = `
local used = redis.call('HGET', KEYS[1], ARGV[1])
if not used then return {-1, 0} end
used = tonumber(used)
local quota = tonumber(ARGV[3])
if quota >= 0 and used >= quota then return {0, used} end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
return {1, redis.call('HINCRBY', KEYS[1], ARGV[1], 1)}
`;

// The server's clock, so every process ages flushes alike.
const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: pending hash, flushes counter, flushing zset. ARGV: abandoned-after ms.
// Moves the pending counts out and registers the flush, in one step.
// Returns {} when nothing is pending, else {flush id, field, value, field, value...}.
const TAKE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
local all = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
local flush = redis.call('INCR', KEYS[2])
${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[1]))
redis.call('ZADD', KEYS[3], now, flush)
table.insert(all, 1, tostring(flush))
return all
`;

// KEYS: month hash. ARGV: tenantId, calls.
// Adds calls counted elsewhere to a month Redis knows; a month it does not know is
// seeded from the database, which has them by then.
const ADD_TO_MONTH = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) end
`;

// KEYS: pending hash, flushes counter, flushing zset. ARGV: abandoned-after ms, 1 to include the pending counts.
// Returns {flushes begun, flushes unfinished, field, value...}.
const PEEK = `
${NOW_MS}
local result = {tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('ZCOUNT', KEYS[3], now - tonumber(ARGV[1]), '+inf')}
if ARGV[2] == '1' then
  for _, item in ipairs(redis.call('HGETALL', KEYS[1])) do table.insert(result, item) end
end
return result
`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    usageAdmit(month: string, pending: string, tenantId: string, field: string, quota: number): Result<[number, number], Context>;
    usageAddToMonth(month: string, tenantId: string, calls: number): Result<null, Context>;
    usageTake(pending: string, flushes: string, flushing: string, abandonedMs: number): Result<string[], Context>;
    usagePeek(pending: string, flushes: string, flushing: string, abandonedMs: number, withPending: 0 | 1): Result<Array<number | string>, Context>;
  }
}

function parsePending(flat: string[]): UsageRow[] {
  const counts: UsageRow[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const [tenantId, day, kind] = flat[i].split('|');
    const n = Number(flat[i + 1]);
    counts.push({ tenantId, day, calls: kind === 'e' ? 0 : n, errors: kind === 'e' ? n : 0 });
  }
  return sumByTenantAndDay(counts);
}

export class RedisUsageStore implements UsageStore {
  private readonly redis: Redis;
  /** Operations wait for the first connection attempt, not for an outage: a store used right after it is made works. */
  private readonly attempted: Promise<void>;

  constructor(url: string, keyPrefix: string, log: Logger) {
    const connection = connectRedis(url, { name: 'tenantgraph:usage', keyPrefix, log });
    this.redis = connection.redis;
    this.attempted = connection.attempted;
    this.redis.defineCommand('usageAdmit', { numberOfKeys: 2, lua: ADMIT });
    this.redis.defineCommand('usageAddToMonth', { numberOfKeys: 1, lua: ADD_TO_MONTH });
    this.redis.defineCommand('usageTake', { numberOfKeys: 3, lua: TAKE });
    this.redis.defineCommand('usagePeek', { numberOfKeys: 3, lua: PEEK });
  }

  async admit(tenantId: string, day: string, quota: number | null): Promise<Admission | undefined> {
    await this.attempted;
    const [admitted, used] = await this.redis.usageAdmit(monthKey(monthOfDay(day)), PENDING, tenantId, `${tenantId}|${day}|c`, quota ?? -1);
    return admitted === -1 ? undefined : { admitted: admitted === 1, used };
  }

  async seedMonth(tenantId: string, month: string, calls: number): Promise<void> {
    await this.attempted;
    await this.redis.multi().hsetnx(monthKey(month), tenantId, calls).expire(monthKey(month), MONTH_TTL_SECONDS).exec();
  }

  /** Adds calls admitted while Redis was away to the months' counters, so quotas count them too. */
  async addToMonths(calls: Array<{ tenantId: string; month: string; calls: number }>): Promise<void> {
    await this.attempted;
    const transaction = this.redis.multi();
    for (const { tenantId, month, calls: n } of calls) transaction.usageAddToMonth(monthKey(month), tenantId, n);
    await transaction.exec();
  }

  async monthCount(tenantId: string, month: string): Promise<number | undefined> {
    await this.attempted;
    const value = await this.redis.hget(monthKey(month), tenantId);
    return value === null ? undefined : Number(value);
  }

  async addError(tenantId: string, day: string): Promise<void> {
    await this.attempted;
    await this.redis.hincrby(PENDING, `${tenantId}|${day}|e`, 1);
  }

  async addLatency(tenantId: string, day: string, bucket: number): Promise<void> {
    await this.attempted;
    await this.redis.multi().hincrby(latencyKey(day), `${tenantId}|${bucket}`, 1).expire(latencyKey(day), LATENCY_DAYS * 86_400).exec();
  }

  async latency(days: string[]): Promise<LatencyCount[]> {
    await this.attempted;
    const pipeline = this.redis.pipeline();
    for (const day of days) pipeline.hgetall(latencyKey(day));
    const replies = (await pipeline.exec()) ?? [];
    return days.flatMap((day, i) => {
      const [error, counts] = replies[i];
      if (error) throw error;
      return Object.entries(counts as Record<string, string>).map(([field, count]) => {
        const [tenantId, bucket] = field.split('|');
        return { tenantId, day, bucket: Number(bucket), count: Number(count) };
      });
    });
  }

  async take(): Promise<TakenUsage> {
    await this.attempted;
    const [flush = '', ...fields] = await this.redis.usageTake(PENDING, FLUSHES, FLUSHING, ABANDONED_AFTER_MS);
    return { flush, rows: parsePending(fields) };
  }

  async finish(flush: string, giveBack: UsageRow[] = []): Promise<void> {
    await this.attempted;
    const transaction = this.redis.multi();
    for (const { tenantId, day, calls, errors } of giveBack) {
      if (calls) transaction.hincrby(PENDING, `${tenantId}|${day}|c`, calls);
      if (errors) transaction.hincrby(PENDING, `${tenantId}|${day}|e`, errors);
    }
    await transaction.zrem(FLUSHING, flush).exec();
  }

  async peek(): Promise<{ rows: UsageRow[]; flushes: FlushState }> {
    await this.attempted;
    const [begun, unfinished, ...fields] = await this.redis.usagePeek(PENDING, FLUSHES, FLUSHING, ABANDONED_AFTER_MS, 1);
    return { rows: parsePending(fields.map(String)), flushes: { begun: Number(begun), unfinished: Number(unfinished) } };
  }

  async flushState(): Promise<FlushState> {
    await this.attempted;
    const [begun, unfinished] = await this.redis.usagePeek(PENDING, FLUSHES, FLUSHING, ABANDONED_AFTER_MS, 0);
    return { begun: Number(begun), unfinished: Number(unfinished) };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
