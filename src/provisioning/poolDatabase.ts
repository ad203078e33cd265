// The pool database: one PostgreSQL database whose tables hold the rows of many small
// tenants, each row marked with its tenant and kept to it by row-level security
// (src/db/poolStatements.ts). Preparing it makes the database, applies the pool
// migrations as the owner of its tables, and sets up the role the gateway connects
// as. Safe to run again, and from several processes at once.
import { ensureDatabase } from '../db/ensureDatabase';
import { applyMigrations, type MigrationProgress } from '../db/migrator';
import { poolMigrations } from '../db/poolMigrations';
import { pgConnection } from '../db/sqlConnection';
import { withDatabase } from '../db/urls';
import { withClient } from '../db/withClient';
import { ensurePoolRole, type PoolRole } from './poolRole';

export type { PoolRole } from './poolRole';

export interface PreparedPoolDatabase {
  /** The migrations this run applied; none when another run (or an earlier one) had. */
  migrationsApplied: string[];
  roleCreated: boolean;
}

/**
 * Makes `database` on the server at `serverUrl` ready for the gateway. `serverUrl`'s
 * user becomes (or is) the owner of the tables; `role` is what the gateway connects as.
 */
export async function preparePoolDatabase(
  serverUrl: string,
  database: string,
  role: PoolRole,
  onProgress?: (progress: MigrationProgress) => void | Promise<void>,
): Promise<PreparedPoolDatabase> {
  const url = withDatabase(serverUrl, database);
  await ensureDatabase(url);
  return withClient({ connectionString: url }, async (client) => {
    // The migrator takes its own lock: a second process waits, then finds nothing pending.
    const { applied } = await applyMigrations(pgConnection(client), poolMigrations(), onProgress);
    const roleCreated = await ensurePoolRole(client, database, role);
    return { migrationsApplied: applied, roleCreated };
  });
}
