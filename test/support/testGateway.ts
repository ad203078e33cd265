// A real gateway for a test file: its own platform database on the test server,
// listening on a free port, spoken to over real HTTP.
import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { hashPassword } from '../../src/auth/passwords';
import { startSession } from '../../src/auth/sessions';
import { loadConfig } from '../../src/config';
import { closeServices, createServices, type ServiceOptions } from '../../src/createServices';
import { preparePlatformDatabase } from '../../src/provisioning/platformDatabase';
import type { Isolation, MemberRole } from '../../src/generated/platform/enums';
import { createLogger, type Logger } from '../../src/logger';
import { createTenantRecord } from '../../src/provisioning/createTenantRecord';
import { startJobWorker, type JobWorker } from '../../src/provisioning/jobs/jobWorker';
import { provisionTenant } from '../../src/provisioning/provisionTenant';
import { startGateway } from '../../src/server/gateway';
import type { Services } from '../../src/services';
import type { TenantDb } from '../../src/db/tenantClient';
import type { LocalArchive } from '../../src/portability/fillFromArchive';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import type { Engine } from '../../src/engine';
import { engineName } from '../../src/engine';
import { testDatabases, type TestDatabases } from './database';
import { dropMysqlDatabasesStartingWith } from '../../src/db/dropDatabases';
import { MYSQL_URL } from './mysqlDatabase';
import { deleteRedisKeys } from './redis';

export interface GraphQLResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }> };
}

export interface RequestOptions<TVariables = Record<string, unknown>> {
  variables?: TVariables;
  token?: string;
  tenant?: string;
  headers?: Record<string, string>;
}

export interface TestUser {
  id: string;
  email: string;
  /** An access token of a session of its own, as a login gives. */
  token: string;
  refreshToken: string;
  /** The id of that session. */
  sessionId: string;
}

