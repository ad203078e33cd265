// A small Redis connection that only answers /readyz: is Redis reachable from this
// process right now? It fails fast (no offline queue) and reconnects by itself.
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

export interface RedisProbe {
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

export function createRedisProbe(url: string, log: Logger): RedisProbe {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Readiness reports the outage; the connection's own errors would only repeat it.
  redis.on('error', (error: Error) => log.debug({ err: error }, 'readiness: redis unreachable'));
  return {
    ping: () => redis.ping(),
    close: async () => {
      redis.disconnect();
    },
  };
}
