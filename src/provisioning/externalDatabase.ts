// A database the customer brings (createTenant's `external: { url }`). Before any of
// our tables go in, the job proves it can connect, makes sure the database is not one
// of the platform's own (a tenant must never be pointed at another tenant's data), and
// lists what is already there. Failures read as advice, never with the URL in them.
import pg from 'pg';
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { ProvisioningError } from './provisioningError';

const CONNECT_TIMEOUT_MS = 10_000;

/** The owner-readable reason a connection failed; false for `retryable` when trying again cannot help. */
export function connectionFailure(error: unknown): ProvisioningError {
  const code = (error as { code?: string }).code;
  switch (code) {
    case '28P01':
    case '28000':
      return new ProvisioningError('your database refused the user name or password in the URL', false);
    case '3D000':
      return new ProvisioningError('the database named in the URL does not exist on that server', false);
    case 'ECONNREFUSED':
      return new ProvisioningError('nothing accepted the connection at the host and port in the URL');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ProvisioningError('the host name in the URL could not be resolved');
    case 'ETIMEDOUT':
      return new ProvisioningError('your database did not answer in time');
    default:
      return new ProvisioningError(`could not connect to your database${code ? ` (${code})` : ''}`);
  }
}

/** Which PostgreSQL cluster a connection reached, as the server itself says. */
async function clusterOf(client: pg.ClientBase): Promise<string | null> {
  return client
    .query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')
    .then(({ rows }) => rows[0]?.id ?? null)
    .catch(() => null);
}

const ourClusters = new Map<string, Promise<string | null>>();

/** The clusters of the platform database and of every tenant server, asked once per process. */
async function platformClusters(services: Services): Promise<Set<string | null>> {
  const ask = (url: string) => {
    let cluster = ourClusters.get(url);
    if (!cluster) {
      cluster = withClient(url, clusterOf).catch(() => null);
      ourClusters.set(url, cluster);
    }
    return cluster;
  };
  const platform = services.platform.$queryRaw<Array<{ id: string }>>`SELECT system_identifier::text AS id FROM pg_control_system()`.then(
    (rows) => rows[0]?.id ?? null,
    () => null,
  );
  return new Set(await Promise.all([platform, ...services.servers.names().map((name) => ask(services.servers.url(name)))]));
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A connection that breaks later emits 'error'; the failing query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw connectionFailure(error);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Databases on our own servers that a customer URL may never name. */
async function isPlatformDatabase(services: Services, database: string): Promise<boolean> {
  const { tenantDbPrefix, sharedSchemaDatabase } = services.config;
  const [{ platformDatabase }] = await services.platform.$queryRaw<Array<{ platformDatabase: string }>>`SELECT current_database() AS "platformDatabase"`;
  return (
    ['postgres', 'template0', 'template1', platformDatabase, sharedSchemaDatabase].includes(database) || database.startsWith(tenantDbPrefix)
  );
}

export interface ExternalDatabase {
  /** Tables already in the database's schema before we touch it. */
  tables: string[];
}

/** Connects to the tenant's own database, checks it may be used, and lists its tables. */
export async function inspectExternalDatabase(services: Services, tenant: TenantRecord): Promise<ExternalDatabase> {
  const { url } = services.servers.connectionOf(tenant);
  return withClient(url, async (client) => {
    const [cluster, { rows }] = await Promise.all([
      clusterOf(client),
      client.query<{ database: string }>('SELECT current_database() AS database'),
    ]);
    // When the server will not say which cluster it is, assume it may be ours.
    const onOurServer = cluster === null || (await platformClusters(services)).has(cluster);
    if (onOurServer && (await isPlatformDatabase(services, rows[0].database))) {
      throw new ProvisioningError('that database belongs to the platform itself; bring a database of your own', false);
    }
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    return { tables: tables.rows.map((r) => r.name) };
  });
}
