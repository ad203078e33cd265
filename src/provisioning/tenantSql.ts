// A plain pg connection to one tenant's tables (its schema first on the search
// path), for work Prisma does not do: migrations and schema checks.
import type pg from 'pg';
import { quoteIdent } from '../db/identifiers';
import { withClient } from '../db/withClient';
import type { TenantConnection } from '../tenancy/databaseServers';

/** pg settings for a direct connection whose unqualified names resolve in the tenant's schema. */
function tenantClientConfig(connection: TenantConnection): pg.ClientConfig {
  return {
    connectionString: connection.url,
    ...(connection.schema ? { options: `-c search_path=${quoteIdent(connection.schema)}` } : {}),
  };
}

export function withTenantSql<T>(connection: TenantConnection, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(tenantClientConfig(connection), work);
}
