// The tenant migrations as the pool database applies them: the same migrations, by
// the same names (its `_prisma_migrations` lists what any tenant database lists),
// each statement rewritten for tables that many tenants share (poolStatements.ts).
// Checksums and fingerprint are those of the rewritten SQL, so the migrator's status
// compares a pool database with what it really ran.
import { migrationChecksum, migrationsFingerprint, tenantMigrations, type Migration, type MigrationSet } from './migrations';
import { poolStatements } from './poolStatements';

export { TENANT_COLUMN } from './poolStatements';

let cached: MigrationSet | undefined;

/** The tenant's PostgreSQL migrations for the pool database, read and rewritten once per process. */
export function poolMigrations(): MigrationSet {
  return (cached ??= asPoolMigrations(tenantMigrations('postgresql')));
}

/** `set`, PostgreSQL tenant migrations, rewritten for the pool database; throws naming the first statement it cannot rewrite safely. */
export function asPoolMigrations(set: MigrationSet): MigrationSet {
  if (set.engine !== 'postgresql') throw new Error(`the pool database is PostgreSQL; these migrations are written for ${set.engine}`);
  const migrations = set.migrations.map(asPoolMigration);
  return { engine: set.engine, migrations, fingerprint: migrationsFingerprint(migrations) };
}

function asPoolMigration(migration: Migration): Migration {
  const statements = migration.statements.flatMap((statement, i) => {
    try {
      return poolStatements(statement);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`migration ${migration.name}, statement ${i + 1}, cannot be rewritten for the pool database: ${reason}\n${statement}`, { cause: error });
    }
  });
  // The file this migration would be if it were written for the pool database.
  const sql = `${statements.join(';\n\n')};\n`;
  return { name: migration.name, checksum: migrationChecksum(sql), statements, tables: migration.tables };
}
