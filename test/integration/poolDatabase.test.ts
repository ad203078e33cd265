// The pool database, where the rows of many tenants share the tables: prepared by two
// processes at once, checked from the catalogs (every table, index and foreign key
// there, whatever the migrations named them, so a later migration is covered too) and
// by what the gateway's role, connected directly, can and cannot see and write.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { tenantMigrations } from '../../src/db/migrations';
import { migrationStatus } from '../../src/db/migrator';
import { poolMigrations } from '../../src/db/poolMigrations';
import { POOL_TENANT_SETTING as TENANT_SETTING } from '../../src/db/poolScope';
import { pgConnection } from '../../src/db/sqlConnection';
import { withDatabase, withLogin } from '../../src/db/urls';
import { preparePoolDatabase, type PreparedPoolDatabase } from '../../src/provisioning/poolDatabase';
import { poolTables } from '../../src/provisioning/poolTables';
import { deletePoolTenantRows, poolTenantBytes } from '../../src/provisioning/poolTenantRows';
import { describeProblems, expectedTables, tenantSchemaProblems } from '../../src/provisioning/verifyTenantSchema';
import { onServer, testDatabases } from '../support/database';

const dbs = testDatabases();
const database = `${dbs.prefix}pool`;
const role = { name: `${dbs.prefix}gateway`, password: randomBytes(16).toString('hex') };
const A = randomUUID();
const B = randomUUID();

/** The migrator's connection: the server's superuser, which the tenant policies do not hold. */
let owner: pg.Client;
/** The gateway's role. */
let gateway: pg.Client;
let concurrentRuns: PreparedPoolDatabase[];
let a: Awaited<ReturnType<typeof seed>>;
let b: Awaited<ReturnType<typeof seed>>;

async function connected(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  return client;
}

