// Each test file gets databases of its own on the test server, all named with one
// random prefix, and drops them when it is done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabasesStartingWith } from '../../src/db/dropDatabases';
import { withDatabase } from '../../src/db/urls';

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (the jest global setup sets it)');
  return url;
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

/** Runs SQL on the server's maintenance database, or on `database`. */
export async function onServer(sql: string, params: unknown[] = [], database = 'postgres'): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: withDatabase(testServerUrl(), database) });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

