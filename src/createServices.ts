// Builds the long-lived services of a gateway process from its configuration.
import type { StatementObserver } from './db/serverPool';
import { ApiKeyVerifier } from './auth/apiKeys';
import { LiveAccess } from './auth/liveAccess';
import { LoginThrottle } from './auth/loginThrottle';
import { FallbackUsageStore } from './billing/fallbackUsageStore';
import { MemoryUsageStore } from './billing/memoryUsageStore';
import { manualOfflineProvider } from './billing/paymentProvider';
import { PlanCatalog } from './billing/planCatalog';
import { RedisUsageStore } from './billing/redisUsageStore';
import { UsageMeter } from './billing/usageMeter';
import { createSecretBox } from './auth/secretBox';
import { parseKey } from './encryptionKey';
import { localSecret } from './auth/localSecret';
import { SessionVerifier } from './auth/sessionVerifier';
import { TokenService } from './auth/tokens';
import type { Config } from './config';
import { createPlatformClient } from './db/platformClient';
import { createEventBus } from './events/createEventBus';
import { createTenantClient } from './db/tenantClient';
import type { Logger } from './logger';
import { createMailer } from './notifications/mailer';
import { GatewayMetrics } from './observability/metrics';
import { createArchiveStore } from './portability/createArchiveStore';
import { ShutdownRegistry } from './shutdown';
import type { Services } from './services';
import { DatabaseServers, configuredTenantServers } from './tenancy/databaseServers';
import { MembershipCache } from './tenancy/memberships';
import { ChangeFeed } from './tenancy/tenantChanges';
import { PrismaClientPool } from './tenancy/prismaClients';
import { poolRoleOf } from './db/poolScope';
import { ServerPools } from './tenancy/serverPools';
import { TenantDatabases } from './tenancy/tenantDatabases';
import { TenantDomains } from './tenancy/tenantDomains';
import { TenantRegistry } from './tenancy/tenantRegistry';

export interface ServiceOptions {
  /** The platform database (from DATABASE_URL, or the embedded server). */
  platformUrl: string;
  log: Logger;
  /** Sees every statement sent on a tenant connection, with its database (tests count and read them). */
  observeTenantStatements?: StatementObserver;
}

function secret(config: Config, log: Logger, value: string | undefined, name: string): string {
  if (value) return value;
  log.warn(`${name} is not set: using a generated one kept in ${config.dataDir} (never do this in production)`);
  return localSecret(config.dataDir, name.toLowerCase());
}

export function createServices(config: Config, options: ServiceOptions): Services {
  const { log } = options;
  const platform = createPlatformClient(options.platformUrl);
  const secrets = createSecretBox(parseKey(secret(config, log, config.encryptionKey, 'ENCRYPTION_KEY')));
  const servers = new DatabaseServers(
    configuredTenantServers(config, options.platformUrl),
    (cipher) => secrets.decrypt(cipher),
    { database: config.poolDatabase, user: poolRoleOf(config.poolDatabase), password: secrets.derive('pool role password') },
  );
  const pool = new TenantDatabases(
    new ServerPools(servers, config.tenantPool, options.observeTenantStatements),
    new PrismaClientPool({
      max: config.tenantPool.maxClients,
      idleMs: config.tenantPool.clientIdleMs,
      create: (engine) => createTenantClient(engine, config.tenantPool),
      log,
    }),
  );
  // Gateways serving one platform share REDIS_KEY_PREFIX, and so their channels.
  const events = createEventBus({ redisUrl: config.redisUrl, prefix: `${config.redisKeyPrefix}events:`, log });
  const changes = new ChangeFeed(events, log);
  const registry = new TenantRegistry(platform, changes, config.tenantCacheMs);
  // A tenant that changed (archived, moved, suspended) must not keep a client pointing at its old state.
  registry.onInvalidate((tenant) => tenant && pool.evict(tenant.id));
  const domains = new TenantDomains(platform, changes, config.tenantCacheMs);
  const plans = new PlanCatalog(platform, changes, config.tenantCacheMs);
  const usageStore = config.redisUrl
    ? new FallbackUsageStore(new RedisUsageStore(config.redisUrl, config.redisKeyPrefix, log), log)
    : new MemoryUsageStore();
  const usage = new UsageMeter({ store: usageStore, platform, plans, log, flushMs: config.usageFlushMs });
  const apiKeys = new ApiKeyVerifier(platform, changes, config.apiKeyCacheMs, log);
  const sessions = new SessionVerifier(platform, changes, config.sessionCacheMs);
  const memberships = new MembershipCache(platform, changes, config.tenantCacheMs);
  // Bounded as sessions are: each event a subscription delivers asks it.
  const liveAccess = new LiveAccess(platform, sessions, changes, config.sessionCacheMs);
  changes.listen();
  const metrics = new GatewayMetrics({ platform, pool, log });
  metrics.observeEventBusSubscribers(() => events.listenerCount());
  const shutdown = new ShutdownRegistry(log);
  // Usage counted by the last requests is written before the platform client closes.
  shutdown.add('flush', 'usage meter', () => usage.close());
  shutdown.add('disconnect', 'tenant clients', () => pool.close());
  shutdown.add('disconnect', 'platform database', () => platform.$disconnect());
  shutdown.add('disconnect', 'event bus', () => events.close());
  const loginThrottle = new LoginThrottle({ ...config.loginThrottle, redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix, log });
  shutdown.add('disconnect', 'login throttle', () => loginThrottle.close());
  const mailer = createMailer(config.mail);
  if (mailer) shutdown.add('disconnect', 'mailer', () => mailer.close());
  const archives = createArchiveStore(config, shutdown);
  return {
    config,
    log,
    platform,
    servers,
    registry,
    domains,
    pool,
    memberships,
    liveAccess,
    tokens: new TokenService(secret(config, log, config.jwtSecret, 'JWT_SECRET'), config.accessTokenTtlMs),
    sessions,
    loginThrottle,
    secrets,
    apiKeys,
    plans,
    usage,
    payments: manualOfflineProvider,
    mailer,
    events,
    changes,
    metrics,
    archives,
    shutdown,
  };
}

/** Runs the whole shutdown: whatever registered (listeners, workers, meters, clients) stops, in order. */
export function closeServices(services: Services) {
  return services.shutdown.run(services.config.shutdownTimeoutMs);
}
