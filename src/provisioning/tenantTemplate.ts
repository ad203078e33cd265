// The fast path for new tenant databases: a database already migrated to the current
// tenant migrations, kept on each server as a template, and copied with CREATE
// DATABASE ... TEMPLATE (a file copy inside PostgreSQL, far faster than running the
// migrations). One template per migration set: its name carries the set's fingerprint,
// so a release with new migrations builds a new one and drops the old.
//
// Locking (advisory, on the server's `postgres` database): copies hold the lock
// shared, so they run side by side; building and dropping hold it exclusively, so a
// template is never dropped or half-built under a copy. The template refuses
// connections once built: a stray session on it would make every copy fail.
import type pg from 'pg';
import { classifyDatabaseError } from '../db/databaseErrors';
import { dropDatabasesStartingWith } from '../db/dropDatabases';
import { quoteIdent } from '../db/identifiers';
import type { MigrationSet } from '../db/migrations';
import { applyMigrations } from '../db/migrator';
import { withDatabase } from '../db/urls';
import { onServer } from './tenantStorage';
import { withTenantSql } from './tenantSql';
import { describeProblems, tenantSchemaProblems } from './verifyTenantSchema';

/**
 * `<prefix>_template_<fingerprint>`. Tenant databases are `<prefix><slug>` and a slug
 * starts with a letter, so no tenant can ever be given (or lose) a template's name.
 */
export const templatePrefix = (tenantDbPrefix: string) => `${tenantDbPrefix}_template_`;
export const templateName = (tenantDbPrefix: string, set: MigrationSet) => quoteIdent(templatePrefix(tenantDbPrefix) + set.fingerprint).slice(1, -1);

const lockKey = (tenantDbPrefix: string) => `tenantgraph:templates:${tenantDbPrefix}`;

async function isReadyTemplate(admin: pg.Client, name: string): Promise<boolean> {
  const { rows } = await admin.query<{ ready: boolean }>('SELECT datistemplate AS ready FROM pg_database WHERE datname = $1', [name]);
  return rows[0]?.ready === true;
}

/** Drops every template of this deployment: outdated ones, and one a crash left half-built. */
const dropTemplates = (admin: pg.Client, tenantDbPrefix: string) => dropDatabasesStartingWith(admin, templatePrefix(tenantDbPrefix));

/** Drops this deployment's templates on one server (`npm run db -- reset`); the next tenant builds a fresh one. */
export function dropTenantTemplates(serverUrl: string, tenantDbPrefix: string): Promise<void> {
  return onServer(serverUrl, 'postgres', (admin) => dropTemplates(admin, tenantDbPrefix));
}

async function buildTemplate(admin: pg.Client, serverUrl: string, tenantDbPrefix: string, set: MigrationSet): Promise<void> {
  const name = templateName(tenantDbPrefix, set);
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey(tenantDbPrefix)]);
  try {
    if (await isReadyTemplate(admin, name)) return; // another process built it while we waited
    await dropTemplates(admin, tenantDbPrefix);
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    await withTenantSql({ url: withDatabase(serverUrl, name), schema: null }, async (connection) => {
      await applyMigrations(connection, set);
      const problems = describeProblems(await tenantSchemaProblems(connection, set));
      if (problems) throw new Error(`the template does not match the migrations: ${problems}`);
    });
    await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey(tenantDbPrefix)]).catch(() => {});
  }
}

/**
 * Creates `database` as a copy of the current template, building the template first
 * when there is none. Does nothing when `database` exists (an earlier attempt made it).
 * Throws when the template cannot be used; the caller then creates an empty database
 * and runs the migrations.
 */
export async function createFromTemplate(serverUrl: string, database: string, tenantDbPrefix: string, set: MigrationSet): Promise<void> {
  const template = templateName(tenantDbPrefix, set);
  await onServer(serverUrl, 'postgres', async (admin) => {
    const { rows } = await admin.query<{ name: string; ready: boolean }>(
      'SELECT datname AS name, datistemplate AS ready FROM pg_database WHERE datname IN ($1, $2)',
      [database, template],
    );
    if (rows.some((r) => r.name === database)) return;
    if (!rows.some((r) => r.name === template && r.ready)) await buildTemplate(admin, serverUrl, tenantDbPrefix, set);
    await admin.query('SELECT pg_advisory_lock_shared(hashtext($1))', [lockKey(tenantDbPrefix)]);
    try {
      // Checked again under the lock: a process on other migrations may have replaced it.
      if (!(await isReadyTemplate(admin, template))) throw new Error(`template ${template} was dropped`);
      await admin.query(`CREATE DATABASE ${quoteIdent(database)} TEMPLATE ${quoteIdent(template)}`).catch((error) => {
        if (classifyDatabaseError(error)?.kind !== 'objectExists') throw error; // a concurrent run of the same job made it
      });
    } finally {
      await admin.query('SELECT pg_advisory_unlock_shared(hashtext($1))', [lockKey(tenantDbPrefix)]).catch(() => {});
    }
  });
}
