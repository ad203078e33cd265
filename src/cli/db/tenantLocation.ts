// Where a database is, for reports: host, port and database name; never a user
// name or password.
import { engineOfUrl } from '../../engine';
import type { DatabaseServers, TenantLocation } from '../../tenancy/databaseServers';

export function hostAndDatabase(connectionString: string): string {
  const url = new URL(connectionString);
  return `${url.hostname}:${url.port || (engineOfUrl(connectionString) === 'mysql' ? '3306' : '5432')}/${decodeURIComponent(url.pathname.slice(1))}`;
}

/** `default 127.0.0.1:5432/tg_shop`, `default 127.0.0.1:5432/shared schema tg_x`, `default 127.0.0.1:5432/tenantgraph_pool (shared tables)`, `external db.example.com:5432/shop`. */
export function describeLocation(tenant: TenantLocation, servers: DatabaseServers): string {
  if (!tenant.databaseName && !tenant.externalUrlCipher) return '(not placed yet)';
  const where = hostAndDatabase(servers.connectionOf(tenant).url);
  const schema = tenant.schemaName ? ` schema ${tenant.schemaName}` : tenant.isolation === 'POOL' ? ' (shared tables)' : '';
  return `${tenant.externalUrlCipher ? 'external' : tenant.server} ${where}${schema}`;
}
