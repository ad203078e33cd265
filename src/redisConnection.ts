// Every Redis connection of the gateway (usage counters, event bus, login throttle)
// is made here, so that a Redis outage costs requests nothing: while disconnected, a
// command fails at once instead of waiting in ioredis's offline queue for a
// reconnection; a Redis that accepts but does not answer (stopped, swamped) fails it
// after COMMAND_TIMEOUT_MS. The connection keeps reconnecting by itself, and each
// user falls back to what it can do without Redis until it is back.
import { Redis } from 'ioredis';
import { occasionalWarning, type Logger } from './logger';

/** A healthy Redis answers in well under a millisecond; this is "it is not answering". */
export const COMMAND_TIMEOUT_MS = 500;

export interface RedisConnection {
  redis: Redis;
  /**
   * Settles once the first connection attempt is over, connected or not: a command
   * sent before it would fail only because the process has just started.
   */
  attempted: Promise<void>;
}

export interface RedisConnectionOptions {
  /** Shown by CLIENT LIST, and in the log when the connection fails. */
  name: string;
  log: Logger;
  keyPrefix?: string;
  /** A pub/sub connection: its user subscribes again itself once it is back (it knows its channels). */
  subscriber?: boolean;
}

export function connectRedis(url: string, { name, log, keyPrefix, subscriber = false }: RedisConnectionOptions): RedisConnection {
  const redis = new Redis(url, {
    connectionName: name,
    keyPrefix,
    enableOfflineQueue: false,
    // Commands caught by a dropped connection fail with it rather than being sent again later.
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    autoResubscribe: !subscriber,
  });
  // ioredis reports every failed reconnection; an outage needs saying once a minute.
  const warn = occasionalWarning(log);
  redis.on('error', (error: Error) => warn(error, `Redis unreachable (${name}): working without it until it is back`));
  const attempted = new Promise<void>((resolve) => {
    const settle = () => {
      redis.off('ready', settle).off('error', settle).off('end', settle);
      resolve();
    };
    redis.on('ready', settle).on('error', settle).on('end', settle);
  });
  return { redis, attempted };
}
