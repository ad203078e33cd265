// A value the database cannot take (SQLSTATE class 22, "data exception") is the
// client's to fix: it reaches the client as BAD_USER_INPUT, whether Prisma or pg
// raised it. Any other database error stays unexpected (masked and logged). The
// errors are real ones, from a real PostgreSQL, and from a real MySQL or MariaDB
// through the tenant schema's Prisma client, which must read the same.
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import pg from 'pg';
import { tenantMigrations } from '../../src/db/migrations';
import { applyMigrations } from '../../src/db/migrator';
import { createPlatformClient } from '../../src/db/platformClient';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { PrismaClient as MysqlTenantClient } from '../../src/generated/tenant-mysql/client';
import { expectedError } from '../../src/server/clientErrors';
import { testServerUrl } from '../support/database';
import { MYSQL_SKIPPED, MYSQL_URL, mysqlTestDatabases } from '../support/mysqlDatabase';

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

const failureOf = (run: () => Promise<unknown>) =>
  run().then(
    () => {
      throw new Error('the statement ran');
    },
    (error: unknown) => error,
  );
const codeOf = (error: unknown) => expectedError(error)?.extensions.code;

test.each(DATA_EXCEPTIONS)('%s is BAD_USER_INPUT, from Prisma and from pg', async (_what, sql, params) => {
  expect(codeOf(await failureOf(() => prisma.$queryRawUnsafe(sql, ...params)))).toBe('BAD_USER_INPUT');
  expect(codeOf(await failureOf(() => client.query(sql, params)))).toBe('BAD_USER_INPUT');
});

test('the message says what was wrong, never the SQL or the value', async () => {
  const translated = expectedError(await failureOf(() => prisma.$queryRawUnsafe('SELECT $1::numeric(18,2)', '99999999999999999')));
  expect(translated?.message).toBe('a number is too large for its field');
});

test('an error of another class (a table that is not there) stays unexpected', async () => {
  expect(expectedError(await failureOf(() => prisma.$queryRawUnsafe('SELECT * FROM no_such_table')))).toBeUndefined();
  expect(expectedError(await failureOf(() => client.query('SELECT * FROM no_such_table')))).toBeUndefined();
});

describe('on MySQL, through the tenant client', () => {
  const run = MYSQL_URL ? test : test.skip;
  if (!MYSQL_URL) test.skip(MYSQL_SKIPPED, () => {});
  const dbs = MYSQL_URL ? mysqlTestDatabases(MYSQL_URL) : undefined;
  let tenant: MysqlTenantClient;
  beforeAll(async () => {
    if (!dbs) return;
    const url = await dbs.create('tenant');
    await withMysql(url, (sql) => applyMigrations(sql, tenantMigrations('mysql')));
    tenant = new MysqlTenantClient({ adapter: new PrismaMariaDb(url) });
  });
  afterAll(async () => {
    await tenant?.$disconnect();
    await dbs?.drop();
  });

  run('a value a unique column already holds is BAD_USER_INPUT naming the column, as on PostgreSQL', async () => {
    await tenant.category.create({ data: { name: 'Rings' } });
    const translated = expectedError(await failureOf(() => tenant.category.create({ data: { name: 'Rings' } })));
    expect({ code: translated?.extensions.code, fields: translated?.extensions.fields, message: translated?.message }).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['name'],
      message: 'a record with the same name already exists',
    });
  });

  run('a text longer than its column (a String is VARCHAR(191) there) is BAD_USER_INPUT', async () => {
    const translated = expectedError(await failureOf(() => tenant.customer.create({ data: { name: 'n'.repeat(192) } })));
    expect({ code: translated?.extensions.code, message: translated?.message }).toEqual({ code: 'BAD_USER_INPUT', message: 'a value is too long for its field' });
  });
});
