// The login role the gateway reaches the pool database as. It reads and writes the
// tenants' tables and can do nothing more: neither superuser nor BYPASSRLS (either
// skips the tenant policies), owner of nothing (an owner may turn row-level security
// off), and no access to the migration history.
import type pg from 'pg';
import { classifyDatabaseError } from '../db/databaseErrors';
import { quoteIdent } from '../db/identifiers';

export interface PoolRole {
  name: string;
  password: string;
}

// Two processes creating one role at once: the loser gets duplicate_object, or, when
// both passed the catalog check together, a unique violation on pg_authid.
function createdMeanwhile(error: unknown): boolean {
  const kind = classifyDatabaseError(error)?.kind;
  return kind === 'objectExists' || kind === 'uniqueViolation';
}

/**
 * Creates the role, or sets the password of the one there, and grants it what it
 * needs in `database`, to which `client` is connected as the owner of its tables.
 * Processes preparing the same database take turns. Resolves to whether the role was created.
 */
export async function ensurePoolRole(client: pg.ClientBase, database: string, role: PoolRole): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tenantgraph:pool-role:${database}`]);
    const created = await createOrUpdate(client, role);
    await refusePrivileged(client, role.name);
    for (const grant of grants(database, role.name)) await client.query(grant);
    await client.query('COMMIT');
    return created;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function createOrUpdate(client: pg.ClientBase, role: PoolRole): Promise<boolean> {
  const name = quoteIdent(role.name);
  const password = client.escapeLiteral(role.password);
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
  if (!rowCount) {
    // A role is the whole server's: a process preparing another pool database may create it first.
    await client.query('SAVEPOINT create_role');
    try {
      await client.query(`CREATE ROLE ${name} LOGIN PASSWORD ${password} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
      return true;
    } catch (error) {
      if (!createdMeanwhile(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT create_role');
    }
  }
  await client.query(`ALTER ROLE ${name} WITH LOGIN PASSWORD ${password}`);
  return false;
}

/** A role that was there before may have been given more than the gateway may have: refuse it rather than hand it every tenant's rows. */
async function refusePrivileged(client: pg.ClientBase, name: string): Promise<void> {
  const {
    rows: [role],
  } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owner: boolean }>(
    `SELECT r.rolsuper, r.rolbypassrls,
            -- as the owner, or a member of the owner's role, of this database or one of its tables
            EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = current_database() AND pg_has_role(r.oid, d.datdba, 'MEMBER'))
              OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owner
     FROM pg_roles r WHERE r.rolname = $1`,
    [name],
  );
  const powers = [role.rolsuper && 'SUPERUSER', role.rolbypassrls && 'BYPASSRLS', role.owner && 'ownership of the database or its tables'].filter(Boolean);
  if (powers.length) throw new Error(`role ${name} has ${powers.join(', ')}: the pool database's gateway role must be held to the tenant policies`);
}

// Default privileges apply to what the role running them creates later: the same owner
// the migrator connects as, so the tables of later migrations are granted as they come.
function grants(database: string, role: string): string[] {
  const to = quoteIdent(role);
  return [
    `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${to}`,
    `GRANT USAGE ON SCHEMA public TO ${to}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${to}`,
    `REVOKE ALL ON TABLE public._prisma_migrations FROM ${to}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${to}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${to}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${to}`,
  ];
}
