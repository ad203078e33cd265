// Applies migrations in-process and records them in `_prisma_migrations` exactly as
// Prisma Migrate does (same table, columns and SHA-256 checksums), so
// `prisma migrate status` and `prisma migrate deploy` agree with what ran here.
//
// Differences from the CLI, on purpose: each migration runs in one transaction
// (a failure leaves nothing half-applied and nothing recorded, so a retry simply
// runs it again), and progress is reported statement by statement.
import { randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { isCreateTable, type MigrationSet } from './migrations';

export interface MigrationProgress {
  migration: string;
  tablesCreated: number;
  totalTables: number;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied, but the file changed since: its checksum no longer matches. */
  modified: string[];
  /** Recorded as started and never finished (by the Prisma CLI): needs `prisma migrate resolve`. */
  failed: string[];
}

// The key Prisma Migrate locks while it migrates a database, so this migrator and
// the CLI never run at the same time against the same database.
export const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readApplied(client: ClientBase): Promise<AppliedRow[]> {
  const exists = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return [];
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return rows;
}

/** Compares what a database has recorded with a migration folder. Reads only. */
export async function migrationStatus(client: ClientBase, set: MigrationSet): Promise<MigrationStatus> {
  const rows = await readApplied(client);
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  return {
    applied: set.migrations.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: set.migrations.filter((m) => !done.has(m.name) && !failed.includes(m.name)).map((m) => m.name),
    modified: set.migrations.filter((m) => done.has(m.name) && done.get(m.name)!.checksum !== m.checksum).map((m) => m.name),
    failed,
  };
}

/**
 * Applies the pending migrations of `set` to the schema that is first on the
 * connection's search_path. Safe to call concurrently from many processes (they
 * queue on an advisory lock) and to call again: applied migrations are skipped.
 */
export async function applyMigrations(
  client: ClientBase,
  set: MigrationSet,
  onProgress: (progress: MigrationProgress) => void | Promise<void> = () => {},
): Promise<{ applied: string[] }> {
  const { rows } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
  const schema = rows[0].schema;
  // Schemas sharing a database lock separately, so their tenants migrate in parallel.
  const lock: unknown[] = schema === 'public' ? [PRISMA_MIGRATE_LOCK] : [`tenantgraph:migrate:${schema}`];
  const lockSql = schema === 'public' ? '$1::bigint' : 'hashtext($1)';
  await client.query(`SELECT pg_advisory_lock(${lockSql})`, lock);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const status = await migrationStatus(client, set);
    if (status.failed.length > 0) {
      throw new Error(`migration ${status.failed[0]} failed earlier and was never resolved; fix it with \`prisma migrate resolve\``);
    }
    const pending = set.migrations.filter((m) => status.pending.includes(m.name));
    const totalTables = pending.reduce((sum, m) => sum + m.tables, 0);
    let tablesCreated = 0;
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        for (const statement of migration.statements) {
          await client.query(statement);
          if (isCreateTable(statement)) {
            tablesCreated++;
            await onProgress({ migration: migration.name, tablesCreated, totalTables });
          }
        }
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { applied: pending.map((m) => m.name) };
  } finally {
    // If the connection broke, the session's lock went with it; keep the real error.
    await client.query(`SELECT pg_advisory_unlock(${lockSql})`, lock).catch(() => {});
  }
}
