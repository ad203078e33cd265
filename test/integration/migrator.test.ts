// The in-process migrator records migrations exactly as Prisma Migrate does: Prisma's
// own engine, reading the same database, finds nothing applied, edited or failed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadMigrations } from '../../src/db/migrations';
import { applyMigrations, migrationStatus } from '../../src/db/migrator';
import { withDatabase } from '../../src/db/urls';
import { onServer, testDatabases } from '../support/database';

const dbs = testDatabases();
const tenantUrl = withDatabase(dbs.serverUrl, `${dbs.prefix}tenant`);
const migrations = loadMigrations('tenant');

async function connect(url: string, schema?: string) {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return client;
}

/** What `prisma migrate status` would say, from Prisma's engine (WebAssembly). */
async function prismaStatus(url: string) {
  const script = path.resolve(__dirname, '../../scripts/migrate-status.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [script, 'tenant', url]);
  return JSON.parse(stdout);
}

beforeAll(() => onServer(`CREATE DATABASE "${dbs.prefix}tenant"`));
afterAll(() => dbs.drop());

test('concurrent migrators apply each migration once, recorded with Prisma checksums', async () => {
  const clients = await Promise.all([1, 2, 3].map(() => connect(tenantUrl)));
  const results = await Promise.all(clients.map((c) => applyMigrations(c, migrations)));
  expect(results.flatMap((r) => r.applied)).toEqual(migrations.migrations.map((m) => m.name));

  const { rows } = await clients[0].query('SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations"');
  await Promise.all(clients.map((c) => c.end()));
  const file = (name: string) => readFileSync(path.resolve(__dirname, `../../prisma/tenant/migrations/${name}/migration.sql`));
  expect(rows).toEqual(
    migrations.migrations.map((m) => ({
      migration_name: m.name,
      checksum: createHash('sha256').update(file(m.name)).digest('hex'),
      finished_at: expect.any(Date),
      rolled_back_at: null,
      applied_steps_count: 1,
      logs: null,
    })),
  );

  expect(await prismaStatus(tenantUrl)).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
});

test('running the migrator again is a no-op', async () => {
  const client = await connect(tenantUrl);
  try {
    const before = await client.query('SELECT * FROM "_prisma_migrations"');
    expect(await applyMigrations(client, migrations)).toEqual({ applied: [] });
    expect((await client.query('SELECT * FROM "_prisma_migrations"')).rows).toEqual(before.rows);
    expect(await migrationStatus(client, migrations)).toEqual({
      applied: migrations.migrations.map((m) => m.name),
      pending: [],
      modified: [],
      failed: [],
    });
  } finally {
    await client.end();
  }
});

test('into a schema, tables and records land in that schema only', async () => {
  const shared = withDatabase(dbs.serverUrl, `${dbs.prefix}shared`);
  await onServer(`CREATE DATABASE "${dbs.prefix}shared"`);
  const admin = await connect(shared);
  await admin.query('CREATE SCHEMA one; CREATE SCHEMA two');
  await admin.end();
  for (const schema of ['one', 'two']) {
    const client = await connect(shared, schema);
    await applyMigrations(client, migrations, () => {});
    await client.end();
  }
  const check = await connect(shared);
  const { rows } = await check.query(
    `SELECT table_schema, count(*)::int AS tables FROM information_schema.tables WHERE table_schema IN ('one', 'two', 'public') GROUP BY 1 ORDER BY 1`,
  );
  await check.end();
  const perSchema = migrations.migrations.reduce((n, m) => n + m.tables, 0) + 1; // + _prisma_migrations
  expect(rows).toEqual([
    { table_schema: 'one', tables: perSchema },
    { table_schema: 'two', tables: perSchema },
  ]);
  expect((await prismaStatus(`${shared}?schema=two`)).history).toBeNull();
});

test('a migration that fails leaves nothing applied and nothing recorded', async () => {
  await onServer(`CREATE DATABASE "${dbs.prefix}broken"`);
  const client = await connect(withDatabase(dbs.serverUrl, `${dbs.prefix}broken`));
  try {
    const broken = { ...migrations, migrations: [{ name: '20990101000000_broken', checksum: 'x', tables: 1, statements: ['CREATE TABLE "A" (id int)', 'SELECT * FROM "missing"'] }] };
    await expect(applyMigrations(client, broken)).rejects.toThrow(/missing/);
    expect((await client.query(`SELECT to_regclass('"A"') AS t`)).rows[0].t).toBeNull();
    expect((await client.query('SELECT count(*)::int AS n FROM "_prisma_migrations"')).rows[0].n).toBe(0);
  } finally {
    await client.end();
  }
});
