// The rewrite of tenant migrations for the pool database, statement shape by statement
// shape: what it rewrites, what it passes through as written, and what it refuses.
// (test/integration/poolDatabase.test.ts applies the result to a real server.)
import { migrationChecksum, tenantMigrations, type MigrationSet } from '../../src/db/migrations';
import { asPoolMigrations, poolMigrations } from '../../src/db/poolMigrations';
import { poolStatements, UnpoolableStatement } from '../../src/db/poolStatements';
import { splitSqlStatements } from '../../src/db/sqlStatements';

const CURRENT_TENANT = `(SELECT NULLIF(current_setting('tenantgraph.tenant', true), '')::uuid)`;

test('a new table gets "tenantId" first, leading its primary key, and forced row-level security with a policy for the tenant', () => {
  const statement = `-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
)`;
  expect(poolStatements(statement)).toEqual([
    `-- CreateTable
CREATE TABLE "Counter" (
    "tenantId" UUID NOT NULL DEFAULT (current_setting('tenantgraph.tenant')::uuid),
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("tenantId", "name")
)`,
    'ALTER TABLE "Counter" ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE "Counter" FORCE ROW LEVEL SECURITY',
    `CREATE POLICY "Counter_tenant" ON "Counter" USING ("tenantId" = ${CURRENT_TENANT}) WITH CHECK ("tenantId" = ${CURRENT_TENANT})`,
  ]);
});

test('a composite primary key, a schema-qualified name, and keywords inside quotes or nested parentheses', () => {
  const [created, enable] = poolStatements(`CREATE TABLE "public"."Pair" (
    "a" DECIMAL(18,2) NOT NULL,
    "b" TEXT NOT NULL DEFAULT 'UNIQUE, REFERENCES (x)',
    "unique" TEXT,
    CONSTRAINT "Pair_pkey" PRIMARY KEY ("a","b")
)`);
  expect(created).toContain('CONSTRAINT "Pair_pkey" PRIMARY KEY ("tenantId", "a","b")');
  expect(created).toContain(`"b" TEXT NOT NULL DEFAULT 'UNIQUE, REFERENCES (x)',`);
  expect(enable).toBe('ALTER TABLE "public"."Pair" ENABLE ROW LEVEL SECURITY');
});

test('btree indexes lead with "tenantId"; a non-unique GIN index stays as written', () => {
  expect(poolStatements('CREATE UNIQUE INDEX "Product_sku_key" ON "Product"("sku")')).toEqual([
    'CREATE UNIQUE INDEX "Product_sku_key" ON "Product"("tenantId", "sku")',
  ]);
  expect(poolStatements('CREATE INDEX "Customer_email_idx" ON "Customer"(lower("email"), "name" DESC)')).toEqual([
    'CREATE INDEX "Customer_email_idx" ON "Customer"("tenantId", lower("email"), "name" DESC)',
  ]);
  const gin = 'CREATE INDEX "Product_tags_idx" ON "Product" USING GIN ("tags")';
  expect(poolStatements(gin)).toEqual([gin]);
});

test('a foreign key pairs "tenantId" on both sides; ON DELETE SET NULL and SET DEFAULT name only the key\'s own columns', () => {
  expect(
    poolStatements(
      'ALTER TABLE "Category" ADD CONSTRAINT "Category_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE',
    ),
  ).toEqual([
    'ALTER TABLE "Category" ADD CONSTRAINT "Category_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Category"("tenantId", "id") ON DELETE SET NULL ("parentId") ON UPDATE CASCADE',
  ]);
  expect(
    poolStatements('ALTER TABLE "L" ADD CONSTRAINT "L_fkey" FOREIGN KEY ("a", "b") REFERENCES "P"("x", "y") ON DELETE SET DEFAULT ON UPDATE RESTRICT'),
  ).toEqual([
    'ALTER TABLE "L" ADD CONSTRAINT "L_fkey" FOREIGN KEY ("tenantId", "a", "b") REFERENCES "P"("tenantId", "x", "y") ON DELETE SET DEFAULT ("a", "b") ON UPDATE RESTRICT',
  ]);
});

test('of an ALTER TABLE with several changes only the new primary key is rewritten; added columns pass through as written', () => {
  const statement = `ALTER TABLE "Setting" DROP CONSTRAINT "Setting_pkey",
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'shop',
ADD CONSTRAINT "Setting_pkey" PRIMARY KEY ("scope", "key")`;
  expect(poolStatements(statement)).toEqual([statement.replace('PRIMARY KEY ("scope"', 'PRIMARY KEY ("tenantId", "scope"')]);
  expect(poolStatements('ALTER TABLE "Discount" ADD CONSTRAINT "Discount_code_key" UNIQUE ("code")')).toEqual([
    'ALTER TABLE "Discount" ADD CONSTRAINT "Discount_code_key" UNIQUE ("tenantId", "code")',
  ]);
  const added = `ALTER TABLE "Product" ADD COLUMN     "imageUrls" JSONB NOT NULL DEFAULT '[]',\nADD COLUMN     "tags" JSONB NOT NULL DEFAULT '[]'`;
  expect(poolStatements(added)).toEqual([added]);
});

