import type { Logger } from '../logger';
import type { EventBus } from './eventBus';
import { InProcessEventBus } from './inProcessEventBus';
import { RedisEventBus } from './redisEventBus';

/** Redis when REDIS_URL is set (many gateway processes); in-process otherwise. */
export function createEventBus(options: { redisUrl: string | undefined; prefix: string; log: Logger }): EventBus {
  if (!options.redisUrl) return new InProcessEventBus(options.log);
  return new RedisEventBus({ url: options.redisUrl, prefix: options.prefix, log: options.log });
}
