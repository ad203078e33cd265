// `npm run migration:create -- tenant <name>` writes the PostgreSQL migration (Prisma's
// engine) and the MySQL one (from the MySQL schema's datamodel) in folders of the same
// name, and the MySQL SQL takes a database from the committed schema to the edited one.
// It works on copies of prisma/tenant and prisma/tenant-mysql in a git repository of
// their own, committed and then edited as a developer would.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readDatamodel } from '../../scripts/datamodel.cjs';
import { readMigrationSet } from '../../src/db/migrations';
import { applyMigrations } from '../../src/db/migrator';
import { withMysql } from '../../src/db/withMysql';
import { testServerUrl } from '../support/database';
import { MYSQL_SKIPPED, MYSQL_URL, mysqlTestDatabases } from '../support/mysqlDatabase';
import { actualShape, expectedShape } from '../support/mysqlTableShape';

const root = path.resolve(__dirname, '../..');
const SCRIPT = path.join(root, 'scripts/create-migration.mjs');
let work: string;
const prisma = (...parts: string[]) => path.join(work, 'prisma', ...parts);
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=dev', ...args], { cwd: work });

function edit(folder: string, change: (schema: string) => string) {
  const file = prisma(folder, 'schema.prisma');
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${folder}/schema.prisma changed nothing`);
  writeFileSync(file, after);
}

async function createMigration(name: string) {
  const env = { ...process.env, TENANTGRAPH_PRISMA_DIR: prisma(), DATABASE_URL: testServerUrl() };
  return promisify(execFile)(process.execPath, [SCRIPT, 'tenant', name], { cwd: work, env }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error) => ({ code: error.code as number, stdout: error.stdout as string, stderr: error.stderr as string }),
  );
}

/** A customer gets loyalty points and gift cards, and loses its name index; MySQL's phone column gets shorter. */
const giftCards = (idType: string) => (schema: string) =>
  schema
    .replace(/(model Customer \{[^}]*?)\n\n  @@index\(\[name\]\)\n\}/, '$1\n  loyaltyPoints Int @default(0)\n  giftCards    GiftCard[]\n}')
    .concat(`\nmodel GiftCard {\n  id         String   @id @default(uuid(7)) ${idType}\n  code       String   @unique\n  customerId String   ${idType}\n  customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade)\n  balance    Decimal  @default(0) @db.Decimal(18, 2)\n\n  @@index([customerId])\n}\n`);

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'tenantgraph-migration-'));
  for (const folder of ['tenant', 'tenant-mysql']) cpSync(path.join(root, 'prisma', folder), prisma(folder), { recursive: true });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'schemas as released');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const run = MYSQL_URL ? test : test.skip;
if (!MYSQL_URL) test.skip(`applying the MySQL migration: ${MYSQL_SKIPPED}`, () => {});

run('an edit to both tenant schemas gives both migrations, and the MySQL one makes the edited schema', async () => {
  edit('tenant', giftCards('@db.Uuid'));
  edit('tenant-mysql', (schema) => giftCards('@db.Char(36)')(schema).replace('  phone        String?', '  phone        String? @db.VarChar(40)'));

  const { code, stdout, stderr } = await createMigration('gift_cards');
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const written = (folder: string) => readdirSync(prisma(folder, 'migrations')).filter((n) => n.endsWith('_gift_cards'));
  expect(written('tenant')).toHaveLength(1);
  expect(written('tenant-mysql')).toEqual(written('tenant'));
  expect(stdout).toContain(`wrote prisma/tenant-mysql/migrations/${written('tenant')[0]}/migration.sql`);

  const sql = readFileSync(prisma('tenant-mysql', 'migrations', written('tenant')[0], 'migration.sql'), 'utf8');
  expect(sql).toContain('-- DropIndex\nDROP INDEX `Customer_name_idx` ON `Customer`;');
  expect(sql).toContain('ALTER TABLE `Customer` ADD COLUMN `loyaltyPoints` INTEGER NOT NULL DEFAULT 0,\n    MODIFY `phone` VARCHAR(40) NULL;');
  expect(sql).toContain('CREATE TABLE `GiftCard` (');

  const dbs = mysqlTestDatabases(MYSQL_URL!);
  try {
    const shape = await withMysql(await dbs.create('edited'), async (connection) => {
      await applyMigrations(connection, readMigrationSet(prisma('tenant-mysql', 'migrations')));
      return actualShape(connection);
    });
    expect(shape).toEqual(expectedShape(readDatamodel(readFileSync(prisma('tenant-mysql', 'schema.prisma'), 'utf8'))));
  } finally {
    await dbs.drop();
  }
});

test('an edit to one tenant schema only is refused, naming what differs', async () => {
  edit('tenant-mysql', giftCards('@db.Char(36)'));
  const { code, stderr } = await createMigration('gift_cards');
  expect(code).toBe(1);
  expect(stderr).toContain('the tenant schemas must describe the same models; edit both:');
  expect(stderr).toContain('Customer.loyaltyPoints is only in prisma/tenant-mysql/schema.prisma');
  expect(stderr).toContain('model GiftCard is only in prisma/tenant-mysql/schema.prisma');
  expect(readdirSync(prisma('tenant', 'migrations')).concat(readdirSync(prisma('tenant-mysql', 'migrations'))).filter((n) => n.endsWith('_gift_cards'))).toEqual([]);
});
