// The two schema steps every tenant job shares: apply the pending tenant migrations
// (reporting each table), and check the result against the migrations. Both work on
// a connection the caller opened to the tenant's tables (withTenantSql).
import type { MigrationLimits } from '../config';
import { tenantMigrations, type MigrationSet } from '../db/migrations';
import { poolMigrations } from '../db/poolMigrations';
import { engineOfName } from '../engine';
import type { Tenant } from '../generated/platform/client';
import { applyMigrations } from '../db/migrator';
import type { SqlConnection } from '../db/sqlConnection';
import { ProvisioningError } from './provisioningError';
import { describeProblems, tenantSchemaProblems } from './verifyTenantSchema';

/** The migrations that make a tenant's tables: its engine's, or, for a POOL tenant, the pool database's (shared tables led by "tenantId"). */
export const migrationsOf = (tenant: Pick<Tenant, 'engine' | 'isolation'>): MigrationSet =>
  tenant.isolation === 'POOL' ? poolMigrations() : tenantMigrations(engineOfName(tenant.engine));

export const totalTables = (set: MigrationSet) => set.migrations.reduce((n, m) => n + m.tables, 0);

/** Applies what is pending, each statement within `limits`; `onTable` after each table created. Returns the migrations applied. */
export async function migrateTenantSchema(
  connection: SqlConnection,
  set: MigrationSet,
  limits: MigrationLimits,
  onTable: (tablesCreated: number, tablesPending: number) => void | Promise<void> = () => {},
): Promise<string[]> {
  const { applied } = await applyMigrations(connection, set, ({ tablesCreated, totalTables: pending }) => onTable(tablesCreated, pending), limits);
  return applied;
}

/** The version a tenant is at once `set` is applied: its last migration's name. */
export const versionOf = (set: MigrationSet): string | null => set.migrations.at(-1)?.name ?? null;

/** Throws, naming what is wrong, unless the tenant's schema is exactly what the migrations make. */
export async function assertTenantSchema(connection: SqlConnection, set: MigrationSet): Promise<void> {
  const problems = describeProblems(await tenantSchemaProblems(connection, set));
  // Running the same migrations again will not change the verdict.
  if (problems) throw new ProvisioningError(`the schema does not match the migrations: ${problems}`, false);
}
