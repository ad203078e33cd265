// Applies migrations in-process and records them in `_prisma_migrations` exactly as
// Prisma Migrate does (same table, columns and SHA-256 checksums), so
// `prisma migrate status` and `prisma migrate deploy` agree with what ran here.
// One algorithm for both engines; what differs is in migrationEngines.ts.
//
// Differences from the CLI, on purpose, and progress reported statement by statement:
// - PostgreSQL: each migration runs in one transaction. A failure leaves nothing
//   half-applied and nothing recorded, so a retry simply runs it again.
// - MySQL commits each DDL statement by itself. The row is recorded as started, and
//   `applied_steps_count` counts the statements that completed while it runs. A
//   failure leaves the row unfinished with the error in `logs`, as Prisma leaves a
//   failed migration (so `prisma migrate status` reports it failed). A retry of an
//   unfinished migration whose file is unchanged resumes after the statements that
//   completed, in the same row, and finishes it; Prisma's SQL is not written to run
//   twice (CREATE TABLE, not CREATE TABLE IF NOT EXISTS), so re-running from the top
//   would fail on the tables the first attempt made.
//   A run that stopped without saying why (its process was killed, its connection
//   lost: `logs` is empty) may have applied one statement more than it counted: the
//   server finishes a statement whose client is gone. That statement, the first the
//   retry runs, counts as done when it finds its work there (what it creates exists,
//   what it drops is gone: each MySQL DDL statement is applied whole or not at all).
//   A statement that failed and said so is never taken as done: a table of the same
//   name that was there before is not ours.
// On both, when it finishes, the row holds finished_at and applied_steps_count 1: a
// migration is one step, as Prisma counts it.
import { randomUUID } from 'node:crypto';
import type { MigrationLimits } from '../config';
import { classifyDatabaseError } from './databaseErrors';
import { migrationEngines } from './migrationEngines';
import { isCreateTable, type Migration, type MigrationSet } from './migrations';
import type { SqlConnection } from './sqlConnection';

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
  /** Recorded as started and never finished: by the Prisma CLI, or (MySQL) a run of this migrator that failed. */
  failed: string[];
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const unfinished = (r: HistoryRow) => !r.finished_at && !r.rolled_back_at;

async function readHistory(connection: SqlConnection): Promise<HistoryRow[]> {
  const [{ present }] = await connection.query<{ present: unknown }>(migrationEngines[connection.engine].historyTableExists);
  if (!present) return [];
  return connection.query<HistoryRow>(
    'SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY started_at',
  );
}

function statusOf(rows: HistoryRow[], set: MigrationSet): MigrationStatus {
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
  const failed = rows.filter(unfinished).map((r) => r.migration_name);
  return {
    applied: set.migrations.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: set.migrations.filter((m) => !done.has(m.name) && !failed.includes(m.name)).map((m) => m.name),
    modified: set.migrations.filter((m) => done.has(m.name) && done.get(m.name)!.checksum !== m.checksum).map((m) => m.name),
    failed,
  };
}

function assertSameEngine(connection: SqlConnection, set: MigrationSet) {
  if (connection.engine !== set.engine) throw new Error(`these migrations are written for ${set.engine}, the database is ${connection.engine}`);
}

/** Compares what a database has recorded with a migration folder. Reads only. */
export async function migrationStatus(connection: SqlConnection, set: MigrationSet): Promise<MigrationStatus> {
  assertSameEngine(connection, set);
  return statusOf(await readHistory(connection), set);
}

/** A migration that stopped at one of its statements; the database's own error is the cause. */
export class MigrationFailed extends Error {
  constructor(
    readonly migration: string,
    /** 1-based. */
    readonly statement: number,
    readonly statements: number,
    cause: unknown,
  ) {
    super(`migration ${migration}: statement ${statement} of ${statements} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationFailed';
  }
}

/** A DDL statement that finds its work done: what it creates is there, or what it drops is not. */
function foundDone(error: unknown): boolean {
  const kind = classifyDatabaseError(error)?.kind;
  return kind === 'objectExists' || kind === 'objectMissing';
}

/** A migration to run: from its first statement, or (MySQL) resuming the row a failed run left. */
interface Run {
  migration: Migration;
  resume?: HistoryRow;
}

function runsToDo(rows: HistoryRow[], set: MigrationSet, resumable: boolean): Run[] {
  const status = statusOf(rows, set);
  const left = new Map(rows.filter(unfinished).map((r) => [r.migration_name, r]));
  for (const name of status.failed) {
    const migration = set.migrations.find((m) => m.name === name);
    if (!resumable || migration?.checksum !== left.get(name)!.checksum) {
      throw new Error(`migration ${name} failed earlier and was never resolved; fix it with \`prisma migrate resolve\``);
    }
  }
  return set.migrations
    .filter((m) => status.pending.includes(m.name) || status.failed.includes(m.name))
    .map((migration) => ({ migration, resume: left.get(migration.name) }));
}

