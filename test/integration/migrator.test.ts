// The in-process migrator records migrations exactly as Prisma Migrate does, on
// PostgreSQL and on MySQL/MariaDB: one definition of the behaviour, run per engine.
// On PostgreSQL, Prisma's own engine (WebAssembly), reading the same database, finds
// nothing applied, edited or failed; it has no MySQL build, so there the rows are
// checked column by column against Prisma's definition.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { tenantMigrations, type MigrationSet } from '../../src/db/migrations';
import { applyMigrations, migrationStatus } from '../../src/db/migrator';
import type { Engine as SqlEngine } from '../../src/engine';
import { pgConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { onServer, testDatabases } from '../support/database';
import { openMysql, MYSQL_SKIPPED, MYSQL_URL, mysqlTestDatabases, type OpenSqlConnection } from '../support/mysqlDatabase';

async function connectPg(url: string, schema?: string): Promise<OpenSqlConnection> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return { ...pgConnection(client), end: () => client.end() };
}

/** What `prisma migrate status` would say, from Prisma's engine (WebAssembly). */
async function prismaStatus(url: string) {
  const script = path.resolve(__dirname, '../../scripts/migrate-status.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [script, 'tenant', url]);
  return JSON.parse(stdout);
}

interface Engine {
  engine: SqlEngine;
  folder: string;
  /** Makes an empty database; resolves to its URL. */
  create(name: string): Promise<string>;
  connect(url: string): Promise<OpenSqlConnection>;
  dropAll(): Promise<void>;
  /** Counts the rows of a table when it exists; null when it does not. */
  rowsOf(sql: OpenSqlConnection, table: string): Promise<number | null>;
}

function postgresql(): Engine {
  const dbs = testDatabases();
  return {
    engine: 'postgresql',
    folder: 'tenant',
    async create(name) {
      await onServer(`CREATE DATABASE "${dbs.prefix}${name}"`);
      return withDatabase(dbs.serverUrl, `${dbs.prefix}${name}`);
    },
    connect: (url) => connectPg(url),
    dropAll: () => dbs.drop(),
    async rowsOf(sql, table) {
      const [{ present }] = await sql.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`"${table}"`]);
      return present ? (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0].n : null;
    },
  };
}

