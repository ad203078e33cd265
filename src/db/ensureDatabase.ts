import pg from 'pg';
import { quoteIdent } from './identifiers';
import { databaseOf, withDatabase } from './urls';

const DUPLICATE_DATABASE = '42P04';

/** Creates the database a URL names if the server does not have it yet. */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const name = databaseOf(connectionString);
  const admin = new pg.Client({ connectionString: withDatabase(connectionString, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((error) => {
      if (error.code !== DUPLICATE_DATABASE) throw error; // another process created it first
    });
  } finally {
    await admin.end();
  }
}