/** Runs `work` while holding the migration lock of the connection's database (or schema), with `_prisma_migrations` in place. */
export async function withMigrationLock<T>(connection: SqlConnection, work: () => Promise<T>): Promise<T> {
  const engine = migrationEngines[connection.engine];
  const release = await engine.lock(connection);
  try {
    await connection.query(engine.createHistoryTable);
    return await work();
  } finally {
    // If the connection broke, the session's lock went with it; keep the real error.
    await release().catch(() => {});
  }
}

/**
 * Records the pending migrations of `set` as applied without running them: a
 * baseline, for tables that are already there. The rows are the ones
 * `prisma migrate resolve --applied` writes (started and finished now, no steps
 * counted), so the CLI sees the same history. Call it holding the migration lock.
 */
export async function recordAsApplied(connection: SqlConnection, set: MigrationSet): Promise<string[]> {
  assertSameEngine(connection, set);
  const engine = migrationEngines[connection.engine];
  const $ = engine.param;
  const { pending } = statusOf(await readHistory(connection), set);
  for (const name of pending) {
    const { checksum } = set.migrations.find((m) => m.name === name)!;
    await connection.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (${$(1)}, ${$(2)}, ${$(3)}, ${engine.now}, ${engine.now}, 0)`,
      [randomUUID(), checksum, name],
    );
  }
  return pending;
}

/**
 * Applies the pending migrations of `set` where the connection's unqualified names
 * resolve (PostgreSQL: the first schema on its search_path; MySQL: its database).
 * Safe to call concurrently from many processes (they queue on a lock) and to call
 * again: applied migrations are skipped. With `limits`, the session's statements are
 * bounded from then on (the connection should be one of its own: they stay set).
 */
export async function applyMigrations(
  connection: SqlConnection,
  set: MigrationSet,
  onProgress: (progress: MigrationProgress) => void | Promise<void> = () => {},
  limits?: MigrationLimits,
): Promise<{ applied: string[] }> {
  assertSameEngine(connection, set);
  const engine = migrationEngines[connection.engine];
  const $ = engine.param;
  return withMigrationLock(connection, async () => {
    // Set once the lock is held: waiting for another migrator is not a statement running long.
    if (limits) await engine.limit(connection, limits);
    const runs = runsToDo(await readHistory(connection), set, !engine.transactionalDdl);
    const remaining = (run: Run) => run.migration.statements.slice(run.resume?.applied_steps_count ?? 0);
    const totalTables = runs.reduce((sum, run) => sum + remaining(run).filter(isCreateTable).length, 0);
    let tablesCreated = 0;

    for (const run of runs) {
      const { migration } = run;
      if (engine.transactionalDdl) await connection.query('BEGIN');
      const id = run.resume?.id ?? randomUUID();
      let done = run.resume?.applied_steps_count ?? 0;
      // The run before stopped without reporting a failure: its last statement may have been applied, uncounted.
      const inDoubt = run.resume?.logs === null;
      try {
        if (!run.resume) {
          await connection.query(
            `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (${$(1)}, ${$(2)}, ${$(3)}, ${engine.now}, 0)`,
            [id, migration.checksum, migration.name],
          );
        } else {
          // Running again: if this run is killed too, the next one finds its statement in doubt.
          await connection.query(`UPDATE _prisma_migrations SET logs = NULL WHERE id = ${$(1)}`, [id]);
        }
        for (const [i, statement] of remaining(run).entries()) {
          await connection.query(statement).catch((error: unknown) => {
            if (!(i === 0 && inDoubt && foundDone(error))) throw new MigrationFailed(migration.name, done + 1, migration.statements.length, error);
          });
          done++;
          if (!engine.transactionalDdl) await connection.query(`UPDATE _prisma_migrations SET applied_steps_count = ${$(1)} WHERE id = ${$(2)}`, [done, id]);
          if (isCreateTable(statement)) {
            tablesCreated++;
            await onProgress({ migration: migration.name, tablesCreated, totalTables });
          }
        }
        await connection.query(`UPDATE _prisma_migrations SET finished_at = ${engine.now}, applied_steps_count = 1, logs = NULL WHERE id = ${$(1)}`, [id]);
        if (engine.transactionalDdl) await connection.query('COMMIT');
      } catch (error) {
        if (engine.transactionalDdl) {
          await connection.query('ROLLBACK');
        } else {
          const cause = error instanceof MigrationFailed ? error.cause : error;
          const logs = `statement ${done + 1} of ${migration.statements.length} failed: ${(cause as Error).message}`;
          // If the connection broke, the row keeps its count and a retry resumes from it; keep the real error.
          await connection.query(`UPDATE _prisma_migrations SET logs = ${$(1)} WHERE id = ${$(2)}`, [logs, id]).catch(() => {});
        }
        throw error;
      }
    }
    return { applied: runs.map((run) => run.migration.name) };
  });
}
