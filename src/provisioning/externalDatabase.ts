// A database the customer brings (createTenant's `external: { url }`), on PostgreSQL
// or MySQL/MariaDB. Before any of our tables go in, the job proves it can connect,
// makes sure the database is not one of the platform's own (a tenant must never be
// pointed at another tenant's data), and lists what is already there. Failures read
// as advice, never with the URL in them.
import type { Engine } from '../engine';
import type { SqlConnection } from '../db/sqlConnection';
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { ProvisioningError } from './provisioningError';
import { withTenantSql } from './tenantSql';

const REFUSED = 'your database refused the user name or password in the URL';
const TIMED_OUT = 'your database did not answer in time';

// Error codes of pg (SQLSTATE), mariadb and Node's sockets; the value: the advice, and whether trying again may help.
const FAILURES: Record<string, [string, boolean]> = {
  '28P01': [REFUSED, false],
  '28000': [REFUSED, false],
  ER_ACCESS_DENIED_ERROR: [REFUSED, false],
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: [REFUSED, false],
  ER_DBACCESS_DENIED_ERROR: ['the user in the URL may not use the database named in it', false],
  '3D000': ['the database named in the URL does not exist on that server', false],
  ER_BAD_DB_ERROR: ['the database named in the URL does not exist on that server', false],
  ECONNREFUSED: ['nothing accepted the connection at the host and port in the URL', true],
  ENOTFOUND: ['the host name in the URL could not be resolved', true],
  EAI_AGAIN: ['the host name in the URL could not be resolved', true],
  ETIMEDOUT: [TIMED_OUT, true],
  ER_CONNECTION_TIMEOUT: [TIMED_OUT, true],
};

/** The owner-readable reason a connection failed; false for `retryable` when trying again cannot help. */
export function connectionFailure(error: unknown): ProvisioningError {
  const code = (error as { code?: string }).code;
  const [advice, retryable] = (code && FAILURES[code]) || ['could not connect to your database', true];
  return new ProvisioningError(advice, retryable);
}

/** How each engine tells which server a connection reached, and which databases on our servers are the platform's. */
interface EngineChecks {
  /** The server as it names itself; null when it will not say. */
  serverIdentity(sql: SqlConnection): Promise<string | null>;
  /** The database the connection is in. */
  currentDatabase: string;
  /** Databases no customer may name on one of our servers, beside the tenants' (TENANT_DB_PREFIX). */
  reserved(services: Pick<Services, 'config' | 'platform'>): Promise<string[]>;
  /** The tables already where unqualified names resolve. */
  tables: string;
}

const firstValue = async (sql: SqlConnection, statement: string) =>
  sql.query<{ v: unknown }>(statement).then(
    (rows) => (rows[0]?.v == null ? null : String(rows[0].v)),
    () => null,
  );

const CHECKS: Record<Engine, EngineChecks> = {
  postgresql: {
    // Tells clusters apart even behind different host names or ports.
    serverIdentity: (sql) => firstValue(sql, 'SELECT system_identifier::text AS v FROM pg_control_system()'),
    currentDatabase: 'SELECT current_database() AS v',
    async reserved(services) {
      const [{ platformDatabase }] = await services.platform.$queryRaw<Array<{ platformDatabase: string }>>`SELECT current_database() AS "platformDatabase"`;
      return ['postgres', 'template0', 'template1', platformDatabase, services.config.sharedSchemaDatabase, services.config.poolDatabase];
    },
    tables: `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  },
  mysql: {
    // MySQL 8 has a server UUID; MariaDB does not, and names itself by host name and port.
    serverIdentity: async (sql) =>
      (await firstValue(sql, 'SELECT @@server_uuid AS v')) ?? (await firstValue(sql, `SELECT CONCAT(@@hostname, ':', @@port) AS v`)),
    currentDatabase: 'SELECT DATABASE() AS v',
    reserved: async () => ['mysql', 'information_schema', 'performance_schema', 'sys'],
    tables: `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1`,
  },
};

const ourServers = new Map<string, Promise<string | null>>();

/** The identities of the platform database's server and of every tenant server of `engine`, asked once per process. */
async function platformServers(services: Pick<Services, 'platform' | 'servers'>, engine: Engine): Promise<Set<string | null>> {
  const ask = (url: string) => {
    let identity = ourServers.get(url);
    if (!identity) {
      identity = withTenantSql({ url, schema: null }, CHECKS[engine].serverIdentity).catch(() => null);
      ourServers.set(url, identity);
    }
    return identity;
  };
  const urls = services.servers.namesOf(engine).map((name) => services.servers.url(name));
  // The platform database is always on PostgreSQL.
  const platform =
    engine === 'postgresql'
      ? services.platform.$queryRaw<Array<{ id: string }>>`SELECT system_identifier::text AS id FROM pg_control_system()`.then(
          (rows) => rows[0]?.id ?? null,
          () => null,
        )
      : Promise.resolve(null);
  return new Set(await Promise.all([platform, ...urls.map(ask)]));
}

/** Opens the customer's database; a failure to connect becomes advice, a failure after that stays what it is. */
async function withExternal<T>(services: Pick<Services, 'servers'>, tenant: TenantRecord, work: (sql: SqlConnection) => Promise<T>): Promise<T> {
  let connected = false;
  try {
    return await withTenantSql(services.servers.connectionOf(tenant), (sql) => {
      connected = true;
      return work(sql);
    });
  } catch (error) {
    throw connected ? error : connectionFailure(error);
  }
}

export interface ExternalDatabase {
  /** Tables already in the database (PostgreSQL: its schema) before we touch it. */
  tables: string[];
}

/** Connects to the tenant's own database, checks it may be used, and lists its tables. */
export async function inspectExternalDatabase(services: Pick<Services, 'config' | 'platform' | 'servers'>, tenant: TenantRecord): Promise<ExternalDatabase> {
  return withExternal(services, tenant, async (sql) => {
    const checks = CHECKS[sql.engine];
    const [server, database] = await Promise.all([checks.serverIdentity(sql), firstValue(sql, checks.currentDatabase)]);
    // When the server will not say which it is, assume it may be ours.
    const onOurServer = server === null || (await platformServers(services, sql.engine)).has(server);
    const ours = database === null || database.startsWith(services.config.tenantDbPrefix) || (await checks.reserved(services)).includes(database);
    if (onOurServer && ours) {
      throw new ProvisioningError('that database belongs to the platform itself; bring a database of your own', false);
    }
    const tables = await sql.query<{ name: string }>(checks.tables);
    return { tables: tables.map((r) => r.name) };
  });
}
