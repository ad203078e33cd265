// One tenant's rows in the pool database: deleting them when the tenant goes, and
// estimating the room they take, for its plan's storage limit. Both run on the
// owner's connection (the migrator's), which a superuser or BYPASSRLS owner is not
// held to the tenant policies on: every statement names the tenant itself. Each
// transaction also sets the tenant, as the gateway does, so that an owner the forced
// policies do hold sees the same rows rather than none.
import type pg from 'pg';
import { TENANT_COLUMN } from '../db/poolMigrations';
import { POOL_TENANT_SETTING } from '../db/poolScope';
import { poolTables } from './poolTables';

const TENANT = `"${TENANT_COLUMN}"`;

async function inTenantTransaction<T>(client: pg.ClientBase, tenantId: string, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT set_config($1, $2, true)', [POOL_TENANT_SETTING, tenantId]);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Deletes every row of `tenantId` from the pool tables and resolves to how many went.
 * A table's rows go `batchSize` at a time, each batch a transaction of its own, so a
 * large tenant holds no lock for long; the tables go children first, so no foreign
 * key refuses a batch. A table that references itself goes in one statement: a batch
 * could take a row another row still references (ON DELETE RESTRICT refuses that),
 * where one statement takes the whole tree and its checks find nothing left.
 */
export async function deletePoolTenantRows(client: pg.ClientBase, tenantId: string, batchSize = 5000): Promise<number> {
  let deleted = 0;
  for (const { name, referencesItself } of await poolTables(client)) {
    const table = client.escapeIdentifier(name);
    const whole = `DELETE FROM ${table} WHERE ${TENANT} = $1`;
    // ctid: the rows the sub-select found, and no more, without an ORDER BY to sort them.
    const batch = `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${TENANT} = $1 LIMIT $2))`;
    for (;;) {
      const { rowCount } = await inTenantTransaction(client, tenantId, () =>
        referencesItself ? client.query(whole, [tenantId]) : client.query(batch, [tenantId, batchSize]),
      );
      deleted += rowCount ?? 0;
      // A batch that found fewer may have missed a row whose ctid a concurrent update moved: ask until nothing is left.
      if (!rowCount) break;
    }
  }
  return deleted;
}

/**
 * An estimate, in bytes, of the room the tenant's rows take: their data as stored in
 * each table (pg_column_size of the row: values as stored, TOASTed ones included,
 * the per-row header and free space not), with each table's indexes in the proportion
 * they bear to its data on disk. A tenant with its own database or schema is measured
 * with its indexes (src/billing/storageUsed.ts), so this counts them too; taking the
 * table's own proportion costs a look at the catalog instead of a scan of other
 * tenants' rows.
 */
export async function poolTenantBytes(client: pg.ClientBase, tenantId: string): Promise<number> {
  const tables = await poolTables(client);
  return inTenantTransaction(client, tenantId, async () => {
    let bytes = 0;
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ bytes: number }>(
        `SELECT coalesce(sum(pg_column_size(t.*)), 0)
                * (1 + coalesce(pg_indexes_size($2::regclass)::float8 / nullif(pg_table_size($2::regclass), 0), 0)) AS bytes
         FROM ${table} t WHERE ${TENANT} = $1`,
        [tenantId, table],
      );
      bytes += Number(rows[0].bytes);
    }
    return Math.round(bytes);
  });
}
