// Every setting of the gateway, read from the environment and validated once.
// docs/configuration.md is generated from this file (settingsReference): the
// descriptions below, and each setting's type and default as the schema states them.
import { isIP } from 'node:net';
import { z } from 'zod';
import { KEY_RULE, decodeKey } from './encryptionKey';
import { engineOfUrl, type Engine } from './engine';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
  .meta({ valueType: '`true` or `false`' });
const int = (min: number) => z.coerce.number().int().min(min);
const DURATION_UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** `90s`, `15m`, `12h`, `30d`, as milliseconds. */
const duration = z
  .string()
  .regex(/^[1-9]\d*[smhd]$/, 'must be a duration such as `90s`, `15m`, `12h` or `30d`')
  .transform((v) => Number(v.slice(0, -1)) * DURATION_UNITS[v.slice(-1) as keyof typeof DURATION_UNITS])
  .meta({ valueType: 'duration: `90s`, `15m`, `12h`, `30d`' });
const url = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').meta({ valueType: 'postgresql:// URL' });

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: int(0).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: url.optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: int(1).default(54329),
  TENANT_SERVERS: z.string().optional(),
  TENANT_DB_PREFIX: z.string().regex(/^[a-z][a-z0-9_]{0,20}$/).default('tg_'),
  SHARED_SCHEMA_DATABASE: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/).default('tenantgraph_shared'),
  POOL_DATABASE: z.string().regex(/^[a-z][a-z0-9_]{0,54}$/).default('tenantgraph_pool'),
  BASE_DOMAIN: z.string().optional(),
  DNS_RESOLVER: z.string().optional(),
  DNS_TIMEOUT_MS: int(100).default(5000),
  CORS_ORIGINS: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL: duration.prefault('15m'),
  SESSION_TTL: duration.prefault('30d'),
  REFRESH_REUSE_GRACE_SECONDS: int(0).max(60).default(10),
  SESSION_CACHE_SECONDS: int(0).max(60).default(5),
  ENCRYPTION_KEY: z.string().refine((key) => decodeKey(key) !== undefined, KEY_RULE).optional(),
  REDIS_URL: z.string().optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{0,40}$/).default('tenantgraph:'),
  USAGE_FLUSH_SECONDS: int(1).default(10),
  API_KEY_CACHE_SECONDS: int(0).default(30),
  LOGIN_MAX_FAILURES: int(1).default(5),
  LOGIN_LOCK_SECONDS: int(1).default(900),
  DEMO: bool.optional(),
  GRAPHIQL: bool.optional(),
  CONSOLE: bool.prefault('true'),
  MAX_TENANT_CLIENTS: int(1).default(16),
  SERVER_POOL_SIZE: int(1).default(20),
  TENANT_POOL_SIZE: int(1).default(10),
  POOL_IDLE_SECONDS: z.coerce.number().min(0.1).default(10),
  DB_CONNECT_TIMEOUT_MS: int(100).default(5000),
  DB_STATEMENT_TIMEOUT_MS: int(100).default(15000),
  DB_ACQUIRE_TIMEOUT_MS: int(100).default(5000),
  TENANT_IDLE_SECONDS: int(1).default(300),
  PLANNED_READS: bool.prefault('true'),
  TENANT_CACHE_SECONDS: int(0).default(30),
  MAX_QUERY_DEPTH: int(1).default(10),
  MAX_QUERY_COMPLEXITY: int(1).default(20000),
  MAX_ALIASES: int(1).default(30),
  MAX_BODY_BYTES: int(1024).default(1_000_000),
  JOB_CONCURRENCY: int(0).default(2),
  JOB_MAX_ATTEMPTS: int(1).default(3),
  JOB_STALE_SECONDS: z.coerce.number().min(1).default(30),
  ARCHIVE_GRACE_SECONDS: int(0).default(7 * 86_400),
  PAST_DUE_GRACE_DAYS: int(0).default(7),
  TENANT_TEMPLATES: bool.prefault('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OTEL_GRAPHQL_DOCUMENT: bool.prefault('false'),
  SHUTDOWN_TIMEOUT_SECONDS: int(1).default(25),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('tenantgraph <no-reply@localhost>'),
  PUBLIC_URL: z.string().url().optional(),
  INVITATION_TTL_DAYS: int(1).default(7),
  PASSWORD_RESET_MAILS_PER_HOUR: int(1).default(3),
  DB_CONCURRENCY: int(1).default(4),
  MIGRATION_STATEMENT_TIMEOUT: duration.prefault('15m'),
  MIGRATION_LOCK_TIMEOUT: duration.prefault('30s'),
  ROLLOUT_CPU_SHARE: z.coerce.number().min(0.01).max(1).default(0.1),
  EVENT_RETENTION_DAYS: int(1).default(90),
  WEBHOOK_CONCURRENCY: int(0).default(8),
  WEBHOOK_TIMEOUT_MS: int(100).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: int(1).default(8),
  WEBHOOK_RETRY_BASE_MS: int(10).default(30_000),
  WEBHOOK_DISABLE_AFTER: int(1).default(20),
  WEBHOOK_SWEEP_SECONDS: z.coerce.number().min(0.1).default(30),
  WEBHOOK_ALLOW_PRIVATE_URLS: bool.prefault('false'),
  EXPORT_STORE_URL: z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'must be an s3://bucket/prefix URL')
    .optional()
    .meta({ valueType: 's3://bucket/prefix URL' }),
  EXPORT_URL_TTL: duration.prefault('15m'),
  EXPORT_UPLOAD_MAX_MB: int(1).default(1024),
  EXPORT_UPLOAD_IDLE_MS: int(100).default(30_000),
  EXPORT_STORE_TIMEOUT_MS: int(100).default(30_000),
  AWS_ENDPOINT_URL_S3: z.string().url().optional(),
  AWS_ENDPOINT_URL: z.string().url().optional(),
  AWS_REGION: z.string().regex(/^[a-z0-9-]+$/).optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_SESSION_TOKEN: z.string().optional(),
  RESTORE_KEEP_HOURS: int(0).default(72),
  EXPORT_CPU_SHARE: z.coerce.number().min(0.01).max(1).default(0.1),
});

