// What a database failure means reaches the client the same way whichever engine
// and layer raised it: a value the database cannot take is the client's to fix
// (BAD_USER_INPUT), a duplicate or a dangling reference too, a database that cannot
// serve now is DATABASE_UNAVAILABLE, and any other database error stays unexpected
// (masked and logged). PostgreSQL reports a SQLSTATE, MySQL and MariaDB an errno; the
// errors come from Prisma (through each engine's driver adapter) and from the
// drivers themselves, all real, from a real PostgreSQL and a real MariaDB.
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import type { Connection } from 'mariadb';
import pg from 'pg';
import { tenantMigrations } from '../../src/db/migrations';
import { applyMigrations } from '../../src/db/migrator';
import { connectMysql } from '../../src/db/mysqlConnect';
import { createPlatformClient } from '../../src/db/platformClient';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { PrismaClient as MysqlPrismaClient } from '../../src/generated/tenant-mysql/client';
import { expectedError } from '../../src/server/clientErrors';
import { testServerUrl } from '../support/database';
import { MYSQL_SKIPPED, MYSQL_URL, mysqlTestDatabases } from '../support/mysqlDatabase';

const failureOf = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error('the statement ran');
    },
    (error: unknown) => error,
  );
const codeOf = (error: unknown) => expectedError(error)?.extensions.code;

