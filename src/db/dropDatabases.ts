import type pg from 'pg';
import { quoteIdent, quoteMysqlIdent } from './identifiers';
import { withMysql } from './withMysql';

/**
 * Drops every database whose name starts with `prefix`, connected or not, then the
 * roles named so (a pool database's role: its grants went with the database). Tenant
 * templates are marked as templates, which PostgreSQL refuses to drop: unmark first.
 */
export async function dropDatabasesStartingWith(admin: pg.ClientBase, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ name: string }>('SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
  for (const { name } of rows) {
    await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
  const roles = await admin.query<{ name: string }>('SELECT rolname AS name FROM pg_roles WHERE starts_with(rolname, $1)', [prefix]);
  for (const { name } of roles.rows) await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(name)}`);
}

/** Drops every database whose name starts with `prefix` on the MySQL or MariaDB server at `mysqlUrl`. */
export async function dropMysqlDatabasesStartingWith(mysqlUrl: string, prefix: string): Promise<void> {
  await withMysql(mysqlUrl, async (sql) => {
    const rows = await sql.query<{ name: string }>('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${prefix}%`]);
    for (const { name } of rows) await sql.query(`DROP DATABASE IF EXISTS ${quoteMysqlIdent(name)}`);
  });
}
