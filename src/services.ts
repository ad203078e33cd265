// The long-lived parts of a gateway process, made once at start and shared by
// every request. Nothing in here belongs to a request or to one tenant.
import type { ApiKeyVerifier } from './auth/apiKeys';
import type { LiveAccess } from './auth/liveAccess';
import type { LoginThrottle } from './auth/loginThrottle';
import type { SecretBox } from './auth/secretBox';
import type { SessionVerifier } from './auth/sessionVerifier';
import type { Mailer } from './notifications/mailer';
import type { PaymentProvider } from './billing/paymentProvider';
import type { PlanCatalog } from './billing/planCatalog';
import type { UsageMeter } from './billing/usageMeter';
import type { TokenService } from './auth/tokens';
import type { Config } from './config';
import type { PlatformDb } from './db/platformClient';
import type { EventBus } from './events/eventBus';
import type { Logger } from './logger';
import type { GatewayMetrics } from './observability/metrics';
import type { ArchiveStore } from './portability/archiveStore';
import type { ShutdownRegistry } from './shutdown';
import type { DatabaseServers } from './tenancy/databaseServers';
import type { MembershipCache } from './tenancy/memberships';
import type { TenantDatabases } from './tenancy/tenantDatabases';
import type { TenantDomains } from './tenancy/tenantDomains';
import type { ChangeFeed } from './tenancy/tenantChanges';
import type { TenantRegistry } from './tenancy/tenantRegistry';

export interface Services {
  config: Config;
  log: Logger;
  platform: PlatformDb;
  servers: DatabaseServers;
  registry: TenantRegistry;
  /** Which tenant a custom domain (a request's Host) routes to. */
  domains: TenantDomains;
  /** Each tenant's tables: server connection pools and the shared Prisma clients. */
  pool: TenantDatabases;
  memberships: MembershipCache;
  /** What running subscriptions' access rests on, asked before each event; cached for SESSION_CACHE_SECONDS. */
  liveAccess: LiveAccess;
  tokens: TokenService;
  /** Which sessions are alive, cached for SESSION_CACHE_SECONDS. */
  sessions: SessionVerifier;
  /** Failed logins per email, shared by the processes when REDIS_URL is set. */
  loginThrottle: LoginThrottle;
  secrets: SecretBox;
  apiKeys: ApiKeyVerifier;
  plans: PlanCatalog;
  /** API-call metering and quotas; flushed to the platform database on shutdown (its `flush` phase). */
  usage: UsageMeter;
  payments: PaymentProvider;
  /** Mail to people; undefined without SMTP_URL. */
  mailer: Mailer | undefined;
  /** Provisioning progress and tenant changes, across gateway processes when REDIS_URL is set. */
  events: EventBus;
  /** Changes every process's caches forget at once, on the event bus. */
  changes: ChangeFeed;
  /** Prometheus metrics of this process. */
  metrics: GatewayMetrics;
  /** Tenant archives (exports, backups, uploads): DATA_DIR/exports, or the S3 bucket of EXPORT_STORE_URL. */
  archives: ArchiveStore;
  /** Hooks run on SIGTERM, in phases (see shutdown.ts): listeners, workers and clients register here. */
  shutdown: ShutdownRegistry;
}
