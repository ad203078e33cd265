import type pg from 'pg';
import { quoteIdent } from './identifiers';

/**
 * Drops every database whose name starts with `prefix`, connected or not. Tenant
 * templates are marked as templates, which PostgreSQL refuses to drop: unmark first.
 */
export async function dropDatabasesStartingWith(admin: pg.ClientBase, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ name: string }>('SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
  for (const { name } of rows) {
    await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
}