/** What each variable does, for `--help` and docs/configuration.md. */
export const settingDescriptions: Record<keyof z.input<typeof schema>, string> = {
  NODE_ENV: '`production` turns off demo data, GraphiQL (unless GRAPHIQL=true) and generated secrets',
  PORT: 'HTTP and WebSocket port',
  HOST: 'interface to listen on',
  DATABASE_URL: 'platform database; when unset an embedded PostgreSQL is started in DATA_DIR',
  DATA_DIR: 'folder for the embedded PostgreSQL and other local state; one gateway at a time (a second `npm start` on it refuses, naming the first one\'s pid)',
  EMBEDDED_PG_PORT: 'port of the embedded PostgreSQL, which listens on 127.0.0.1 only',
  TENANT_SERVERS: 'where tenant databases live: `name=<url>` pairs, comma separated, each a PostgreSQL (`postgresql://...`) or MySQL 8 / MariaDB (`mysql://...`, `mariadb://...`) server; `name=<direct url>|<pooled url>` sends requests to a PostgreSQL server through a pooler such as PgBouncer (transaction pooling) and provisioning, migrations and the db command to the server directly; default: the platform server',
  TENANT_DB_PREFIX: 'prefix of every tenant database and schema name',
  SHARED_SCHEMA_DATABASE: 'database that holds the tenants with SCHEMA isolation, one schema each',
  POOL_DATABASE: 'database whose shared tables hold the rows of the tenants with POOL isolation (on each PostgreSQL tenant server); the gateway reaches it as the role `<POOL_DATABASE>_gateway`, which it creates',
  BASE_DOMAIN: 'route `<slug>.<BASE_DOMAIN>` hosts to tenant `<slug>`',
  DNS_RESOLVER: 'the DNS servers that verify custom domains (`verifyTenantDomain` reads their TXT record), comma separated `address` or `address:port` (`[address]:port` for IPv6), e.g. `127.0.0.1:5353`; default: the system\'s resolvers',
  DNS_TIMEOUT_MS: 'how long a custom domain\'s verification waits for each DNS server to answer; none answering is DNS_UNAVAILABLE',
  CORS_ORIGINS: 'browser origins other than the gateway\'s own that may call /graphql, comma separated: `https://app.example.com`, `https://*.example.com` (its subdomains) or `*`; none when unset',
  JWT_SECRET: 'HS256 signing secret (32+ characters); required in production',
  ACCESS_TOKEN_TTL: 'lifetime of an access token (`token` of login, signUp and refreshSession), e.g. `15m`, `1h`; `refreshSession` gives the next one',
  SESSION_TTL: 'a session unused for this long ends: each refresh token expires this long after it was issued (e.g. `30d`, `12h`)',
  REFRESH_REUSE_GRACE_SECONDS: 'a refresh token given again within this long (at most 60 s) after a refresh replaced it gets the refresh token that refresh got and a fresh access token of the same session (two tabs refreshing at once both stay signed in); given again later, it is taken as stolen and its session ends on every gateway; 0: a replaced token always ends its session',
  SESSION_CACHE_SECONDS: 'how long (at most 60) a session, and what a running subscription\'s access rests on (membership, role, API key, tenant status), are trusted before they are read again; 0: read every time (a logout, revocation or membership change reaches every process at once through the event bus; this bounds a lost announcement)',
  ENCRYPTION_KEY: '32-byte key (hex or base64) encrypting external database credentials; required in production',
  REDIS_URL: 'Redis for the event bus (job progress and tenant changes across gateway processes) and usage counters; in-process when unset',
  REDIS_KEY_PREFIX: 'prefix of every Redis key; gateways that serve one platform share it',
  USAGE_FLUSH_SECONDS: 'how often API-call counters are written to the platform database (and always on shutdown)',
  API_KEY_CACHE_SECONDS: 'how long a verified API key is trusted before it is read again; 0: read every time (a revocation reaches every process at once through the event bus; this bounds a lost announcement)',
  LOGIN_MAX_FAILURES: 'failed logins for one email before its logins are refused (RATE_LIMITED) for LOGIN_LOCK_SECONDS',
  LOGIN_LOCK_SECONDS: 'how long failed logins are counted, and an email stays refused once it has too many',
  DEMO: 'create the demo tenants and logins (default: on unless production)',
  GRAPHIQL: 'serve the GraphiQL explorer (default: on unless production)',
  CONSOLE: 'serve the operator console at /console (it shows each signed-in user only what the API lets them read)',
  MAX_TENANT_CLIENTS: 'Prisma clients kept for writes and unplanned reads; each serves one tenant at a time and moves to another when idle',
  SERVER_POOL_SIZE: 'most connections this process opens to one database server, shared by every tenant on it',
  TENANT_POOL_SIZE: 'most connections one tenant holds at once, so a busy tenant leaves the rest of its server to the others',
  POOL_IDLE_SECONDS: 'close a pooled connection unused for this long (an idle tenant holds none)',
  DB_CONNECT_TIMEOUT_MS: 'how long connecting to a tenant database may take before the request gets DATABASE_UNAVAILABLE',
  DB_STATEMENT_TIMEOUT_MS: 'how long one statement on a tenant database may run before it is cancelled, and a write may wait to begin its transaction (DATABASE_UNAVAILABLE)',
  DB_ACQUIRE_TIMEOUT_MS: 'how long a request waits for a connection when its server is at SERVER_POOL_SIZE',
  TENANT_IDLE_SECONDS: 'close a Prisma client unused for this long',
  PLANNED_READS: 'answer tenant list and by-id queries with one planned SQL statement each; false: every field through its resolver',
  TENANT_CACHE_SECONDS: 'how long a resolved tenant, its plan, a custom domain and a membership are trusted before they are read again; 0: read every time (changes reach every process at once through the event bus; this bounds a lost announcement)',
  MAX_QUERY_DEPTH: 'deepest selection nesting an operation may have',
  MAX_QUERY_COMPLEXITY: 'highest estimated cost an operation may have (lists count `first` times)',
  MAX_ALIASES: 'most aliases an operation may use',
  MAX_BODY_BYTES: 'largest request body accepted (PAYLOAD_TOO_LARGE); a larger WebSocket message closes its socket (1009)',
  JOB_CONCURRENCY: 'jobs this process runs at once (provisioning, rollouts, exports and restores, drops of archived tenants, password reset mails); 0: it runs none, and another process must',
  JOB_MAX_ATTEMPTS: 'attempts before a failing job ends FAILED (and its tenant with it)',
  JOB_STALE_SECONDS: 'a running job whose worker has not shown signs of life for this long is handed to another worker',
  ARCHIVE_GRACE_SECONDS: "how long an archived tenant's database is kept before a job drops it (default 7 days)",
  PAST_DUE_GRACE_DAYS: 'days a subscription may stay PAST_DUE before the renewal run suspends its tenant',
  TENANT_TEMPLATES: 'create tenant databases from a pre-migrated template database (falls back to running the migrations)',
  LOG_LEVEL: 'pino log level',
  OTEL_GRAPHQL_DOCUMENT:
    "with traces on (OTEL_EXPORTER_OTLP_ENDPOINT: docs/operations.md, \"Traces\"), each operation's span also carries its document (`graphql.document`), its literal values blanked; variables are never recorded",
  SHUTDOWN_TIMEOUT_SECONDS: 'on SIGTERM, how long in-flight requests and job steps may take to finish before they are cut',
  METRICS_TOKEN: 'when set, `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`; in production `/metrics` is closed without it',
  SMTP_URL: 'where mail goes (invitations, password resets, booking reminders): `smtp://user:pw@host:587` or `smtps://...`; without it no mail is sent: invitation tokens are only in the API answers, passwords cannot be reset and bookings are not reminded',
  MAIL_FROM: 'the From of every mail',
  PUBLIC_URL: 'the gateway as its users reach it (e.g. `https://api.example.com`), for links in mails and archive download links; default: http://localhost:PORT',
  PASSWORD_RESET_MAILS_PER_HOUR: 'most password reset mails one account is sent in an hour; further requests are answered the same (true) and send nothing',
  INVITATION_TTL_DAYS: 'how long an invitation to a tenant (`inviteMember`) can be accepted',
  DB_CONCURRENCY: '`npm run db`: how many tenant databases are verified or seeded at once, and `db migrate`\'s default rollout concurrency per server',
  MIGRATION_STATEMENT_TIMEOUT:
    'longest one statement of a tenant migration may run (PostgreSQL `statement_timeout`, MariaDB `max_statement_time`); longer fails that tenant\'s migration, which leaves it on its previous version',
  ROLLOUT_CPU_SHARE:
    'while the process driving a rollout serves requests, the share of the time its tenant migrations may take (they rest in proportion, all of them together); 1: never rest. Idle, or driven by `npm run db -- migrate`, a rollout runs at full speed',
  MIGRATION_LOCK_TIMEOUT:
    'longest a tenant migration waits for a lock on a table its requests use (PostgreSQL `lock_timeout`, MySQL `lock_wait_timeout`), so a migration stuck behind a long transaction fails instead of queueing every request behind it',
  EVENT_RETENTION_DAYS: 'how long tenant events (tracked and domain) are kept; a daily job drops older ones, except domain events whose webhooks are not queued yet',
  WEBHOOK_CONCURRENCY:
    'webhooks this process sends deliveries to at once, each up to 4 deliveries at a time, apart from the jobs (which never wait behind them); a webhook is served by one process at a time, however many deliveries wait for it, so set it above the number of receivers that may be slow at once; 0: it sends none (another process must)',
  WEBHOOK_TIMEOUT_MS: 'how long a webhook receiver has to answer a delivery attempt (connecting included); longer counts as a failed attempt',
  WEBHOOK_MAX_ATTEMPTS: 'attempts of a delivery before it ends FAILED; each retry waits twice as long as the one before',
  WEBHOOK_RETRY_BASE_MS: 'the wait before the first retry of a delivery (then 2x, 4x, ...)',
  WEBHOOK_DISABLE_AFTER: 'FAILED deliveries in a row after which a webhook is disabled (it says why; `updateWebhook(enabled: true)` turns it back on)',
  WEBHOOK_SWEEP_SECONDS: 'how often a process sending deliveries relays the events a process that died left behind (tenants with webhooks only) and resumes the deliveries it left due',
  WEBHOOK_ALLOW_PRIVATE_URLS: 'in production, allow webhooks to loopback, private, link-local and other reserved addresses, by name or IP literal (refused by default: SSRF)',
  EXPORT_STORE_URL:
    'where tenant archives (exports and backups) are kept: an S3-compatible bucket and key prefix, reached with the standard AWS_* variables (AWS_ENDPOINT_URL_S3 for a store other than AWS); default: the `exports` folder in DATA_DIR',
  EXPORT_URL_TTL: 'how long a signed download link of a tenant archive (`TenantExport.downloadUrl`) works',
  EXPORT_UPLOAD_MAX_MB: 'largest archive `POST /exports` accepts, in MiB',
  EXPORT_UPLOAD_IDLE_MS: 'how long `POST /exports` waits for the next bytes of an archive before it drops the upload (and its partial file)',
  EXPORT_STORE_TIMEOUT_MS:
    'how long a call to the archive store at EXPORT_STORE_URL may wait to connect, for an answer, or for the next bytes of a transfer; then it fails with STORE_UNAVAILABLE',
  AWS_ENDPOINT_URL_S3: 'the S3-compatible server of EXPORT_STORE_URL when it is not AWS (e.g. `http://127.0.0.1:9000`); buckets are then addressed by path',
  AWS_ENDPOINT_URL: 'the same, for every AWS service; AWS_ENDPOINT_URL_S3 wins',
  AWS_REGION: 'region of the EXPORT_STORE_URL bucket; default `us-east-1` (a bucket elsewhere on AWS is followed to its region)',
  AWS_ACCESS_KEY_ID: "credentials for EXPORT_STORE_URL, with AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones); unset: the AWS SDK's usual sources (shared config files, the instance's or container's role)",
  AWS_SECRET_ACCESS_KEY: 'see AWS_ACCESS_KEY_ID',
  AWS_SESSION_TOKEN: 'see AWS_ACCESS_KEY_ID',
  EXPORT_CPU_SHARE:
    "while a process serves requests, the share of its time an export it runs may take (it rests between pages of rows); with no request in flight an export runs at full speed; 1: never rests",
  RESTORE_KEEP_HOURS: "how long a tenant's previous data is kept after an in-place restore (`restoreTenantFrom`), so `undoRestore` can switch back",
};

