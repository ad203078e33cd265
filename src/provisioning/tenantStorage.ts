// Creating and dropping the place a tenant's tables live: a database of its own,
// or a schema in the shared database; on MySQL, always a database of its own.
// Every statement is safe to run twice.
import type pg from 'pg';
import { classifyDatabaseError } from '../db/databaseErrors';
import { engineOfUrl } from '../engine';
import { ensureDatabase } from '../db/ensureDatabase';
import { quoteIdent, quoteMysqlIdent } from '../db/identifiers';
import { withMysql } from '../db/withMysql';
import { withDatabase } from '../db/urls';
import { withClient } from '../db/withClient';


/** Runs `work` on a connection to `database` on the server at `serverUrl`. */
export function onServer<T>(serverUrl: string, database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient({ connectionString: withDatabase(serverUrl, database) }, work);
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return onServer(serverUrl, 'postgres', async (c) => Boolean((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount));
}

const onMysqlServer = (serverUrl: string, statement: string) => withMysql(serverUrl, (sql) => sql.query(statement)).then(() => undefined);

/** CREATE DATABASE, optionally (PostgreSQL) as a copy of a template; a database already there is left alone. */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  if (engineOfUrl(serverUrl) === 'mysql') {
    // The collation Prisma's MySQL schema assumes: utf8mb4, compared without regard to case.
    return onMysqlServer(serverUrl, `CREATE DATABASE IF NOT EXISTS ${quoteMysqlIdent(name)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  await onServer(serverUrl, 'postgres', async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    const from = template ? ` TEMPLATE ${quoteIdent(template)}` : '';
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${from}`).catch((error) => {
      if (classifyDatabaseError(error)?.kind !== 'objectExists') throw error;
    });
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (engineOfUrl(serverUrl) === 'mysql') return onMysqlServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteMysqlIdent(name)}`);
  await onServer(serverUrl, 'postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export async function createSchema(serverUrl: string, database: string, schema: string): Promise<void> {
  await ensureDatabase(withDatabase(serverUrl, database));
  await onServer(serverUrl, database, (c) => c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`));
}

export async function dropSchema(serverUrl: string, database: string, schema: string): Promise<void> {
  await onServer(serverUrl, database, (c) => c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`));
}
