// A tenant's archive taken from its tables, or loaded into them, by its platform
// record: what an export or a restore job runs. Each opens a connection of its own to
// the tenant's tables (for a POOL tenant, to the pool database as its owner).
import { withTenantSql } from '../provisioning/tenantSql';
import type { Services } from '../services';
import type { TenantLocation } from '../tenancy/databaseServers';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { loadTenantData, tableHoldingRows, type LoadedData } from './loadTenantData';
import { readArchive } from './readArchive';
import { withTenantSnapshot } from './tenantSnapshot';
import { writeArchive, type TableRows, type WrittenArchive } from './writeArchive';
import type { Pace } from '../provisioning/jobs/pacing';

type ArchivedTenant = Pick<TenantRecord, 'id' | 'slug' | 'name' | 'isolation'> & TenantLocation;

/** Writes the tenant's data, as of one moment, to an archive at `path`; `onTable` once each table is written, `pace` between pages of rows. */
export function exportTenantArchive(
  services: Pick<Services, 'servers'>,
  tenant: ArchivedTenant,
  path: string,
  { onTable = () => {}, pace }: { onTable?: (table: string) => void | Promise<void>; pace?: Pace } = {},
): Promise<WrittenArchive> {
  const { id, slug, name, isolation } = tenant;
  return withTenantSql(services.servers.connectionOf(tenant), (sql) =>
    withTenantSnapshot(
      sql,
      { isolation, tenantId: id },
      ({ migration, takenAt, tables }) => writeArchive(path, { tenant: { id, slug, name }, migration, engine: sql.engine, isolation, takenAt }, reporting(tables, onTable)),
      { pace },
    ),
  );
}

/** The tables as they are, telling `onTable` of each once the writer asks for the next (it has written this one). */
async function* reporting(tables: AsyncIterable<TableRows>, onTable: (table: string) => void | Promise<void>): AsyncGenerator<TableRows> {
  for await (const table of tables) {
    yield table;
    await onTable(table.table);
  }
}

/**
 * Loads the archive at `path` into the tenant's tables, which must be migrated and
 * empty. A load is one transaction, so a tenant that holds rows already holds all of
 * the archive's: a job run again after a crash finds them and loads nothing (`null`).
 */
export async function loadTenantArchive(services: Pick<Services, 'servers'>, tenant: ArchivedTenant, path: string): Promise<LoadedData | null> {
  const scope = { isolation: tenant.isolation, tenantId: tenant.id };
  return withTenantSql(services.servers.connectionOf(tenant), async (sql) => {
    if (await tableHoldingRows(sql, scope)) return null;
    const archive = await readArchive(path);
    try {
      return await loadTenantData(sql, scope, archive);
    } finally {
      archive.close();
    }
  });
}