export interface SettingReference {
  name: string;
  description: string;
  /** What the value must be, e.g. "integer ≥ 1", "`true` or `false`". */
  type: string;
  /** As written in the environment; undefined: none (the description says what unset means). */
  default: string | undefined;
}

interface JsonSetting {
  valueType?: string;
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

function typeOf(json: JsonSetting): string {
  if (json.valueType) return json.valueType;
  if (json.enum) return json.enum.map((value) => `\`${value}\``).join(', ');
  if (json.type === 'integer' || json.type === 'number') {
    const max = json.maximum !== undefined && json.maximum < Number.MAX_SAFE_INTEGER ? json.maximum : undefined;
    const range = max === undefined ? ` ≥ ${json.minimum}` : ` ${json.minimum} to ${max}`;
    return json.minimum === undefined ? json.type : `${json.type}${range}`;
  }
  if (json.format === 'uri') return 'URL';
  if (json.pattern) return `text matching \`${json.pattern}\``;
  if (json.minLength) return `text of ${json.minLength}+ characters`;
  return 'text';
}

/** Every setting with its description, type and default, read off the schema: what docs/configuration.md shows. */
export function settingsReference(): SettingReference[] {
  const json = z.toJSONSchema(schema, { io: 'input' }).properties as Record<string, JsonSetting>;
  return (Object.keys(settingDescriptions) as Array<keyof typeof settingDescriptions>).map((name) => {
    const fallback = json[name].default;
    // A default given to the parsed value (`.default(true)`) has no form to write in the environment.
    if (fallback === undefined && schema.shape[name].safeParse(undefined).data !== undefined) {
      throw new Error(`${name}: give its default as written in the environment (.prefault('...')), so the docs can show it`);
    }
    return { name, description: settingDescriptions[name], type: typeOf(json[name]), default: fallback === undefined ? undefined : String(fallback) };
  });
}

/** `npm start -- --help`: every setting and what it does. */
export function settingsHelp(): string {
  const names = Object.keys(settingDescriptions) as Array<keyof typeof settingDescriptions>;
  const width = Math.max(...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${settingDescriptions[name]}`);
  return `usage: npm start [-- --help]\n\nSettings are environment variables (docs/configuration.md has their types and defaults):\n\n${lines.join('\n')}\n`;
}

/** How long one statement of a tenant migration may run, and wait for a lock. */
export interface MigrationLimits {
  statementMs: number;
  lockMs: number;
}

export interface DatabaseServer {
  name: string;
  engine: Engine;
  /** The server itself: provisioning, migrations, the db command, and requests unless `pooledUrl` is set. */
  url: string;
  /** A transaction-pooling PgBouncer (or alike) in front of a PostgreSQL server, for requests. */
  pooledUrl?: string;
}

export interface Config {
  env: string;
  production: boolean;
  port: number;
  host: string;
  /** Unset: start the embedded PostgreSQL and use it. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  /** Unset: tenant databases live on the platform's server. */
  tenantServers: DatabaseServer[] | undefined;
  tenantDbPrefix: string;
  sharedSchemaDatabase: string;
  /** POOL_DATABASE: its role is `${poolDatabase}_gateway`. */
  poolDatabase: string;
  /** Tenant archives: where they are kept, their links, uploads, in-place restores. */
  portability: {
    /** EXPORT_STORE_URL; unset: DATA_DIR/exports. */
    storeUrl: string | undefined;
    /** How the S3 store of EXPORT_STORE_URL is reached (AWS_*); no credentials: the SDK's own sources. */
    s3: {
      endpoint: string | undefined;
      region: string;
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
    };
    storeTimeoutMs: number;
    linkTtlMs: number;
    uploadMaxBytes: number;
    uploadIdleMs: number;
    restoreKeepMs: number;
    /** EXPORT_CPU_SHARE. */
    exportShare: number;
  };
  baseDomain: string | undefined;
  /** Custom domains are verified through these DNS servers (`address[:port]`), or the system's when undefined. */
  dns: { resolvers: string[] | undefined; timeoutMs: number };
  /** Origins (exact, `https://*.domain`, or `*`) whose pages may call /graphql from a browser. */
  corsOrigins: string[];
  jwtSecret: string | undefined;
  /** Milliseconds. */
  accessTokenTtlMs: number;
  /** Milliseconds. */
  sessionTtlMs: number;
  sessionCacheMs: number;
  /** REFRESH_REUSE_GRACE_SECONDS, in milliseconds. */
  refreshReuseGraceMs: number;
  encryptionKey: string | undefined;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  usageFlushMs: number;
  apiKeyCacheMs: number;
  loginThrottle: { maxFailures: number; lockSeconds: number };
  demo: boolean;
  graphiql: boolean;
  /** Serve the operator console at /console. */
  console: boolean;
  tenantPool: {
    /** Prisma clients kept (each bound to one tenant at a time). */
    maxClients: number;
    clientIdleMs: number;
    connectionsPerServer: number;
    connectionsPerTenant: number;
    connectionIdleMs: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    acquireTimeoutMs: number;
  };
  plannedReads: boolean;
  tenantCacheMs: number;
  limits: { depth: number; complexity: number; aliases: number; bodyBytes: number };
  jobs: { concurrency: number; maxAttempts: number; staleMs: number };
  archiveGraceMs: number;
  /** PAST_DUE_GRACE_DAYS. */
  pastDueGraceDays: number;
  tenantTemplates: boolean;
  logLevel: string;
  /** OTEL_GRAPHQL_DOCUMENT. */
  traceDocuments: boolean;
  shutdownTimeoutMs: number;
  metricsToken: string | undefined;
  dbConcurrency: number;
  /** MIGRATION_STATEMENT_TIMEOUT and MIGRATION_LOCK_TIMEOUT: what every tenant migration runs under. */
  migrationLimits: MigrationLimits;
  /** ROLLOUT_CPU_SHARE. */
  rolloutShare: number;
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string | undefined };
  invitationTtlMs: number;
  /** PASSWORD_RESET_MAILS_PER_HOUR. */
  passwordResetMailsPerHour: number;
  /** EVENT_RETENTION_DAYS. */
  eventRetentionDays: number;
  webhooks: {
    /** WEBHOOK_CONCURRENCY: senders this process runs at once. */
    concurrency: number;
    timeoutMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    disableAfter: number;
    sweepMs: number;
    /** False in production unless WEBHOOK_ALLOW_PRIVATE_URLS: receivers must be public addresses. */
    allowPrivateUrls: boolean;
  };
}

export class ConfigError extends Error {}

// `name=<url>` or `name=<direct url>|<pooled url>`: "|" cannot appear unescaped in a URL.
function parseServers(value: string): DatabaseServer[] {
  return value.split(',').map((pair) => {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const [serverUrl, pooledUrl, ...rest] = pair.slice(at + 1).split('|').map((u) => u.trim());
    const engine = serverUrl ? engineOfUrl(serverUrl) : undefined;
    const validPooled = pooledUrl === undefined || (engine === 'postgresql' && engineOfUrl(pooledUrl) === 'postgresql');
    if (at < 1 || !/^[a-z][a-z0-9-]*$/.test(name) || !engine || !validPooled || rest.length > 0) {
      throw new ConfigError(
        `TENANT_SERVERS: "${pair.split('=')[0]}" is not a name=<postgresql:// or mysql:// url> pair (or name=<direct postgresql:// url>|<pooled url>)`,
      );
    }
    return { name, engine, url: serverUrl, ...(pooledUrl ? { pooledUrl } : {}) };
  });
}

const ORIGIN = /^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/;

function parseOrigins(value: string | undefined): string[] {
  const origins = (value ?? '').split(',').map((o) => o.trim().toLowerCase()).filter(Boolean);
  const bad = origins.find((o) => !ORIGIN.test(o));
  if (bad) throw new ConfigError(`CORS_ORIGINS: "${bad}" is not an origin such as https://app.example.com, https://*.example.com or *`);
  return origins;
}

// What node:dns accepts: an IP address, alone or with a port (IPv6 in brackets then).
function isResolverAddress(text: string): boolean {
  const withPort = /^(?:\[([^\]]+)\]|([^:\]]+)):(\d{1,5})$/.exec(text);
  const [address, port] = withPort ? [withPort[1] ?? withPort[2], Number(withPort[3])] : [text.replace(/^\[(.*)\]$/, '$1'), 53];
  return isIP(address) !== 0 && port > 0 && port < 65536;
}

