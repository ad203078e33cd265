// `npm run migration:create -- tenant <name>` assembles the tenant schema from its
// modules and tenant-models, then writes the PostgreSQL migration (Prisma's engine) and
// the MySQL one (from the derived MySQL schema's datamodel) in folders of the same name;
// each takes a database from the committed schema to the assembled one. It works on
// copies of prisma/tenant and prisma/tenant-mysql in a git repository of their own,
// committed and then changed as a developer would.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readDatamodel } from '../../scripts/datamodel.cjs';
import { readMigrationSet } from '../../src/db/migrations';
import { applyMigrations } from '../../src/db/migrator';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import { onServer, testServerUrl } from '../support/database';
import { MYSQL_SKIPPED, MYSQL_URL, mysqlTestDatabases } from '../support/mysqlDatabase';
import { actualShape, expectedShape } from '../support/mysqlTableShape';

const root = path.resolve(__dirname, '../..');
const SCRIPT = path.join(root, 'scripts/create-migration.mjs');
const GYM = path.join(root, 'test/fixtures/tenant-models/gym');
let work: string;
const prisma = (...parts: string[]) => path.join(work, 'prisma', ...parts);
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: work });
const read = (...parts: string[]) => readFileSync(prisma(...parts), 'utf8');

function editModule(file: string, change: (text: string) => string) {
  const before = read('tenant', 'modules', file);
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(prisma('tenant', 'modules', file), after);
}

/** Runs the script on the copy, with every module and an empty tenant-models folder unless `settings` say otherwise. */
async function createMigration(name: string, settings: { TENANT_MODULES?: string; TENANT_MODELS_DIR?: string } = {}) {
  const env = { ...process.env, TENANTGRAPH_PRISMA_DIR: prisma(), DATABASE_URL: testServerUrl(), TENANT_MODULES: '', TENANT_MODELS_DIR: path.join(work, 'tenant-models'), ...settings };
  return promisify(execFile)(process.execPath, [SCRIPT, 'tenant', name], { cwd: work, env }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error) => ({ code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string }),
  );
}

const written = (folder: string, name: string) => readdirSync(prisma(folder, 'migrations')).filter((n) => n.endsWith(`_${name}`));
const migrationSql = (folder: string, name: string) => read(folder, 'migrations', written(folder, name)[0], 'migration.sql');

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'tenantgraph-migration-'));
  for (const folder of ['tenant', 'tenant-mysql']) cpSync(path.join(root, 'prisma', folder), prisma(folder), { recursive: true });
  mkdirSync(path.join(work, 'tenant-models'));
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'schemas as released');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Applies the MySQL migrations of the copy to a new database: the tables must be what the assembled MySQL schema describes. */
async function expectMysqlTablesOfTheSchema() {
  const dbs = mysqlTestDatabases(MYSQL_URL!);
  try {
    const shape = await withMysql(await dbs.create('made'), async (connection) => {
      await applyMigrations(connection, readMigrationSet(prisma('tenant-mysql', 'migrations')));
      return actualShape(connection);
    });
    expect(shape).toEqual(expectedShape(readDatamodel(read('tenant-mysql', 'schema.prisma'))));
  } finally {
    await dbs.drop();
  }
}

const run = MYSQL_URL ? test : test.skip;
if (!MYSQL_URL) test.skip(`applying the MySQL migrations: ${MYSQL_SKIPPED}`, () => {});

run('a column added in a module file gives both migrations, and the MySQL one makes the assembled schema', async () => {
  editModule('customers/customers.prisma', (text) => text.replace('  notes      String? @db.Text\n', '  notes      String? @db.Text\n  loyaltyPoints Int @default(0)\n  vatNumber String?\n'));

  const { code, stdout, stderr } = await createMigration('loyalty');
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(written('tenant', 'loyalty')).toHaveLength(1);
  expect(written('tenant-mysql', 'loyalty')).toEqual(written('tenant', 'loyalty'));
  expect(stdout).toContain(`wrote prisma/tenant-mysql/migrations/${written('tenant', 'loyalty')[0]}/migration.sql`);
  expect(read('tenant', 'schema.prisma')).toMatch(/loyaltyPoints +Int +@default\(0\)/);

  expect(migrationSql('tenant', 'loyalty')).toBe('-- AlterTable\nALTER TABLE "Customer" ADD COLUMN     "loyaltyPoints" INTEGER NOT NULL DEFAULT 0,\nADD COLUMN     "vatNumber" TEXT;\n');
  expect(migrationSql('tenant-mysql', 'loyalty')).toBe('-- AlterTable\nALTER TABLE `Customer` ADD COLUMN `loyaltyPoints` INTEGER NOT NULL DEFAULT 0,\n    ADD COLUMN `vatNumber` VARCHAR(191) NULL;\n');
  await expectMysqlTablesOfTheSchema();
});

run("a deployment's own models give CREATE TABLEs on both engines, which make the assembled schema's tables", async () => {
  const { code, stderr } = await createMigration('gyms', { TENANT_MODELS_DIR: GYM });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

  for (const [folder, q] of [['tenant', '"'], ['tenant-mysql', '`']]) {
    const sql = migrationSql(folder, 'gyms');
    for (const table of ['Gym', 'GymClass', 'ClassBooking']) expect(sql).toContain(`CREATE TABLE ${q}${table}${q} (`);
    expect(sql).toContain(`ALTER TABLE ${q}ClassBooking${q} ADD CONSTRAINT ${q}ClassBooking_customerId_fkey${q} FOREIGN KEY (${q}customerId${q}) REFERENCES ${q}Customer${q}(${q}id${q})`);
  }
  await expectMysqlTablesOfTheSchema();

  // PostgreSQL: the migrations apply in order to a new database, and make the tables.
  const database = `tgt_gyms_${process.pid}`;
  await onServer(`CREATE DATABASE "${database}"`);
  try {
    const tables = await withTenantSql({ url: withDatabase(testServerUrl(), database), schema: null }, async (sql) => {
      await applyMigrations(sql, readMigrationSet(prisma('tenant', 'migrations')));
      const rows = await sql.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('Gym', 'GymClass', 'ClassBooking') ORDER BY 1`,
      );
      return rows.map((r) => r.name);
    });
    expect(tables).toEqual(['ClassBooking', 'Gym', 'GymClass']);
  } finally {
    await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
});

test('a module selection that lacks a requirement is refused, naming both modules, and nothing is written', async () => {
  const { code, stderr } = await createMigration('shop_only', { TENANT_MODULES: 'catalogue,commerce' });
  expect(code).toBe(1);
  expect(stderr).toContain('module "commerce" requires module "customers"');
  expect(written('tenant', 'shop_only').concat(written('tenant-mysql', 'shop_only'))).toEqual([]);
  expect(git('status', '--porcelain').toString()).toBe('');
});

test('with nothing changed, there is nothing to write', async () => {
  const { code, stdout } = await createMigration('nothing');
  expect(code).toBe(0);
  expect(stdout).toContain('prisma/tenant/schema.prisma matches HEAD: nothing to write.');
  expect(stdout).toContain('prisma/tenant-mysql/schema.prisma matches HEAD: nothing to write.');
  expect(git('status', '--porcelain').toString()).toBe('');
});
