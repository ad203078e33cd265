// How much room a tenant's data takes, for the plan's storage limit: its tables with
// their indexes (and PostgreSQL's TOAST) in its own schema or database, so every
// isolation mode and engine measures alike and the engine's own catalogs do not
// count. On MySQL the sizes are InnoDB's page statistics, which follow the data
// within a few seconds rather than row by row.
import { onTenantConnection, type TenantTarget } from '../db/tenantTarget';

const BYTES_PER_MB = 2 ** 20;

async function bytesUsed(target: TenantTarget): Promise<number> {
  if (target.engine === 'mysql') {
    const rows: Array<{ bytes: unknown }> = await onTenantConnection(target, (connection) =>
      connection.query(
        `SELECT COALESCE(SUM(data_length + index_length), 0) AS bytes FROM information_schema.TABLES WHERE table_schema = ? AND table_type = 'BASE TABLE'`,
        [target.schemaName],
      ),
    );
    return Number(rows[0].bytes);
  }
  const { rows } = await onTenantConnection(target, (client) =>
    client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'm', 'p')`,
      [target.schemaName],
    ),
  );
  return Number(rows[0].bytes);
}

/** The tenant's data in MB, to a tenth. */
export async function storageUsedMb(target: TenantTarget): Promise<number> {
  return Math.ceil(((await bytesUsed(target)) / BYTES_PER_MB) * 10) / 10;
}
