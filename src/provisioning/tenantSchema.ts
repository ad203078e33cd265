// The two schema steps every tenant job shares: apply the pending tenant migrations
// (reporting each table), and check the result against the migrations. Both work on
// a connection the caller opened to the tenant's tables (withTenantSql).
import type { MigrationSet } from '../db/migrations';
import { applyMigrations } from '../db/migrator';
import type { SqlConnection } from '../db/sqlConnection';
import { ProvisioningError } from './provisioningError';
import { describeProblems, tenantSchemaProblems } from './verifyTenantSchema';

export const totalTables = (set: MigrationSet) => set.migrations.reduce((n, m) => n + m.tables, 0);

/** Applies what is pending; `onTable` after each table created. Returns the migrations applied. */
export async function migrateTenantSchema(
  connection: SqlConnection,
  set: MigrationSet,
  onTable: (tablesCreated: number, tablesPending: number) => void | Promise<void>,
): Promise<string[]> {
  const { applied } = await applyMigrations(connection, set, ({ tablesCreated, totalTables: pending }) => onTable(tablesCreated, pending));
  return applied;
}

/** Throws, naming what is wrong, unless the tenant's schema is exactly what the migrations make. */
export async function assertTenantSchema(connection: SqlConnection, set: MigrationSet): Promise<void> {
  const problems = describeProblems(await tenantSchemaProblems(connection, set));
  // Running the same migrations again will not change the verdict.
  if (problems) throw new ProvisioningError(`the schema does not match the migrations: ${problems}`, false);
}
