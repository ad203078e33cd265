// Each test file gets databases of its own on the test server, all named with one
// random prefix, and drops them when it is done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabasesStartingWith } from '../../src/db/dropDatabases';
import { quoteMysqlIdent } from '../../src/db/identifiers';
import { connectMysql } from '../../src/db/mysqlConnect';
import { withDatabase } from '../../src/db/urls';

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (the jest global setup sets it)');
  return url;
}

/** The MySQL or MariaDB server of the run, if it has one (see mysqlServer.mjs). */
export function testMysqlUrl(): string | undefined {
  return process.env.TEST_MYSQL_URL || undefined;
}

export interface TestDatabases {
  prefix: string;
  platformUrl: string;
  serverUrl: string;
  drop(): Promise<void>;
}

export function testDatabases(): TestDatabases {
  const prefix = `tgt${randomBytes(4).toString('hex')}_`;
  const serverUrl = withDatabase(testServerUrl(), 'postgres');
  return {
    prefix,
    serverUrl,
    platformUrl: withDatabase(serverUrl, `${prefix}platform`),
    async drop() {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      try {
        await dropDatabasesStartingWith(admin, prefix);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Runs SQL on the server's maintenance database. */
export async function onServer(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

/** Drops the MySQL databases a test file made (their names start with its prefix). */
export async function dropMysqlDatabases(mysqlUrl: string, prefix: string): Promise<void> {
  const connection = await connectMysql(mysqlUrl, { connectTimeoutMs: 5000 });
  try {
    const rows: Array<{ name: string }> = await connection.query('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${prefix}%`]);
    for (const { name } of rows) await connection.query(`DROP DATABASE IF EXISTS ${quoteMysqlIdent(name)}`);
  } finally {
    await connection.end();
  }
}