describe('on PostgreSQL', () => {
  const url = withDatabase(testServerUrl(), 'postgres');
  const prisma = createPlatformClient(url, 1);
  const client = new pg.Client({ connectionString: url });
  beforeAll(() => client.connect());
  afterAll(() => Promise.all([prisma.$disconnect(), client.end()]));

  const DATA_EXCEPTIONS: Array<[string, string, unknown[]]> = [
    ['22021: a NUL byte in text', 'SELECT $1::text', ['a\u0000b']],
    ['22P05: a NUL escape in jsonb', 'SELECT $1::jsonb', ['{"a":"\\u0000"}']],
    ['22003: a number too large for numeric(18,2)', 'SELECT $1::numeric(18,2)', ['99999999999999999']],
    ['22008: a timestamp in year 0', 'SELECT $1::timestamp', ['0000-01-01 00:00:00']],
    ['22007: a timestamp that is not one', 'SELECT $1::timestamp', ['not a date']],
  ];

  test.each(DATA_EXCEPTIONS)('%s is BAD_USER_INPUT, from Prisma and from pg', async (_what, sql, params) => {
    expect(codeOf(await failureOf(() => prisma.$queryRawUnsafe(sql, ...params)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await failureOf(() => client.query(sql, params)))).toBe('BAD_USER_INPUT');
  });

  test('the message says what was wrong, never the SQL or the value', async () => {
    const translated = expectedError(await failureOf(() => prisma.$queryRawUnsafe('SELECT $1::numeric(18,2)', '99999999999999999')));
    expect(translated?.message).toBe('a number is too large for its field');
  });

  test('a table or column that is not there is TENANT_SCHEMA_BEHIND (a rollout has not reached the tenant)', async () => {
    expect(codeOf(await failureOf(() => prisma.$queryRawUnsafe('SELECT * FROM no_such_table')))).toBe('TENANT_SCHEMA_BEHIND');
    expect(codeOf(await failureOf(() => client.query('SELECT no_such_column FROM pg_class')))).toBe('TENANT_SCHEMA_BEHIND');
  });

  test('an error of another class (one the server calls internal) stays unexpected', async () => {
    const internal = `DO $$ BEGIN RAISE EXCEPTION 'broken' USING ERRCODE = 'XX000'; END $$`;
    expect(expectedError(await failureOf(() => prisma.$executeRawUnsafe(internal)))).toBeUndefined();
    expect(expectedError(await failureOf(() => client.query(internal)))).toBeUndefined();
  });

  test('a transaction that cannot start in time (every connection busy) is DATABASE_UNAVAILABLE', async () => {
    // The client has one connection: the first transaction holds it while the second waits for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = prisma.$transaction(() => held, { maxWait: 5_000, timeout: 10_000 });
    try {
      const error = await failureOf(() => prisma.$transaction(async () => undefined, { maxWait: 200 }));
      expect(error).toMatchObject({ code: 'P2028' });
      expect(expectedError(error)?.extensions.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      release();
      await holding;
    }
  });
});

if (!MYSQL_URL) test.skip(`MySQL: ${MYSQL_SKIPPED}`, () => {});

(MYSQL_URL ? describe : describe.skip)('on MySQL', () => {
  const dbs = mysqlTestDatabases(MYSQL_URL ?? '');
  let prisma: MysqlPrismaClient;
  let driver: Connection;

  beforeAll(async () => {
    const url = await dbs.create('errors');
    driver = await connectMysql(url, { connectTimeoutMs: 5000 });
    prisma = new MysqlPrismaClient({ adapter: new PrismaMariaDb(url) });
    // `legacy` is in MySQL's old three-byte UTF-8, as tables made before utf8mb4 are.
    await driver.query(`CREATE TABLE Parent (id INTEGER PRIMARY KEY, code VARCHAR(3) NOT NULL, amount DECIMAL(4, 2) NULL, at DATETIME(3) NULL, legacy VARCHAR(3) CHARACTER SET utf8mb3 NULL, UNIQUE INDEX Parent_code_key (code))`);
    await driver.query(`CREATE TABLE Child (id INTEGER PRIMARY KEY, parentId INTEGER NOT NULL, CONSTRAINT Child_parentId_fkey FOREIGN KEY (parentId) REFERENCES Parent(id))`);
    await driver.query(`INSERT INTO Parent (id, code) VALUES (1, 'one')`);
    await driver.query(`INSERT INTO Child (id, parentId) VALUES (1, 1)`);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await driver?.end();
    await dbs.drop();
  });

  // Each is refused by the server (strict mode) with its own errno.
  const MISTAKES: Array<[string, string, unknown[], string, unknown]> = [
    ['1406: a text too long for VARCHAR(3)', 'INSERT INTO Parent (id, code) VALUES (2, ?)', ['abcd'], 'BAD_USER_INPUT', 'a value is too long for its field'],
    ['1264: a number too large for DECIMAL(4, 2)', 'INSERT INTO Parent (id, code, amount) VALUES (2, ?, 1000)', ['two'], 'BAD_USER_INPUT', 'a number is too large for its field'],
    ['1292: a date that is not one', "INSERT INTO Parent (id, code, at) VALUES (2, ?, '2026-02-30 00:00:00')", ['two'], 'BAD_USER_INPUT', 'a value is not valid for its field'],
    ['1366: a character utf8mb3 cannot hold', "INSERT INTO Parent (id, code, legacy) VALUES (2, 'two', ?)", ['\u{1F600}'], 'BAD_USER_INPUT', 'a value is not valid for its field'],
    ['1977: a character converted to utf8mb3', 'INSERT INTO Parent (id, code) VALUES (2, CONVERT(? USING utf8mb3))', ['\u{1F600}'], 'BAD_USER_INPUT', 'a text holds a character that cannot be stored'],
    ['1062: a duplicate of a unique value', 'INSERT INTO Parent (id, code) VALUES (2, ?)', ['one'], 'BAD_USER_INPUT', expect.stringMatching(/^a record with the same (code|unique value) already exists$/)],
    ['1452: a reference to nothing', 'INSERT INTO Child (id, parentId) VALUES (2, ?)', [99], 'BAD_USER_INPUT', 'the record is still referenced by others, or refers to one that does not exist'],
    ['1451: deleting what is referenced', 'DELETE FROM Parent WHERE id = ?', [1], 'BAD_USER_INPUT', 'the record is still referenced by others, or refers to one that does not exist'],
  ];

  test.each(MISTAKES)('%s gets its code and says so, from Prisma and from the driver', async (_what, sql, params, code, message) => {
    for (const error of [await failureOf(() => prisma.$executeRawUnsafe(sql, ...params)), await failureOf(() => driver.query(sql, params))]) {
      expect(expectedError(error)).toMatchObject({ message, extensions: { code } });
    }
  });

  test('a statement cut off by the server (max_statement_time) is DATABASE_UNAVAILABLE', async () => {
    const error = await failureOf(() => driver.query('SET STATEMENT max_statement_time = 0.05 FOR SELECT SLEEP(1)'));
    expect(error).toMatchObject({ errno: 1969 });
    expect(codeOf(error)).toBe('DATABASE_UNAVAILABLE');
  });

  test('a table or column that is not there is TENANT_SCHEMA_BEHIND (a rollout has not reached the tenant)', async () => {
    expect(codeOf(await failureOf(() => prisma.$executeRawUnsafe('INSERT INTO NoSuchTable VALUES (1)')))).toBe('TENANT_SCHEMA_BEHIND');
    expect(codeOf(await failureOf(() => driver.query('SELECT no_such_column FROM information_schema.tables')))).toBe('TENANT_SCHEMA_BEHIND');
  });

  test('an error of another kind (one a statement signals) stays unexpected', async () => {
    const signalled = "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'broken'";
    expect(expectedError(await failureOf(() => prisma.$executeRawUnsafe(signalled)))).toBeUndefined();
    expect(expectedError(await failureOf(() => driver.query(signalled)))).toBeUndefined();
  });

  describe("through the tenant schema's client, as the API writes", () => {
    let tenant: MysqlPrismaClient;
    beforeAll(async () => {
      const url = await dbs.create('tenant');
      await withMysql(url, (sql) => applyMigrations(sql, tenantMigrations('mysql')));
      tenant = new MysqlPrismaClient({ adapter: new PrismaMariaDb(url) });
    });
    afterAll(() => tenant?.$disconnect());

    test('a value a unique column already holds is BAD_USER_INPUT naming the column, as on PostgreSQL', async () => {
      await tenant.category.create({ data: { name: 'Rings' } });
      const translated = expectedError(await failureOf(() => tenant.category.create({ data: { name: 'Rings' } })));
      expect({ code: translated?.extensions.code, fields: translated?.extensions.fields, message: translated?.message }).toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['name'],
        message: 'a record with the same name already exists',
      });
    });

    test('a text longer than its column (a String is VARCHAR(191) there) is BAD_USER_INPUT', async () => {
      const translated = expectedError(await failureOf(() => tenant.customer.create({ data: { name: 'n'.repeat(192) } })));
      expect({ code: translated?.extensions.code, message: translated?.message }).toEqual({ code: 'BAD_USER_INPUT', message: 'a value is too long for its field' });
    });
  });
});