/** Runs `work` in a transaction of `tenant`, begun as the gateway begins it. */
async function asTenant<T>(tenant: string, work: () => Promise<T>, client = gateway): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL "${TENANT_SETTING}" = '${tenant}'`);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

const run = (sql: string, values?: unknown[]) => gateway.query(sql, values);
const count = async (table: string, client = gateway) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;

/** The same rows for each tenant, down to the SKU, invoice number and counter name: what is unique is unique per tenant. */
async function seed(tenant: string) {
  const ids = {
    rings: randomUUID(),
    goldRings: randomUUID(),
    ring: randomUUID(),
    customer: randomUUID(),
    invoice: randomUUID(),
    assets: randomUUID(),
    cash: randomUUID(),
    sale: randomUUID(),
    reversal: randomUUID(),
  };
  await asTenant(tenant, async () => {
    await run('INSERT INTO "Category"(id, name) VALUES ($1, $2)', [ids.rings, 'Rings']);
    await run('INSERT INTO "Category"(id, name, "parentId") VALUES ($1, $2, $3)', [ids.goldRings, 'Gold rings', ids.rings]);
    await run(
      `INSERT INTO "Product"(id, sku, name, kind, "categoryId", price, currency, "updatedAt") VALUES ($1, 'R-1', 'Ring', 'JEWELRY', $2, 100, 'EUR', now())`,
      [ids.ring, ids.goldRings],
    );
    await run(`INSERT INTO "Customer"(id, name, "updatedAt") VALUES ($1, 'Ada', now())`, [ids.customer]);
    await run(`INSERT INTO "Invoice"(id, number, kind, "customerId", currency, "updatedAt") VALUES ($1, 'INV-1', 'SALE', $2, 'EUR', now())`, [
      ids.invoice,
      ids.customer,
    ]);
    for (const position of [1, 2, 3]) {
      await run(
        `INSERT INTO "InvoiceItem"(id, "invoiceId", "productId", description, quantity, "unitPrice", "lineTotal", position) VALUES ($1, $2, $3, 'Ring', 1, 100, 100, $4)`,
        [randomUUID(), ids.invoice, ids.ring, position],
      );
    }
    await run(`INSERT INTO "Payment"(id, "invoiceId", amount, method) VALUES ($1, $2, 100, 'CASH')`, [randomUUID(), ids.invoice]);
    await run(`INSERT INTO "Account"(id, code, name, type) VALUES ($1, '1000', 'Assets', 'ASSET')`, [ids.assets]);
    await run(`INSERT INTO "Account"(id, code, name, type, "parentId") VALUES ($1, '1100', 'Cash', 'ASSET', $2)`, [ids.cash, ids.assets]);
    await run(`INSERT INTO "JournalEntry"(id, description) VALUES ($1, 'Sale')`, [ids.sale]);
    await run(`INSERT INTO "JournalEntry"(id, description, "reversesId") VALUES ($1, 'Reversal', $2)`, [ids.reversal, ids.sale]);
    await run(`INSERT INTO "JournalLine"(id, "entryId", "accountId", debit, "customerId") VALUES ($1, $2, $3, 100, $4)`, [
      randomUUID(),
      ids.sale,
      ids.cash,
      ids.customer,
    ]);
    await run(`INSERT INTO "Counter"(name, value) VALUES ('invoice', 1)`);
    await run(`INSERT INTO "Setting"(key, value, "updatedAt") VALUES ('currency', '"EUR"', now())`);
  });
  return ids;
}

/** Rows per table and tenant, as the owner sees them. */
async function rowsByTenant(): Promise<Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const { name } of await poolTables(owner)) {
    const { rows } = await owner.query<{ tenant: string; n: number }>(`SELECT "tenantId" AS tenant, count(*)::int AS n FROM "${name}" GROUP BY 1`);
    counts[name] = Object.fromEntries(rows.map((r) => [r.tenant, r.n]));
  }
  return counts;
}

const sum = (counts: Record<string, Record<string, number>>, tenant: string) => Object.values(counts).reduce((n, byTenant) => n + (byTenant[tenant] ?? 0), 0);

beforeAll(async () => {
  concurrentRuns = await Promise.all([1, 2].map(() => preparePoolDatabase(dbs.serverUrl, database, role)));
  owner = await connected(withDatabase(dbs.serverUrl, database));
  gateway = await connected(withLogin(withDatabase(dbs.serverUrl, database), role.name, role.password));
  a = await seed(A);
  b = await seed(B);
});

afterAll(async () => {
  await owner?.end();
  await gateway?.end();
  await dbs.drop();
  // Its grants went with the database; nothing else holds it.
  await onServer(`DROP ROLE IF EXISTS "${role.name}"`);
});

test('two processes prepare the pool database at once: one applies every migration, the other nothing; a later run only sets the password', async () => {
  const names = poolMigrations().migrations.map((m) => m.name);
  expect(concurrentRuns.map((r) => r.migrationsApplied).sort((x, y) => x.length - y.length)).toEqual([[], names]);
  expect(concurrentRuns.map((r) => r.roleCreated).sort()).toEqual([false, true]);

  const verifier = async () => (await owner.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [role.name])).rows[0].rolpassword;
  const before = await verifier();
  expect(await preparePoolDatabase(dbs.serverUrl, database, { ...role, password: 'changed' })).toEqual({ migrationsApplied: [], roleCreated: false });
  expect(await verifier()).not.toBe(before);
});

test('the history lists the tenant migrations by name, and checks against the pool migrations find nothing amiss', async () => {
  const { rows } = await owner.query<{ name: string }>('SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name');
  expect(rows.map((r) => r.name)).toEqual(tenantMigrations('postgresql').migrations.map((m) => m.name));
  const connection = pgConnection(owner);
  expect(await migrationStatus(connection, poolMigrations())).toMatchObject({ pending: [], modified: [], failed: [] });
  expect(describeProblems(await tenantSchemaProblems(connection, poolMigrations()))).toBeNull();
});

test('every table has a uuid "tenantId", forced row-level security and one policy on the tenant setting, for reading and writing', async () => {
  const { rows } = await owner.query(
    `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            (SELECT format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
               FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenantId' AND NOT a.attisdropped) AS "tenantColumn",
            (SELECT array_agg(p.polcmd::text || ' ' || p.polpermissive::text || ' ' || pg_get_expr(p.polqual, p.polrelid) || ' / ' || pg_get_expr(p.polwithcheck, p.polrelid))
               FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
     FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
     ORDER BY c.relname`,
  );
  expect(rows.map((r) => r.name)).toEqual([...expectedTables(poolMigrations())].sort());
  const own = `("tenantId" = ( SELECT (NULLIF(current_setting('${TENANT_SETTING}'::text, true), ''::text))::uuid AS "nullif"))`;
  for (const table of rows) {
    expect(table).toEqual({ name: table.name, enabled: true, forced: true, tenantColumn: 'uuid NOT NULL', policies: [`* true ${own} / ${own}`] });
  }
});

test('every primary key, unique index and btree index leads with "tenantId"', async () => {
  const { rows } = await owner.query<{ index: string; unique: boolean; primary: boolean; first: string }>(
    `SELECT ic.relname AS index, i.indisunique AS unique, i.indisprimary AS primary, a.attname AS first
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_am am ON am.oid = ic.relam
     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
     WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> '_prisma_migrations' AND (i.indisunique OR am.amname = 'btree')`,
  );
  expect(rows.filter((r) => r.primary)).toHaveLength(expectedTables(poolMigrations()).length);
  expect(rows.filter((r) => r.first !== 'tenantId')).toEqual([]);
});

test('every foreign key pairs "tenantId" with "tenantId", and ON DELETE SET NULL sets only its own columns', async () => {
  const { rows } = await owner.query<{ name: string; columns: string[]; referenced: string[]; onDelete: string; setOnDelete: string[] | null }>(
    `SELECT k.conname AS name,
            (SELECT array_agg(a.attname::text ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) AS referenced,
            k.confdeltype AS "onDelete",
            (SELECT array_agg(a.attname::text ORDER BY u.ord) FROM unnest(k.confdelsetcols) WITH ORDINALITY u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS "setOnDelete"
     FROM pg_constraint k
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  );
  const foreignKeys = tenantMigrations('postgresql')
    .migrations.flatMap((m) => m.statements)
    .filter((s) => /\bFOREIGN KEY\b/.test(s));
  expect(rows).toHaveLength(foreignKeys.length);
  for (const key of rows) {
    expect([key.name, key.columns[0], key.referenced[0], key.columns.length === key.referenced.length]).toEqual([key.name, 'tenantId', 'tenantId', true]);
    // n: SET NULL, d: SET DEFAULT
    if (key.onDelete === 'n' || key.onDelete === 'd') expect([key.name, key.setOnDelete]).toEqual([key.name, key.columns.slice(1)]);
  }
  expect(rows.some((key) => key.onDelete === 'n')).toBe(true);
});

test('the gateway role is neither superuser nor BYPASSRLS, owns nothing, and cannot reach the migration history or turn the policies off', async () => {
  const { rows } = await owner.query(
    `SELECT r.rolsuper AS superuser, r.rolbypassrls AS "bypassRls", r.rolcreatedb AS "createDb", r.rolcreaterole AS "createRole",
            (SELECT count(*)::int FROM pg_shdepend d WHERE d.refobjid = r.oid AND d.deptype = 'o') AS owns,
            has_table_privilege(r.oid, '_prisma_migrations', 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS "historyAccess"
     FROM pg_roles r WHERE r.rolname = $1`,
    [role.name],
  );
  expect(rows).toEqual([{ superuser: false, bypassRls: false, createDb: false, createRole: false, owns: 0, historyAccess: false }]);
  expect((await run('SELECT current_user AS me')).rows[0].me).toBe(role.name);
  await expect(run('SELECT * FROM _prisma_migrations')).rejects.toMatchObject({ code: '42501' });
  await expect(run('ALTER TABLE "Product" DISABLE ROW LEVEL SECURITY')).rejects.toMatchObject({ code: '42501' });
});

test('with no tenant set the role sees none of the rows two tenants have, and can write none', async () => {
  expect(await count('Product', owner)).toBe(2);
  // A connection that never set the tenant, and one whose tenant transactions are over.
  const fresh = await connected(withLogin(withDatabase(dbs.serverUrl, database), role.name, role.password));
  try {
    for (const client of [fresh, gateway]) {
      expect(await count('Product', client)).toBe(0);
      await expect(client.query(`INSERT INTO "Counter"(name) VALUES ('orders')`)).rejects.toThrow(/tenantgraph\.tenant|uuid/);
      await expect(client.query(`INSERT INTO "Counter"("tenantId", name) VALUES ($1, 'orders')`, [A])).rejects.toMatchObject({ code: '42501' });
    }
  } finally {
    await fresh.end();
  }
});

test("in a tenant's transaction the role sees and writes only that tenant's rows", async () => {
  await asTenant(A, async () => {
    const { rows } = await run('SELECT id, "tenantId" FROM "Product"');
    expect(rows).toEqual([{ id: a.ring, tenantId: A }]);
    expect((await run(`INSERT INTO "Counter"(name) VALUES ('orders') RETURNING "tenantId"`)).rows).toEqual([{ tenantId: A }]);
    expect((await run('UPDATE "Product" SET name = $2 WHERE id = $1', [b.ring, 'taken'])).rowCount).toBe(0);
    expect((await run('DELETE FROM "Customer" WHERE id = $1', [b.customer])).rowCount).toBe(0);
  });
  await expect(asTenant(A, () => run(`INSERT INTO "Counter"("tenantId", name) VALUES ($1, 'planted')`, [B]))).rejects.toMatchObject({ code: '42501' });
  await expect(asTenant(A, () => run('UPDATE "Product" SET "tenantId" = $2 WHERE id = $1', [a.ring, B]))).rejects.toMatchObject({ code: '42501' });
  expect((await owner.query('SELECT name FROM "Product" WHERE id = $1', [b.ring])).rows).toEqual([{ name: 'Ring' }]);
  expect((await owner.query('SELECT count(*)::int AS n FROM "Customer" WHERE id = $1', [b.customer])).rows[0].n).toBe(1);
});

test("tenants may share a SKU, counter name and setting key, each unique within its tenant; no row references another tenant's", async () => {
  for (const [table, column, value] of [
    ['Product', 'sku', 'R-1'],
    ['Counter', 'name', 'invoice'],
    ['Setting', 'key', 'currency'],
  ]) {
    const { rows } = await owner.query(`SELECT "tenantId" FROM "${table}" WHERE "${column}" = $1 ORDER BY "tenantId"`, [value]);
    expect(rows.map((r) => r.tenantId)).toEqual([A, B].sort());
  }
  await expect(asTenant(A, () => run(`INSERT INTO "Counter"(name) VALUES ('invoice')`))).rejects.toMatchObject({ code: '23505' });
  // B's ids, known to A, name no row A can reference.
  await expect(
    asTenant(A, () =>
      run(`INSERT INTO "Product"(id, sku, name, kind, "categoryId", price, currency, "updatedAt") VALUES ($1, 'R-2', 'Ring', 'JEWELRY', $2, 1, 'EUR', now())`, [
        randomUUID(),
        b.rings,
      ]),
    ),
  ).rejects.toMatchObject({ code: '23503' });
  await expect(
    asTenant(A, () =>
      run(`INSERT INTO "Invoice"(id, number, kind, "customerId", currency, "updatedAt") VALUES ($1, 'INV-2', 'SALE', $2, 'EUR', now())`, [
        randomUUID(),
        b.customer,
      ]),
    ),
  ).rejects.toMatchObject({ code: '23503' });
});

test('an error in a tenant transaction and its rollback leave no tenant on the connection', async () => {
  await gateway.query('BEGIN');
  await gateway.query(`SET LOCAL "${TENANT_SETTING}" = '${A}'`);
  expect(await count('Product')).toBe(1);
  await expect(gateway.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
  await gateway.query('ROLLBACK');
  const { rows } = await gateway.query('SELECT current_setting($1, true) AS tenant', [TENANT_SETTING]);
  expect(['', null]).toContain(rows[0].tenant);
  expect(await count('Product')).toBe(0);
});

test("deleting a category sets its subcategories' and products' reference to null, never their tenantId", async () => {
  await asTenant(A, async () => {
    await run('DELETE FROM "Category" WHERE id = $1', [a.goldRings]);
    await run('DELETE FROM "Category" WHERE id = $1', [a.rings]);
  });
  const id = randomUUID();
  await asTenant(A, async () => {
    await run('INSERT INTO "Category"(id, name) VALUES ($1, $2)', [id, 'Rings']);
    await run('INSERT INTO "Category"(id, name, "parentId") VALUES ($1, $2, $3)', [a.goldRings, 'Gold rings', id]);
    await run('UPDATE "Product" SET "categoryId" = $2 WHERE id = $1', [a.ring, a.goldRings]);
    await run('DELETE FROM "Category" WHERE id = $1', [id]);
  });
  expect((await owner.query('SELECT "tenantId", "parentId" FROM "Category" WHERE id = $1', [a.goldRings])).rows).toEqual([{ tenantId: A, parentId: null }]);
  await asTenant(A, () => run('DELETE FROM "Category" WHERE id = $1', [a.goldRings]));
  expect((await owner.query('SELECT "tenantId", "categoryId" FROM "Product" WHERE id = $1', [a.ring])).rows).toEqual([{ tenantId: A, categoryId: null }]);
});

test("a tenant's share of storage grows with its rows and counts no other tenant's", async () => {
  expect(await poolTenantBytes(owner, randomUUID())).toBe(0);
  const before = await poolTenantBytes(owner, A);
  expect(before).toBeGreaterThan(0);
  await asTenant(A, async () => {
    for (let i = 0; i < 20; i++)
      await run(`INSERT INTO "Customer"(id, name, notes, "updatedAt") VALUES ($1, 'Grace', repeat('x', 200), now())`, [randomUUID()]);
  });
  expect(await poolTenantBytes(owner, A)).toBeGreaterThan(before + 20 * 200);
});

test("deleting a tenant's rows, in small batches, takes every one of its rows in every table and none of another tenant's", async () => {
  const before = await rowsByTenant();
  expect(Object.values(before).filter((byTenant) => byTenant[A] > 2).length).toBeGreaterThan(0);
  expect(await deletePoolTenantRows(owner, A, 2)).toBe(sum(before, A));
  const after = await rowsByTenant();
  expect(sum(after, A)).toBe(0);
  expect(Object.fromEntries(Object.entries(after).map(([table, byTenant]) => [table, byTenant[B] ?? 0]))).toEqual(
    Object.fromEntries(Object.entries(before).map(([table, byTenant]) => [table, byTenant[B] ?? 0])),
  );
  expect(await poolTenantBytes(owner, A)).toBe(0);
  expect(await poolTenantBytes(owner, B)).toBeGreaterThan(0);
});
