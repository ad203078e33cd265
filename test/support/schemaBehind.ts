// Tenants one migration behind this release, as a fleet is the day a release adds a
// tenant migration: each tenant's tables rebuilt at the migrations before the last
// (its rows go; for a POOL tenant, every pool tenant of its server goes back with it:
// they share the tables), and the platform told its version, as the release before
// recorded it. Whatever the last migration is, so these tests need no migration of
// their own. `conflicting`: the last migration's first statement that creates a type or
// a table is run by hand, outside the history, so that applying the migration fails on
// what is already there: a tenant whose migration breaks, until it is taken back again
// (the fix).
import { migrationEngines } from '../../src/db/migrationEngines';
import { applyMigrations } from '../../src/db/migrator';
import type { MigrationSet } from '../../src/db/migrations';
import type { SqlConnection } from '../../src/db/sqlConnection';
import { recordSchemaVersion } from '../../src/provisioning/schemaVersions';
import { migrationsOf, versionOf } from '../../src/provisioning/tenantSchema';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import type { Services } from '../../src/services';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';

/** The migrations of `tenant`'s release before the last. */
export function previousMigrations(tenant: Pick<TenantRecord, 'engine' | 'isolation'>): MigrationSet {
  const set = migrationsOf(tenant);
  return { ...set, migrations: set.migrations.slice(0, -1), fingerprint: `${set.fingerprint}-previous` };
}

/** The version a tenant taken back is at. */
export const previousVersion = (tenant: Pick<TenantRecord, 'engine' | 'isolation'>) => versionOf(previousMigrations(tenant))!;

async function dropEverything(sql: SqlConnection): Promise<void> {
  if (sql.engine === 'postgresql') {
    await sql.query(`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP EXECUTE format('DROP TABLE %I CASCADE', r.tablename); END LOOP;
      FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() AND t.typtype = 'e' LOOP EXECUTE format('DROP TYPE %I CASCADE', r.typname); END LOOP;
    END $$`);
    return;
  }
  const tables = await sql.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
  await sql.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const { name } of tables) await sql.query(`DROP TABLE \`${name}\``);
  await sql.query('SET FOREIGN_KEY_CHECKS = 1');
}

export async function takeBack(services: Pick<Services, 'platform' | 'servers'>, tenant: TenantRecord, { conflicting = false } = {}): Promise<void> {
  const previous = previousMigrations(tenant);
  const last = migrationsOf(tenant).migrations.at(-1)!;
  await withTenantSql(services.servers.connectionOf(tenant), async (sql) => {
    // Under the migration lock: a rollout's migration of this tenant waits for it.
    const release = await migrationEngines[sql.engine].lock(sql);
    try {
      await dropEverything(sql);
    } finally {
      await release();
    }
    await applyMigrations(sql, previous);
    if (conflicting) await sql.query(last.statements.find((statement) => /^CREATE (?:TYPE|TABLE)\b/m.test(statement))!);
  });
  await recordSchemaVersion(services.platform, tenant, previousVersion(tenant));
}

/** The last migration `tenant`'s own tables have recorded, read from them. */
export async function versionInDatabase(services: Pick<Services, 'servers'>, tenant: TenantRecord): Promise<string | undefined> {
  const rows = await withTenantSql(services.servers.connectionOf(tenant), (sql) =>
    sql.query<{ name: string }>('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name'),
  );
  return rows.at(-1)?.name;
}