export interface TestGateway {
  url: string;
  /** What another gateway passes as `sharing` to run on the same platform (databases, secrets, Redis keys). */
  env: Record<string, string>;
  services: Services;
  dbs: TestDatabases;
  /**
   * POSTs an operation. Pass a typed document from generated/graphql (`graphql(...)`
   * in a test file, then `npm run codegen`) and the variables and `data` are typed.
   */
  request<TResult = any, TVariables = Record<string, unknown>>(
    query: string | TypedDocumentNode<TResult, TVariables>,
    options?: RequestOptions<TVariables>,
  ): Promise<GraphQLResponse<TResult>>;
  createUser(options?: { email?: string; platformAdmin?: boolean; password?: string }): Promise<TestUser>;
  /** Tenants go on the gateway's engine, with its isolation, unless `engine` or `isolation` say otherwise. */
  createTenant(options: {
    slug?: string;
    isolation?: Isolation;
    engine?: Engine;
    owner: Pick<TestUser, 'id'>;
    members?: Array<[Pick<TestUser, 'id'>, MemberRole]>;
    plan?: string;
    /** Built from this archive instead of seeded with the default rows, as createTenant(restoreFrom:) builds one. */
    archive?: LocalArchive;
  }): Promise<TenantRecord>;
  /** The engine its tenants are created on by default. */
  engine: Engine;
  /** Runs `work` on the tenant's tables through a lease of the gateway's own pool (for setting up rows or checking them). */
  withTenantDb<T>(tenant: TenantRecord, work: (db: TenantDb) => Promise<T>): Promise<T>;
  /** The tenant's events (oldest first) whose object has id `id`: their type and payload. */
  eventsAbout(tenant: TenantRecord, id: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>>;
  /** One more job worker, for provisioning jobs only, on this gateway's services (e.g. when the gateway runs with JOB_CONCURRENCY=0). */
  startWorker(concurrency?: number): Promise<JobWorker>;
  /** Shuts this gateway down as in production (counters flushed) and keeps the databases. */
  stop(): Promise<void>;
  /** Stops, then drops the databases and Redis keys unless this gateway was only `sharing` them. */
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';

// Printed once per document, not per request.
const printed = new WeakMap<DocumentNode, string>();
const queryText = (query: string | DocumentNode) => {
  if (typeof query === 'string') return query;
  if (!printed.has(query)) printed.set(query, print(query));
  return printed.get(query)!;
};

/** POSTs an operation to a gateway at `url`, as `token` for `tenant` (X-Tenant). */
export async function graphqlRequest<TResult = any, TVariables = Record<string, unknown>>(
  url: string,
  query: string | TypedDocumentNode<TResult, TVariables>,
  { variables, token, tenant, headers = {} }: RequestOptions<TVariables> = {},
): Promise<GraphQLResponse<TResult>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(tenant ? { 'x-tenant': tenant } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: queryText(query), variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<TResult>['body'] };
}

export async function startTestGateway(
  options: {
    env?: Record<string, string>;
    observeTenantStatements?: ServiceOptions['observeTenantStatements'];
    /** Run as one more gateway of that one's platform; the first gateway drops the databases. */
    sharing?: TestGateway;
    /** Where its logs go (default: stdout at TEST_LOG_LEVEL, silent unless set). */
    log?: Logger;
    /**
     * `mysql`: TENANT_SERVERS holds the test PostgreSQL server (`main`) and the test
     * MySQL server (`mysql`), and tenants are created on MySQL unless told otherwise.
     */
    engine?: Engine;
    /** The isolation of the tenants it creates when createTenant names none (default DATABASE). */
    isolation?: Isolation;
  } = {},
): Promise<TestGateway> {
  const dbs = options.sharing?.dbs ?? testDatabases();
  const engine = options.engine ?? options.sharing?.engine ?? 'postgresql';
  const mysqlUrl = engine === 'mysql' ? MYSQL_URL : undefined;
  if (engine === 'mysql' && !mysqlUrl) throw new Error('a MySQL gateway needs TEST_MYSQL_URL (or mariadbd on the machine)');
  const env = {
    ...(mysqlUrl ? { TENANT_SERVERS: `main=${dbs.serverUrl},mysql=${mysqlUrl}` } : {}),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: dbs.platformUrl,
    TENANT_DB_PREFIX: dbs.prefix,
    SHARED_SCHEMA_DATABASE: `${dbs.prefix}shared`,
    POOL_DATABASE: `${dbs.prefix}pool`,
    REDIS_KEY_PREFIX: `${dbs.prefix}:`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.sharing?.env,
    ...options.env,
  };
  const config = loadConfig(env);
  const log = options.log ?? createLogger(config.logLevel);
  await preparePlatformDatabase(dbs.platformUrl, log);
  const services = createServices(config, { platformUrl: dbs.platformUrl, log, observeTenantStatements: options.observeTenantStatements });
  const workers = [await startJobWorker(services, dbs.platformUrl)];
  const gateway = await startGateway(services, { port: 0, host: '127.0.0.1' });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let users = 0;
  let tenants = 0;
  let stopped: Promise<void> | undefined;
  // The shutdown registry stops what registered there, in order: the listener and
  // WebSockets (the gateway's), the job workers (theirs), then the clients.
  const stop = () => (stopped ??= closeServices(services).then(() => undefined));

  async function withTenantDb<T>(tenant: TenantRecord, work: (db: TenantDb) => Promise<T>): Promise<T> {
    const lease = services.pool.acquire(tenant);
    try {
      return await work(lease.db);
    } finally {
      lease.release();
    }
  }

  return {
    url: gateway.url,
    env,
    services,
    dbs,
    request: (query, options) => graphqlRequest(gateway.url, query, options),
    async createUser({ email = `user${++users}-${randomBytes(3).toString('hex')}@example.com`, platformAdmin = false, password } = {}) {
      const user = await services.platform.user.create({
        data: { email, name: email.split('@')[0], isPlatformAdmin: platformAdmin, passwordHash: password ? await hashPassword(password) : passwordHash },
      });
      const session = await startSession(services, user);
      const { sessionId } = await services.tokens.verify(session.token);
      return { id: user.id, email, token: session.token, refreshToken: session.refreshToken, sessionId };
    },
    engine,
    withTenantDb,
    async eventsAbout(tenant, id) {
      const events = await withTenantDb(tenant, (db) => db.tenantEvent.findMany({ orderBy: { id: 'asc' } }));
      return events.filter((e) => (e.payload as { id?: string }).id === id).map((e) => ({ type: e.type, payload: e.payload as Record<string, unknown> }));
    },
    async createTenant({ slug = `shop-${++tenants}`, isolation = options.isolation ?? 'DATABASE', owner, members = [], plan = 'enterprise', engine: on = engine, archive }) {
      const tenant = await services.platform.$transaction((tx) =>
        createTenantRecord(tx, { slug, name: slug, isolation, engine: engineName(on), planCode: plan, ownerId: owner.id }),
      );
      for (const [user, role] of members) {
        await services.platform.membership.create({ data: { userId: user.id, tenantId: tenant.id, role } });
      }
      return provisionTenant(services, tenant.id, undefined, archive);
    },
    async startWorker(concurrency = 1) {
      const only = { ...config, jobs: { ...config.jobs, concurrency }, webhooks: { ...config.webhooks, concurrency: 0 } };
      const worker = await startJobWorker({ ...services, config: only }, dbs.platformUrl);
      workers.push(worker);
      return worker;
    },
    stop,
    async close() {
      await stop();
      if (options.sharing) return;
      await dbs.drop();
      if (mysqlUrl) await dropMysqlDatabasesStartingWith(mysqlUrl, dbs.prefix);
      if (config.redisUrl) await deleteRedisKeys(config.redisUrl, config.redisKeyPrefix);
    },
  };
}
