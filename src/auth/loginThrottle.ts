// Password guessing: after LOGIN_MAX_FAILURES failed logins for one email within
// LOGIN_LOCK_SECONDS, that email's logins are refused with RATE_LIMITED until the
// period ends, before the password is even checked (so a guesser stops costing
// scrypt time too). A successful login clears the count. Counted by
// rate-limiter-flexible: in Redis when REDIS_URL is set, so every gateway process
// sees the same count; in this process otherwise.
//
// Keyed by email, not by client address: behind a load balancer every client has
// the balancer's address. The price is that someone who knows an email can keep its
// owner from signing in with a password for a while; tokens and API keys keep working.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode, gatewayError } from '../errors';
import { occasionalWarning, type Logger } from '../logger';

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
  private readonly warn: (error: unknown, message: string) => void;

  constructor(private readonly options: LoginThrottleOptions) {
    this.warn = occasionalWarning(options.log);
    const limits = { points: options.maxFailures, duration: options.lockSeconds, keyPrefix: `${options.keyPrefix}login-failures` };
    if (options.redisUrl) {
      // Fail fast rather than queue: logins go on (unthrottled, logged) while Redis is away.
      this.redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', (error: Error) => options.log.debug({ err: error }, 'login throttle: Redis error'));
      this.limiter = new RateLimiterRedis({ ...limits, storeClient: this.redis });
    } else {
      this.limiter = new RateLimiterMemory(limits);
    }
  }

  /** RATE_LIMITED when the email has used up its failed logins for now; else how many it has on record. */
  async assertAllowed(email: string): Promise<number> {
    const state = await this.limiter.get(email).catch((error: unknown) => this.unreachable(error));
    const failures = state?.consumedPoints ?? 0;
    if (state && failures >= this.options.maxFailures) {
      const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      throw gatewayError(ErrorCode.RATE_LIMITED, `too many failed logins for this email: try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
    }
    return failures;
  }

  async failed(email: string): Promise<void> {
    await this.limiter.penalty(email, 1).catch((error: unknown) => this.unreachable(error));
  }

  async succeeded(email: string): Promise<void> {
    await this.limiter.delete(email).catch((error: unknown) => this.unreachable(error));
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  private unreachable(error: unknown): undefined {
    this.warn(error, 'login throttle unreachable: logins are not throttled');
    return undefined;
  }
}
