// A plain connection to one tenant's tables, for work Prisma does not do: migrations
// and schema checks. The URL's scheme picks the engine. On PostgreSQL the tenant's
// schema is first on the search path; on MySQL the tenant's tables are the URL's
// database (MySQL has no schemas within a database).
import type pg from 'pg';
import { quoteIdent } from '../db/identifiers';
import { engineOfUrl } from '../engine';
import { pgConnection, type SqlConnection } from '../db/sqlConnection';
import { withClient } from '../db/withClient';
import { withMysql } from '../db/withMysql';
import type { TenantConnection } from '../tenancy/databaseServers';

/** What these connections call themselves in pg_stat_activity: migrations and schema checks, apart from requests. */
export const SCHEMA_WORK_APPLICATION = 'tenantgraph schema work';

/** pg settings for a direct connection whose unqualified names resolve in the tenant's schema. */
function tenantClientConfig(connection: TenantConnection): pg.ClientConfig {
  return {
    connectionString: connection.url,
    application_name: SCHEMA_WORK_APPLICATION,
    ...(connection.schema ? { options: `-c search_path=${quoteIdent(connection.schema)}` } : {}),
  };
}

export function withTenantSql<T>(connection: TenantConnection, work: (sql: SqlConnection) => Promise<T>): Promise<T> {
  if (engineOfUrl(connection.url) === 'mysql') {
    if (connection.schema) throw new Error('a MySQL tenant has a database of its own, not a schema');
    return withMysql(connection.url, work);
  }
  return withClient(tenantClientConfig(connection), (client) => work(pgConnection(client)));
}
