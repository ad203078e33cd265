import { classifyDatabaseError } from './databaseErrors';
import { quoteIdent } from './identifiers';
import { databaseOf, withDatabase } from './urls';
import { withClient } from './withClient';

// Two processes creating one database at once: the loser gets duplicate_database, or,
// when both passed the catalog check together, a unique violation on pg_database.
function createdMeanwhile(error: unknown): boolean {
  const kind = classifyDatabaseError(error)?.kind;
  return kind === 'objectExists' || kind === 'uniqueViolation';
}

/** Creates the database a URL names if the server does not have it yet. */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const name = databaseOf(connectionString);
  await withClient({ connectionString: withDatabase(connectionString, 'postgres') }, async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((error) => {
      if (!createdMeanwhile(error)) throw error; // another process created it first
    });
  });
}
