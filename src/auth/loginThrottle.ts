// Password guessing: after LOGIN_MAX_FAILURES failed logins for one email within
// LOGIN_LOCK_SECONDS, that email's logins are refused with RATE_LIMITED until the
// period ends, before the password is even checked (so a guesser stops costing
// scrypt time too). A successful login clears the count. Counted by
// rate-limiter-flexible: in Redis when REDIS_URL is set, so every gateway process
// sees the same count; in this process otherwise, and while Redis is away (the
// library's insurance limiter: a login never waits for a Redis that is not there).
//
// Keyed by email, not by client address: behind a load balancer every client has
// the balancer's address. The price is that someone who knows an email can keep its
// owner from signing in with a password for a while; tokens and API keys keep working.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors';
import type { Logger } from '../logger';
import { connectRedis } from '../redisConnection';

export interface LoginThrottleOptions {
  maxFailures: number;
  lockSeconds: number;
  redisUrl: string | undefined;
  keyPrefix: string;
  log: Logger;
}

export class LoginThrottle {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | undefined;
  /** Redis's first connection attempt: a login right after the start waits for it, not for an outage. */
  private readonly attempted: Promise<void> = Promise.resolve();

  constructor(private readonly options: LoginThrottleOptions) {
    const limits = { points: options.maxFailures, duration: options.lockSeconds, keyPrefix: `${options.keyPrefix}login-failures` };
    if (options.redisUrl) {
      const connection = connectRedis(options.redisUrl, { name: 'tenantgraph:login-throttle', log: options.log });
      this.redis = connection.redis;
      this.attempted = connection.attempted;
      this.limiter = new RateLimiterRedis({
        ...limits,
        storeClient: this.redis,
        // Not connected: straight to the insurance, without sending anything.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(limits),
      });
    } else {
      this.limiter = new RateLimiterMemory(limits);
    }
  }

  /** RATE_LIMITED when the email has used up its failed logins for now; else how many it has on record. */
  async assertAllowed(email: string): Promise<number> {
    await this.attempted;
    const state = await this.limiter.get(email);
    const failures = state?.consumedPoints ?? 0;
    if (state && failures >= this.options.maxFailures) {
      const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      throw rateLimited(`too many failed logins for this email: try again in ${retryAfterSeconds} seconds`, retryAfterSeconds, { retryAfterSeconds });
    }
    return failures;
  }

  async failed(email: string): Promise<void> {
    await this.attempted;
    await this.limiter.penalty(email, 1);
  }

  async succeeded(email: string): Promise<void> {
    await this.attempted;
    await this.limiter.delete(email);
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }
}
