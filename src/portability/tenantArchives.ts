// A tenant's archive taken from its tables, or loaded into them, by its platform
// record: what an export or a restore job runs. Each opens a connection of its own to
// the tenant's tables (for a POOL tenant, to the pool database as its owner).
import { withTenantSql } from '../provisioning/tenantSql';
import type { Services } from '../services';
import type { TenantLocation } from '../tenancy/databaseServers';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { loadTenantData, type LoadedData } from './loadTenantData';
import { readArchive } from './readArchive';
import { withTenantSnapshot } from './tenantSnapshot';
import { writeArchive, type WrittenArchive } from './writeArchive';

type ArchivedTenant = Pick<TenantRecord, 'id' | 'slug' | 'name' | 'isolation'> & TenantLocation;

/** Writes the tenant's data, as of one moment, to an archive at `path`. */
export function exportTenantArchive(services: Pick<Services, 'servers'>, tenant: ArchivedTenant, path: string): Promise<WrittenArchive> {
  const { id, slug, name, isolation } = tenant;
  return withTenantSql(services.servers.connectionOf(tenant), (sql) =>
    withTenantSnapshot(sql, { isolation, tenantId: id }, ({ migration, takenAt, tables }) =>
      writeArchive(path, { tenant: { id, slug, name }, migration, engine: sql.engine, isolation, takenAt }, tables),
    ),
  );
}

/** Loads the archive at `path` into the tenant's tables, which must be migrated and empty (provisionTenant with `seed: false`). */
export async function loadTenantArchive(services: Pick<Services, 'servers'>, tenant: ArchivedTenant, path: string): Promise<LoadedData> {
  const archive = await readArchive(path);
  try {
    return await withTenantSql(services.servers.connectionOf(tenant), (sql) =>
      loadTenantData(sql, { isolation: tenant.isolation, tenantId: tenant.id }, archive),
    );
  } finally {
    archive.close();
  }
}
