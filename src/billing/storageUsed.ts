// How much room a tenant's data takes, for the plan's storage limit: the files of its
// tables with their indexes (and PostgreSQL's TOAST) in its own schema or database,
// so every isolation mode and engine measures alike and the engine's own catalogs do
// not count. A POOL tenant has no files of its own: its share of the pool's tables is
// estimated from its rows (provisioning/poolDatabase.ts says how). Both engines
// answer with what is on disk now:
// - PostgreSQL: pg_total_relation_size of each table;
// - MySQL/MariaDB: the size of each table's InnoDB file (one per table). The page
//   statistics of information_schema.TABLES would be cheaper, but InnoDB refreshes
//   them in the background, long after a large write. A new tenant's empty tables
//   take about 2 MB there (InnoDB gives each file a few extents up front).
import { onTenantConnection, type MysqlTarget, type TenantTarget } from '../db/tenantTarget';
import { poolTenantBytes } from '../provisioning/poolTenantRows';

const BYTES_PER_MB = 2 ** 20;

/** InnoDB names a table's file `<database>/<table>`, characters other than [A-Za-z0-9_] written as @ and four hex digits. */
const innodbName = (database: string) => database.replace(/[^A-Za-z0-9_]/g, (c) => `@${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function mysqlBytesUsed(target: MysqlTarget): Promise<number> {
  const rows: Array<{ bytes: unknown }> = await onTenantConnection(target, (connection) => {
    // MariaDB and MySQL 8 name the same view differently.
    const view = connection.info?.isMariaDB() ? 'INNODB_SYS_TABLESPACES' : 'INNODB_TABLESPACES';
    return connection.query(`SELECT COALESCE(SUM(FILE_SIZE), 0) AS bytes FROM information_schema.${view} WHERE NAME LIKE ?`, [
      `${innodbName(target.schemaName).replace(/[\\%_]/g, '\\$&')}/%`,
    ]);
  });
  return Number(rows[0].bytes);
}

async function bytesUsed(target: TenantTarget): Promise<number> {
  if (target.engine === 'mysql') return mysqlBytesUsed(target);
  const { poolTenant } = target;
  if (poolTenant) return onTenantConnection(target, (client) => poolTenantBytes(client, poolTenant.tenantId));
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
