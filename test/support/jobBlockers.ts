// Ways to stop a provisioning job at a known point without any test-only code in
// the gateway: the test holds a lock the job needs, as a concurrent operator would.
import mariadb from 'mariadb';
import pg from 'pg';
import { quoteMysqlIdent } from '../../src/db/identifiers';
import { mysqlMigrationLock, PRISMA_MIGRATE_LOCK } from '../../src/db/migrationEngines';
import { mysqlConfig } from '../../src/db/mysqlConnect';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { onServer } from './database';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Creates a tenant's database before its job does and takes the migration lock on
 * it (the one `prisma migrate` takes): the job passes place and create, then waits
 * at migrate until release().
 */
export async function holdMigrationLock(serverUrl: string, database: string): Promise<HeldLock> {
  await onServer(`CREATE DATABASE "${database}"`);
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1::bigint)', [PRISMA_MIGRATE_LOCK]);
  return { release: () => client.end() };
}

/** Locks a job's row: the job's next progress report waits until release(). */
export async function holdJobRow(platformUrl: string, jobId: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: platformUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM "ProvisioningJob" WHERE id = $1 FOR UPDATE', [jobId]);
  return {
    async release() {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    },
  };
}

/**
 * True once a job's claim or report (an update of its row, however its text begins) waits
 * for a lock. Not its heartbeat, which sets nothing else: the claim sets the heartbeat
 * too, among its other columns.
 */
export async function jobUpdateIsWaiting(platformUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: platformUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
         AND query ~* '^\\s*UPDATE\\s+("public"\\.)?"ProvisioningJob"' AND query !~* 'SET\\s+"heartbeatAt"\\s*=\\s*now\\(\\)\\s+WHERE'`,
    );
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

// On MySQL. A migrator's statements run on a connection to the tenant's database, so
// the server's process list shows them by database.

const mysqlSession = (serverUrl: string, database: string) => mariadb.createConnection({ ...mysqlConfig(withDatabase(serverUrl, database)), connectTimeout: 5000 });

/** Like holdMigrationLock, on a MySQL server: the job waits at migrate until release(). The database may exist already. */
export async function holdMysqlMigrationLock(serverUrl: string, database: string): Promise<HeldLock> {
  await withMysql(serverUrl, (sql) => sql.query(`CREATE DATABASE IF NOT EXISTS ${quoteMysqlIdent(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const session = await mysqlSession(serverUrl, database);
  // A session just killed may take a moment to let go of it.
  const [{ got }] = await session.query('SELECT GET_LOCK(?, 10) AS got', [mysqlMigrationLock(database)]);
  if (Number(got) !== 1) throw new Error(`the migration lock of ${database} is held by another session`);
  return { release: () => session.end() };
}

/**
 * Locks the row of the migration running in a MySQL database: the migrator's next
 * count of a statement it applied (`applied_steps_count`) waits until release().
 */
export async function holdRunningMigration(serverUrl: string, database: string): Promise<HeldLock & { migration: string; counted: number }> {
  const session = await mysqlSession(serverUrl, database);
  const [row] = await session.query('SELECT id, migration_name AS migration, applied_steps_count AS counted FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL');
  if (!row) throw new Error(`no migration is running in ${database}`);
  await session.query('BEGIN');
  // By its key: only this row is locked, not the gaps a new migration's row goes in.
  await session.query('SELECT 1 FROM _prisma_migrations WHERE id = ? FOR UPDATE', [row.id]);
  return {
    migration: row.migration,
    counted: Number(row.counted),
    async release() {
      await session.query('ROLLBACK').catch(() => {});
      await session.end();
    },
  };
}

/** The process-list id of a session of `database` running a statement that starts with `prefix`, if there is one. */
export async function mysqlSessionRunning(serverUrl: string, database: string, prefix: string): Promise<number | null> {
  const rows = await withMysql(serverUrl, (sql) =>
    sql.query<{ id: number }>('SELECT id FROM information_schema.processlist WHERE db = ? AND info LIKE ?', [database, `${prefix}%`]),
  );
  return rows.length ? Number(rows[0].id) : null;
}

/** Ends a MySQL session and the statement it runs (KILL). */
export async function killMysqlSession(serverUrl: string, id: number): Promise<void> {
  await withMysql(serverUrl, (sql) => sql.query(`KILL ${Number(id)}`));
}