function parseResolvers(value: string): string[] {
  const resolvers = value.split(',').map((r) => r.trim()).filter(Boolean);
  const bad = resolvers.find((r) => !isResolverAddress(r));
  if (bad !== undefined) throw new ConfigError(`DNS_RESOLVER: "${bad}" is not an address such as 127.0.0.1, 127.0.0.1:5353 or [::1]:5353`);
  return resolvers;
}

// A key id without its secret (or the reverse) would fall through to whatever else the SDK finds: refused instead.
function awsCredentials(e: Pick<z.output<typeof schema>, 'AWS_ACCESS_KEY_ID' | 'AWS_SECRET_ACCESS_KEY' | 'AWS_SESSION_TOKEN'>) {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = e;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    // Name the variable and the rule, never the value: it may be a secret.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    // One line, as `npm start` prints it.
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.JWT_SECRET) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (production && !e.ENCRYPTION_KEY) throw new ConfigError('ENCRYPTION_KEY is required when NODE_ENV=production');
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    tenantServers: e.TENANT_SERVERS ? parseServers(e.TENANT_SERVERS) : undefined,
    tenantDbPrefix: e.TENANT_DB_PREFIX,
    sharedSchemaDatabase: e.SHARED_SCHEMA_DATABASE,
    poolDatabase: e.POOL_DATABASE,
    baseDomain: e.BASE_DOMAIN?.toLowerCase(),
    dns: { resolvers: e.DNS_RESOLVER ? parseResolvers(e.DNS_RESOLVER) : undefined, timeoutMs: e.DNS_TIMEOUT_MS },
    corsOrigins: parseOrigins(e.CORS_ORIGINS),
    jwtSecret: e.JWT_SECRET,
    accessTokenTtlMs: e.ACCESS_TOKEN_TTL,
    sessionTtlMs: e.SESSION_TTL,
    sessionCacheMs: e.SESSION_CACHE_SECONDS * 1000,
    refreshReuseGraceMs: e.REFRESH_REUSE_GRACE_SECONDS * 1000,
    encryptionKey: e.ENCRYPTION_KEY,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    usageFlushMs: e.USAGE_FLUSH_SECONDS * 1000,
    apiKeyCacheMs: e.API_KEY_CACHE_SECONDS * 1000,
    loginThrottle: { maxFailures: e.LOGIN_MAX_FAILURES, lockSeconds: e.LOGIN_LOCK_SECONDS },
    demo: production ? false : (e.DEMO ?? true),
    graphiql: e.GRAPHIQL ?? !production,
    console: e.CONSOLE,
    tenantPool: {
      maxClients: e.MAX_TENANT_CLIENTS,
      clientIdleMs: e.TENANT_IDLE_SECONDS * 1000,
      connectionsPerServer: e.SERVER_POOL_SIZE,
      connectionsPerTenant: Math.min(e.TENANT_POOL_SIZE, e.SERVER_POOL_SIZE),
      connectionIdleMs: e.POOL_IDLE_SECONDS * 1000,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS,
    },
    plannedReads: e.PLANNED_READS,
    tenantCacheMs: e.TENANT_CACHE_SECONDS * 1000,
    limits: { depth: e.MAX_QUERY_DEPTH, complexity: e.MAX_QUERY_COMPLEXITY, aliases: e.MAX_ALIASES, bodyBytes: e.MAX_BODY_BYTES },
    jobs: { concurrency: e.JOB_CONCURRENCY, maxAttempts: e.JOB_MAX_ATTEMPTS, staleMs: e.JOB_STALE_SECONDS * 1000 },
    archiveGraceMs: e.ARCHIVE_GRACE_SECONDS * 1000,
    portability: {
      storeUrl: e.EXPORT_STORE_URL,
      s3: {
        endpoint: e.AWS_ENDPOINT_URL_S3 ?? e.AWS_ENDPOINT_URL,
        region: e.AWS_REGION ?? 'us-east-1',
        credentials: awsCredentials(e),
      },
      storeTimeoutMs: e.EXPORT_STORE_TIMEOUT_MS,
      linkTtlMs: e.EXPORT_URL_TTL,
      uploadMaxBytes: e.EXPORT_UPLOAD_MAX_MB * 1024 * 1024,
      uploadIdleMs: e.EXPORT_UPLOAD_IDLE_MS,
      restoreKeepMs: e.RESTORE_KEEP_HOURS * 3_600_000,
      exportShare: e.EXPORT_CPU_SHARE,
    },
    pastDueGraceDays: e.PAST_DUE_GRACE_DAYS,
    tenantTemplates: e.TENANT_TEMPLATES,
    logLevel: e.LOG_LEVEL,
    traceDocuments: e.OTEL_GRAPHQL_DOCUMENT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    metricsToken: e.METRICS_TOKEN,
    dbConcurrency: e.DB_CONCURRENCY,
    migrationLimits: { statementMs: e.MIGRATION_STATEMENT_TIMEOUT, lockMs: e.MIGRATION_LOCK_TIMEOUT },
    rolloutShare: e.ROLLOUT_CPU_SHARE,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, publicUrl: e.PUBLIC_URL?.replace(/\/$/, '') },
    invitationTtlMs: e.INVITATION_TTL_DAYS * 86_400_000,
    passwordResetMailsPerHour: e.PASSWORD_RESET_MAILS_PER_HOUR,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    webhooks: {
      concurrency: e.WEBHOOK_CONCURRENCY,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      disableAfter: e.WEBHOOK_DISABLE_AFTER,
      sweepMs: e.WEBHOOK_SWEEP_SECONDS * 1000,
      allowPrivateUrls: !production || e.WEBHOOK_ALLOW_PRIVATE_URLS,
    },
  };
}

/** The gateway as its users reach it, for the links it hands out (mails, archive downloads): PUBLIC_URL, or http://localhost:PORT. */
export const publicBaseUrl = (config: Pick<Config, 'mail' | 'port'>): string => config.mail.publicUrl ?? `http://localhost:${config.port}`;
