// Adoption judges existing tables against the columns read from the migration SQL:
// a database the migrations themselves built must match it in full, on each engine,
// or the reading is wrong; one that only the first migrations built is an earlier
// copy, brought up to what all of them build. After adoption the history is a Prisma
// baseline, and a later migration applies as on any database.
import { randomBytes } from 'node:crypto';
import type { Engine } from '../../src/engine';
import { isCreateTable, tenantMigrations, type MigrationSet } from '../../src/db/migrations';
import { applyMigrations, migrationStatus } from '../../src/db/migrator';
import type { SqlConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { adoptExistingTables } from '../../src/provisioning/adoptExistingTables';
import { ProvisioningError } from '../../src/provisioning/provisioningError';
import { tableOf, typeFamily } from '../../src/provisioning/migrationColumns';
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

  /**
   * Every table here with its columns (name, type family, nullability, default), as the
   * server describes them. Adoption judges types by family (TEXT and VARCHAR(191) are both
   * text): a table that differs from ours only in a column's spelling of text is ours.
   */
  const shapeOf = async (sql: SqlConnection) => {
    const [here, type] = engine === 'mysql' ? ['DATABASE()', 'column_type'] : ['current_schema()', 'udt_name'];
    const rows = await sql.query<{ t: string; c: string; type: string; nullable: string; def: string | null }>(
      `SELECT table_name AS t, column_name AS c, ${type} AS type, is_nullable AS nullable, column_default AS def
         FROM information_schema.columns WHERE table_schema = ${here} AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
    );
    const tables: Record<string, string[]> = {};
    for (const r of rows) (tables[r.t] ??= []).push(`${r.c} ${typeFamily(r.type)} ${r.nullable} ${r.def}`);
    return tables;
  };
  const built = (upTo: number): MigrationSet => ({ ...set, migrations: set.migrations.slice(0, upTo) });

  test('a database the migrations built, without their history, is adopted whole: every table kept, none created', async () => {
    await inNew('whole', async (sql) => {
      await applyMigrations(sql, set);
      await sql.query('DROP TABLE _prisma_migrations');
      expect(await adoptExistingTables(sql, set, () => {})).toEqual({ kept: expectedTables(set), updated: [], created: [] });
    });
  });

  test('a database only the first migrations built is kept whole and brought up to what all of them build, for each earlier migration', async () => {
    expect(set.migrations.length).toBeGreaterThan(1);
    const full = await inNew('full', async (sql) => {
      await applyMigrations(sql, set);
      return shapeOf(sql);
    });
    for (let upTo = 1; upTo < set.migrations.length; upTo++) {
      await inNew(`upto${upTo}`, async (sql) => {
        await applyMigrations(sql, built(upTo));
        await sql.query('DROP TABLE _prisma_migrations');
        const before = await shapeOf(sql);
        const older = Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(full[table]));

        const adoption = await adoptExistingTables(sql, set, () => {});
        expect(adoption).toEqual({
          kept: expectedTables(set).filter((table) => table in before),
          updated: expectedTables(set).filter((table) => older.includes(table)),
          created: expectedTables(set).filter((table) => !(table in before)),
        });
        expect(await shapeOf(sql)).toEqual(full);
        expect(await migrationStatus(sql, set)).toEqual({ applied: set.migrations.map((m) => m.name), pending: [], modified: [], failed: [] });
      });
    }
  });

  test('a table that matches no migration\'s version of it (a later column without the ones before it) stops adoption, named, before anything is written', async () => {
    // The last statement that adds a column to a table the first migration made, after an
    // earlier migration added another: that table with it and without the earlier one is no migration's version.
    const addsAColumn = (s: string) => /^ALTER TABLE\s+\S+\s+ADD COLUMN\b/im.test(s);
    const migrationOf = (statement: string) => set.migrations.findIndex((m) => m.statements.includes(statement));
    const addsColumn = set.migrations
      .flatMap((m) => m.statements)
      .findLast(
        (s) =>
          addsAColumn(s) &&
          set.migrations[0].statements.some((c) => isCreateTable(c) && tableOf(c) === tableOf(s)) &&
          set.migrations.slice(1, migrationOf(s)).some((m) => m.statements.some((earlier) => addsAColumn(earlier) && tableOf(earlier) === tableOf(s))),
      )!;
    const adding = migrationOf(addsColumn);
    expect(set.migrations.slice(1, adding).some((m) => m.statements.some((s) => tableOf(s) === tableOf(addsColumn)))).toBe(true); // so it skips some
    await inNew('partial', async (sql) => {
      await applyMigrations(sql, built(1));
      await sql.query('DROP TABLE _prisma_migrations');
      await sql.query(addsColumn);
      const before = await shapeOf(sql);
      const adopting = adoptExistingTables(sql, set, () => {});
      await expect(adopting).rejects.toThrow(ProvisioningError);
      await expect(adopting).rejects.toThrow(
        new RegExp(`^tables in your database do not match the tenant schema: ${tableOf(addsColumn)} \\(column \\w+ is already there, though a later migration adds it\\)`),
      );
      expect(await shapeOf(sql)).toEqual(before);
    });
  });

  test('the baseline is recorded as prisma migrate resolve --applied records it, and a later migration then applies', async () => {
    await inNew('later', async (sql) => {
      const category = set.migrations[0].statements.find((s) => tableOf(s) === 'Category' && isCreateTable(s))!;
      await sql.query(category);
      const created: number[] = [];
      const adoption = await adoptExistingTables(sql, set, (n) => void created.push(n));
      expect(adoption).toMatchObject({ kept: ['Category'], updated: [] });
      expect(created).toHaveLength(expectedTables(set).length - 1);

      const rows = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
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
