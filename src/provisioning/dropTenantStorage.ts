// Removes where a tenant's tables live: its own database, or its schema in the
// shared database; a POOL tenant's rows are deleted from the pool's tables, in
// batches (the other pool tenants keep being served meanwhile). A customer's own
// (external) database is never dropped: the tenant only stops pointing at it.
import type { DatabaseServers, TenantLocation } from '../tenancy/databaseServers';
import { deletePoolTenantRows } from './poolTenantRows';
import { dropDatabase, dropSchema, onServer } from './tenantStorage';

/** Says what was removed, for reports. */
export async function dropTenantStorage(servers: DatabaseServers, tenant: TenantLocation & { id: string }): Promise<string> {
  if (tenant.externalUrlCipher) return 'external database left in place';
  if (!tenant.databaseName) return 'no storage yet';
  const serverUrl = servers.url(tenant.server);
  if (tenant.isolation === 'POOL') {
    const deleted = await onServer(serverUrl, tenant.databaseName, (client) => deletePoolTenantRows(client, tenant.id)).catch((error: { code?: string }) => {
      if (error.code === '3D000') return 0; // the pool database itself is gone: so are the rows
      throw error;
    });
    return `deleted ${deleted} row(s) from the pool database ${tenant.databaseName}`;
  }
  if (tenant.schemaName) {
    await dropSchema(serverUrl, tenant.databaseName, tenant.schemaName).catch((error: { code?: string }) => {
      if (error.code !== '3D000') throw error; // the shared database itself is gone: so is the schema
    });
    return `dropped schema ${tenant.schemaName}`;
  }
  await dropDatabase(serverUrl, tenant.databaseName);
  return `dropped database ${tenant.databaseName}`;
}