function mysql(): Engine {
  const dbs = mysqlTestDatabases(MYSQL_URL!);
  return {
    engine: 'mysql',
    folder: 'tenant-mysql',
    create: (name) => dbs.create(name),
    connect: openMysql,
    dropAll: () => dbs.drop(),
    async rowsOf(sql, table) {
      const [{ present }] = await sql.query<{ present: number }>('SELECT COUNT(*) AS present FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?', [table]);
      return present ? (await sql.query<{ n: number }>(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n : null;
    },
  };
}

const ENGINES: Array<[SqlEngine, (() => Engine) | null]> = [
  ['postgresql', postgresql],
  ['mysql', MYSQL_URL ? mysql : null],
];

const HISTORY = 'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at';

if (!MYSQL_URL) test.skip(`mysql: ${MYSQL_SKIPPED}`, () => {});

describe.each(ENGINES.filter((e): e is [SqlEngine, () => Engine] => e[1] !== null))('on %s', (engineName, make) => {
  const engine = make();
  const migrations = tenantMigrations(engineName);
  let tenantUrl: string;

  beforeAll(async () => {
    tenantUrl = await engine.create('tenant');
  });
  afterAll(() => engine.dropAll());

  test('concurrent migrators apply each migration once, recorded with Prisma checksums', async () => {
    const connections = await Promise.all([1, 2, 3].map(() => engine.connect(tenantUrl)));
    const results = await Promise.all(connections.map((c) => applyMigrations(c, migrations)));
    expect(results.flatMap((r) => r.applied)).toEqual(migrations.migrations.map((m) => m.name));

    const rows = await connections[0].query(HISTORY);
    if (engineName === 'mysql') {
      const columns = await connections[0].query<{ c: string; t: string; n: string }>(
        `SELECT column_name AS c, column_type AS t, is_nullable AS n FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
      // Prisma's MySQL definition (an integer's display width aside, which MariaDB shows).
      expect(columns.map((c) => `${c.c} ${c.t.replace(/^int\(\d+\)/, 'int')} ${c.n === 'YES' ? 'NULL' : 'NOT NULL'}`)).toEqual([
        'id varchar(36) NOT NULL',
        'checksum varchar(64) NOT NULL',
        'finished_at datetime(3) NULL',
        'migration_name varchar(255) NOT NULL',
        'logs text NULL',
        'rolled_back_at datetime(3) NULL',
        'started_at datetime(3) NOT NULL',
        'applied_steps_count int unsigned NOT NULL',
      ]);
    }
    await Promise.all(connections.map((c) => c.end()));
    const file = (name: string) => readFileSync(path.resolve(__dirname, `../../prisma/${engine.folder}/migrations/${name}/migration.sql`));
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
    if (engineName === 'postgresql') {
      expect(await prismaStatus(tenantUrl)).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
    }
  });

  test('with limits, a statement running past the statement timeout fails its migration, which leaves the database as it was', async () => {
    const slow = { name: '20990101000000_slow', checksum: 'slow', statements: [engineName === 'postgresql' ? 'SELECT pg_sleep(3)' : 'SELECT SLEEP(3)'], tables: 0 };
    const set: MigrationSet = { engine: engineName, migrations: [slow], fingerprint: 'slow' };
    const sql = await engine.connect(await engine.create('slow'));
    try {
      const started = Date.now();
      await expect(applyMigrations(sql, set, undefined, { statementMs: 500, lockMs: 1000 })).rejects.toThrow(
        engineName === 'postgresql' ? /statement 1 of 1 failed: canceling statement due to statement timeout/ : /statement 1 of 1 failed: .*max_statement_time/,
      );
      expect(Date.now() - started).toBeLessThan(2500);
      // PostgreSQL: rolled back, still pending. MySQL: recorded as started and failed, for a resume.
      const status = await migrationStatus(sql, set);
      expect(engineName === 'postgresql' ? status.pending : status.failed).toEqual([slow.name]);
      const [bound] = await sql.query<{ lock: unknown }>(engineName === 'postgresql' ? 'SELECT current_setting($1) AS lock' : 'SELECT @@lock_wait_timeout AS `lock`', engineName === 'postgresql' ? ['lock_timeout'] : []);
      expect(String(bound.lock)).toBe(engineName === 'postgresql' ? '1s' : '1');
    } finally {
      await sql.end();
    }
  });

  test('running the migrator again is a no-op', async () => {
    const sql = await engine.connect(tenantUrl);
    try {
      const before = await sql.query('SELECT * FROM _prisma_migrations');
      expect(await applyMigrations(sql, migrations)).toEqual({ applied: [] });
      expect(await sql.query('SELECT * FROM _prisma_migrations')).toEqual(before);
      expect(await migrationStatus(sql, migrations)).toEqual({ applied: migrations.migrations.map((m) => m.name), pending: [], modified: [], failed: [] });
    } finally {
      await sql.end();
    }
  });

  test('a migration that fails is retried once its cause is fixed, and recorded once', async () => {
    const sql = await engine.connect(await engine.create('broken'));
    const q = engineName === 'mysql' ? '`' : '"';
    const name = '20990101000000_broken';
    const broken: MigrationSet = {
      ...migrations,
      migrations: [{ name, checksum: 'x', tables: 2, statements: [`CREATE TABLE ${q}A${q} (id int)`, `INSERT INTO ${q}B${q} VALUES (1)`, `CREATE TABLE ${q}C${q} (id int)`] }],
    };
    try {
      await expect(applyMigrations(sql, broken)).rejects.toThrow(/B/);
      if (engineName === 'postgresql') {
        // One transaction: nothing applied, nothing recorded.
        expect(await engine.rowsOf(sql, 'A')).toBeNull();
        expect(await sql.query(HISTORY)).toEqual([]);
      } else {
        // DDL commits as it runs: what ran stays, and the row says how far it got and why it stopped.
        expect(await engine.rowsOf(sql, 'A')).toBe(0);
        expect(await sql.query(HISTORY)).toEqual([
          { migration_name: name, checksum: 'x', finished_at: null, rolled_back_at: null, applied_steps_count: 1, logs: expect.stringMatching(/^statement 2 of 3 failed: .*B/) },
        ]);
        expect((await migrationStatus(sql, broken)).failed).toEqual([name]);
      }

      await sql.query(`CREATE TABLE ${q}B${q} (id int)`);
      expect(await applyMigrations(sql, broken)).toEqual({ applied: [name] });
      expect(await sql.query(HISTORY)).toEqual([{ migration_name: name, checksum: 'x', finished_at: expect.any(Date), rolled_back_at: null, applied_steps_count: 1, logs: null }]);
      expect([await engine.rowsOf(sql, 'A'), await engine.rowsOf(sql, 'B'), await engine.rowsOf(sql, 'C')]).toEqual([0, 1, 0]);
      expect(await migrationStatus(sql, broken)).toEqual({ applied: [name], pending: [], modified: [], failed: [] });
    } finally {
      await sql.end();
    }
  });

  test('a migration left failed with a different file is not resumed: it needs `prisma migrate resolve`', async () => {
    const sql = await engine.connect(await engine.create('edited'));
    const name = '20990101000000_edited';
    try {
      await applyMigrations(sql, { ...migrations, migrations: [] });
      await sql.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ('1', 'old', '${name}', 'failed')`);
      const edited: MigrationSet = { ...migrations, migrations: [{ name, checksum: 'new', tables: 0, statements: ['SELECT 1'] }] };
      await expect(applyMigrations(sql, edited)).rejects.toThrow(`migration ${name} failed earlier and was never resolved`);
    } finally {
      await sql.end();
    }
  });
});

test('migrations of one engine are refused on the other', async () => {
  const dbs = postgresql();
  const sql = await dbs.connect(await dbs.create('other'));
  try {
    await expect(applyMigrations(sql, tenantMigrations('mysql'))).rejects.toThrow('these migrations are written for mysql, the database is postgresql');
  } finally {
    await sql.end();
    await dbs.dropAll();
  }
});

test('on postgresql, into a schema, tables and records land in that schema only', async () => {
  const dbs = postgresql();
  const migrations = tenantMigrations('postgresql');
  const shared = await dbs.create('shared');
  try {
    const admin = await connectPg(shared);
    await admin.query('CREATE SCHEMA one; CREATE SCHEMA two');
    await admin.end();
    for (const schema of ['one', 'two']) {
      const sql = await connectPg(shared, schema);
      await applyMigrations(sql, migrations, () => {});
      await sql.end();
    }
    const check = await connectPg(shared);
    const rows = await check.query(
      `SELECT table_schema, count(*)::int AS tables FROM information_schema.tables WHERE table_schema IN ('one', 'two', 'public') GROUP BY 1 ORDER BY 1`,
    );
    await check.end();
    const perSchema = migrations.migrations.reduce((n, m) => n + m.tables, 0) + 1; // + _prisma_migrations
    expect(rows).toEqual([
      { table_schema: 'one', tables: perSchema },
      { table_schema: 'two', tables: perSchema },
    ]);
    expect((await prismaStatus(`${shared}?schema=two`)).history).toBeNull();
  } finally {
    await dbs.dropAll();
  }
});

// MySQL commits each DDL statement by itself, and a server finishes a statement whose
// client is gone: a process killed while a statement runs (or just after) leaves it
// applied but not counted. The retry resumes at that statement, and must take it as
// done when it finds its work there.
(MYSQL_URL ? describe : describe.skip)('on mysql, a migration resumed after its process died', () => {
  const dbs = mysqlTestDatabases(MYSQL_URL ?? '');
  afterAll(() => dbs.drop());

  const name = '20990101000000_every_kind';
  // Every kind of statement a MySQL migration holds (scripts/mysql-migration.cjs), each after what it needs.
  const statements = [
    'CREATE TABLE `P` (`id` INTEGER NOT NULL, `code` VARCHAR(191) NOT NULL, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'CREATE TABLE `C` (`id` INTEGER NOT NULL, `pId` INTEGER NULL, `old` INTEGER NULL, PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'CREATE UNIQUE INDEX `P_code_key` ON `P`(`code`)',
    'CREATE INDEX `C_pId_idx` ON `C`(`pId`)',
    'ALTER TABLE `C` ADD CONSTRAINT `C_pId_fkey` FOREIGN KEY (`pId`) REFERENCES `P`(`id`) ON DELETE SET NULL ON UPDATE CASCADE',
    'ALTER TABLE `C` ADD COLUMN `note` TEXT NULL',
    'ALTER TABLE `C` MODIFY `note` VARCHAR(191) NULL',
    'ALTER TABLE `C` DROP COLUMN `old`',
    'ALTER TABLE `C` DROP FOREIGN KEY `C_pId_fkey`',
    'DROP INDEX `C_pId_idx` ON `C`',
    'ALTER TABLE `P` DROP PRIMARY KEY,\n    ADD PRIMARY KEY (`id`, `code`)',
    'CREATE TABLE `T` (`id` INTEGER NOT NULL) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    'DROP TABLE `T`',
  ];
  const set: MigrationSet = { engine: 'mysql', fingerprint: 'x', migrations: [{ name, checksum: 'x', tables: 3, statements }] };
  const shape = async (sql: OpenSqlConnection) => {
    const tables = await sql.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name <> '_prisma_migrations' ORDER BY 1");
    return Promise.all(tables.map(async ({ name: table }) => (await sql.query<Record<string, string>>(`SHOW CREATE TABLE \`${table}\``))[0]['Create Table']));
  };
  let expected: string[];

  beforeAll(async () => {
    const sql = await openMysql(await dbs.create('whole'));
    await applyMigrations(sql, set);
    expected = await shape(sql);
    await sql.end();
  });

  test.each(statements.map((statement, i) => [i + 1, statement.replace(/\s*\(.*$/s, '').replace(/\s+/g, ' '), i] as const))(
    'killed after statement %i ran (%s), before its count was written: the retry finishes the migration',
    async (_n, _statement, ran) => {
      const sql = await openMysql(await dbs.create(`killed${ran}`));
      try {
        // What the killed run left: every statement up to this one applied, the ones before it counted, no failure reported.
        await applyMigrations(sql, { ...set, migrations: [] });
        for (const statement of statements.slice(0, ran + 1)) await sql.query(statement);
        await sql.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count) VALUES ('1', 'x', ?, ?)`, [name, ran]);

        expect(await applyMigrations(sql, set)).toEqual({ applied: [name] });
        expect(await shape(sql)).toEqual(expected);
        expect(await sql.query(HISTORY)).toEqual([{ migration_name: name, checksum: 'x', finished_at: expect.any(Date), rolled_back_at: null, applied_steps_count: 1, logs: null }]);
      } finally {
        await sql.end();
      }
    },
  );

  test('a statement that failed and said so (a table of the same name was there before) is not taken as done on retry', async () => {
    const sql = await openMysql(await dbs.create('foreign'));
    try {
      await sql.query('CREATE TABLE `P` (`mine` INTEGER)');
      await expect(applyMigrations(sql, set)).rejects.toMatchObject({ statement: 1, cause: { errno: 1050 } });
      await expect(applyMigrations(sql, set)).rejects.toMatchObject({ statement: 1, cause: { errno: 1050 } });
      expect(await sql.query(HISTORY)).toEqual([
        { migration_name: name, checksum: 'x', finished_at: null, rolled_back_at: null, applied_steps_count: 0, logs: expect.stringMatching(/^statement 1 of 13 failed: .*already exists/) },
      ]);
    } finally {
      await sql.end();
    }
  });
});
