// Adoption judges existing tables against the columns read from the migration SQL:
// a database the migrations themselves built must match it in full, on each engine,
// or the reading is wrong. After adoption the history is a Prisma baseline, and a
// later migration applies as on any database.
import { randomBytes } from 'node:crypto';
import type { Engine } from '../../src/db/engine';
import { isCreateTable, tenantMigrations, type MigrationSet } from '../../src/db/migrations';
import { applyMigrations, migrationStatus } from '../../src/db/migrator';
import type { SqlConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { adoptExistingTables } from '../../src/provisioning/adoptExistingTables';
import { tableOf } from '../../src/provisioning/migrationColumns';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import { expectedTables } from '../../src/provisioning/verifyTenantSchema';
import { onServer, testServerUrl } from '../support/database';
import { tenantEngines } from '../support/engines';
import { MYSQL_URL, mysqlTestDatabases } from '../support/mysqlDatabase';

function databases(engine: Engine) {
  if (engine === 'mysql') return mysqlTestDatabases(MYSQL_URL!);
  const prefix = `tgt${randomBytes(4).toString('hex')}_`;
  const made: string[] = [];
  return {
    async create(name: string) {
      made.push(`${prefix}${name}`);
      await onServer(`CREATE DATABASE "${prefix}${name}"`);
      return withDatabase(testServerUrl(), `${prefix}${name}`);
    },
    async drop() {
      for (const db of made) await onServer(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    },
  };
}

describe.each(tenantEngines)('on %s', (engine) => {
  const set = tenantMigrations(engine);
  const dbs = databases(engine);
  const inNew = async <T>(name: string, work: (sql: SqlConnection) => Promise<T>) => withTenantSql({ url: await dbs.create(name), schema: null }, work);
  afterAll(() => dbs.drop());

  test('a database the migrations built, without their history, is adopted whole: every table kept, none created', async () => {
    await inNew('whole', async (sql) => {
      await applyMigrations(sql, set);
      await sql.query('DROP TABLE _prisma_migrations');
      expect(await adoptExistingTables(sql, set, () => {})).toEqual({ kept: expectedTables(set), created: [] });
    });
  });

  test('the baseline is recorded as prisma migrate resolve --applied records it, and a later migration then applies', async () => {
    await inNew('later', async (sql) => {
      const category = set.migrations[0].statements.find((s) => tableOf(s) === 'Category' && isCreateTable(s))!;
      await sql.query(category);
      const created: number[] = [];
      const adoption = await adoptExistingTables(sql, set, (n) => void created.push(n));
      expect(adoption?.kept).toEqual(['Category']);
      expect(created).toHaveLength(expectedTables(set).length - 1);

      const rows = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations',
      );
      const recorded = rows.map((r) => ({ name: r.migration_name, checksum: r.checksum, finished: r.finished_at !== null, steps: Number(r.applied_steps_count) }));
      expect(recorded).toEqual(set.migrations.map((m) => ({ name: m.name, checksum: m.checksum, finished: true, steps: 0 })));

      const later: MigrationSet = {
        ...set,
        migrations: [...set.migrations, { name: '20991231000000_category_note', checksum: 'f'.repeat(64), statements: ['ALTER TABLE "Category" ADD COLUMN "note" TEXT'], tables: 0 }],
      };
      expect(await applyMigrations(sql, later)).toEqual({ applied: ['20991231000000_category_note'] });
      expect(await migrationStatus(sql, later)).toMatchObject({ pending: [], failed: [], modified: [] });
    });
  });
});