test('an exclusion constraint compares "tenantId" first, so one tenant\'s rows never exclude another\'s', () => {
  expect(
    poolStatements(
      'ALTER TABLE "Booking" ADD CONSTRAINT "Booking_providerId_no_overlap" EXCLUDE USING gist ("providerId" WITH =, tsrange("startsAt", "endsAt") WITH &&) WHERE ("classSessionId" IS NULL AND "status" <> \'CANCELLED\')',
    ),
  ).toEqual([
    'ALTER TABLE "Booking" ADD CONSTRAINT "Booking_providerId_no_overlap" EXCLUDE USING gist ("tenantId" WITH =, "providerId" WITH =, tsrange("startsAt", "endsAt") WITH &&) WHERE ("classSessionId" IS NULL AND "status" <> \'CANCELLED\')',
  ]);
  expect(poolStatements('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public')).toEqual(['CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public']);
});

test.each([
  "CREATE TYPE \"OrderStatus\" AS ENUM ('PENDING', 'PAID')",
  'ALTER TYPE "OrderStatus" ADD VALUE \'REFUNDED\'',
  'DROP INDEX "Product_kind_idx"',
  'ALTER TABLE "Product" DROP COLUMN "cost"',
  'ALTER TABLE "Product" ALTER COLUMN "unit" SET DEFAULT \'g\'',
  'ALTER TABLE "Product" RENAME COLUMN "unit" TO "measure"',
  "SELECT pg_advisory_xact_lock(hashtext('tenantgraph:btree_gist'))",
])('passes through what cannot mix tenants: %s', (statement) => {
  expect(poolStatements(statement)).toEqual([statement]);
});

test.each([
  ['a column with an inline key', 'CREATE TABLE "T" (\n    "id" UUID NOT NULL PRIMARY KEY\n)', /inline/],
  ['a table-level unique constraint', 'CREATE TABLE "T" (\n    "id" UUID NOT NULL,\n    CONSTRAINT "T_id_key" UNIQUE ("id")\n)', /does not know/],
  ['a table that goes on after its columns', 'CREATE TABLE "T" (\n    "id" UUID NOT NULL\n) PARTITION BY HASH ("id")', /goes on after/],
  ['an added column that references', 'ALTER TABLE "T" ADD COLUMN "p" UUID REFERENCES "P"("id")', /inline/],
  ['a unique constraint over an existing index', 'ALTER TABLE "T" ADD CONSTRAINT "T_key" UNIQUE USING INDEX "T_idx"', /does not know/],
  ['row-level security turned off', 'ALTER TABLE "T" DISABLE ROW LEVEL SECURITY', /does not know/],
  [
    'a foreign key that sets columns on update',
    'ALTER TABLE "T" ADD CONSTRAINT "T_fkey" FOREIGN KEY ("p") REFERENCES "P"("id") ON DELETE CASCADE ON UPDATE SET NULL',
    /on update/,
  ],
  ['a deferrable foreign key', 'ALTER TABLE "T" ADD CONSTRAINT "T_fkey" FOREIGN KEY ("p") REFERENCES "P"("id") DEFERRABLE', /not of the form/],
  ['a view, which would read as its owner', 'CREATE VIEW "V" AS SELECT * FROM "T"', /no rule/],
  ['a data migration', 'UPDATE "Order" SET "customerId" = (SELECT "id" FROM "Customer" LIMIT 1)', /no rule/],
  ['a lock keyed by what a table holds', 'SELECT pg_advisory_xact_lock((SELECT count(*) FROM "Customer"))', /no rule/],
  ["the pool's own column", 'ALTER TABLE "T" DROP COLUMN "tenantId"', /"tenantId"/],
])('refuses %s', (_, statement, reason) => {
  expect(() => poolStatements(statement)).toThrow(UnpoolableStatement);
  expect(() => poolStatements(statement)).toThrow(reason);
});

test("the pool migrations keep the tenant migrations' names and table counts, with checksums of the SQL they run", () => {
  const tenant = tenantMigrations('postgresql');
  const pool = poolMigrations();
  expect(pool.migrations.map((m) => [m.name, m.tables])).toEqual(tenant.migrations.map((m) => [m.name, m.tables]));
  expect(pool.fingerprint).not.toBe(tenant.fingerprint);
  for (const migration of pool.migrations) {
    // The file the migration would be, written for the pool database: for one whose statements all pass through, the tenant's own file.
    const sql = `${migration.statements.join(';\n\n')};\n`;
    expect(migration.checksum).toBe(migrationChecksum(sql));
    expect(splitSqlStatements(sql)).toEqual(migration.statements);
  }
  expect(poolMigrations()).toBe(pool);
});

test('a statement that cannot be rewritten is named with its migration', () => {
  const set: MigrationSet = {
    engine: 'postgresql',
    fingerprint: 'x',
    migrations: [
      { name: '20270101000000_report_view', checksum: 'x', tables: 0, statements: ['CREATE TYPE "K" AS ENUM (\'A\')', 'CREATE VIEW "V" AS SELECT 1'] },
    ],
  };
  expect(() => asPoolMigrations(set)).toThrow(
    /^migration 20270101000000_report_view, statement 2, cannot be rewritten for the pool database: .*\nCREATE VIEW "V"/,
  );
});
