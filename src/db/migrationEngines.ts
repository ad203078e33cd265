// What the migrator does differently on each engine: Prisma Migrate's
// `_prisma_migrations` table in that engine's column types, how concurrent
// migrators of one database exclude each other, and whether DDL can be rolled back.
import { createHash } from 'node:crypto';
import type { MigrationLimits } from '../config';
import type { Engine } from '../engine';
import type { SqlConnection } from './sqlConnection';

export interface MigrationEngine {
  /** Prisma's own definition of `_prisma_migrations` on this engine. */
  createHistoryTable: string;
  /** One row, `present`: whether `_prisma_migrations` exists where unqualified names resolve. */
  historyTableExists: string;
  /** The current time, as Prisma writes it into `_prisma_migrations`. */
  now: string;
  /** The n-th (1-based) bind placeholder. */
  param(n: number): string;
  /**
   * PostgreSQL runs DDL in transactions: a migration is applied whole or not at all.
   * MySQL commits every DDL statement on its own, so a migration is applied statement
   * by statement and a failure leaves the part that ran.
   */
  transactionalDdl: boolean;
  /** Waits until no other migrator works on this database or schema; resolves to the release. */
  lock(connection: SqlConnection): Promise<() => Promise<void>>;
  /** Bounds each statement the session runs from now on, and each wait for a table lock. */
  limit(connection: SqlConnection, limits: MigrationLimits): Promise<void>;
}

// The key Prisma Migrate locks while it migrates a PostgreSQL database, so this
// migrator and the CLI never run at the same time against the same database.
export const PRISMA_MIGRATE_LOCK = 72707369;

// MySQL's GET_LOCK names are server-wide: one per database lets the tenants of one
// server migrate in parallel. (Prisma's CLI takes one name for the whole server;
// sharing it would serialize every tenant of a server behind each other.)
const MYSQL_LOCK_WAIT_SECONDS = 300;

/** The GET_LOCK name migrators of MySQL database `db` take. Lock names are at most 64 characters; database names can be as long themselves. */
export const mysqlMigrationLock = (db: string) => `tenantgraph:migrate:${createHash('sha1').update(db).digest('hex')}`;

const postgresql: MigrationEngine = {
  createHistoryTable: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
  historyTableExists: `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`,
  now: 'now()',
  param: (n) => `$${n}`,
  transactionalDdl: true,
  async lock(connection) {
    const [{ schema }] = await connection.query<{ schema: string }>('SELECT current_schema() AS schema');
    // Schemas sharing a database lock separately, so their tenants migrate in parallel.
    const [key, keySql] = schema === 'public' ? [PRISMA_MIGRATE_LOCK, '$1::bigint'] : [`tenantgraph:migrate:${schema}`, 'hashtext($1)'];
    await connection.query(`SELECT pg_advisory_lock(${keySql})`, [key]);
    return async () => {
      await connection.query(`SELECT pg_advisory_unlock(${keySql})`, [key]);
    };
  },
  async limit(connection, { statementMs, lockMs }) {
    await connection.query(`SET statement_timeout = ${Math.trunc(statementMs)}`);
    await connection.query(`SET lock_timeout = ${Math.trunc(lockMs)}`);
  },
};

const mysql: MigrationEngine = {
  createHistoryTable: `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
    \`id\`                    VARCHAR(36) PRIMARY KEY NOT NULL,
    \`checksum\`              VARCHAR(64) NOT NULL,
    \`finished_at\`           DATETIME(3),
    \`migration_name\`        VARCHAR(255) NOT NULL,
    \`logs\`                  TEXT,
    \`rolled_back_at\`        DATETIME(3),
    \`started_at\`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`applied_steps_count\`   INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  historyTableExists: `SELECT COUNT(*) AS present FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '_prisma_migrations'`,
  now: 'CURRENT_TIMESTAMP(3)',
  param: () => '?',
  transactionalDdl: false,
  async lock(connection) {
    const [{ db }] = await connection.query<{ db: string | null }>('SELECT DATABASE() AS db');
    if (!db) throw new Error('no database selected: a MySQL tenant URL must name its database');
    const name = mysqlMigrationLock(db);
    const [{ got }] = await connection.query<{ got: number | null }>('SELECT GET_LOCK(?, ?) AS got', [name, MYSQL_LOCK_WAIT_SECONDS]);
    if (got !== 1) throw new Error(`another migrator has held the migration lock of database ${db} for over ${MYSQL_LOCK_WAIT_SECONDS} s`);
    return async () => {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]);
    };
  },
  async limit(connection, { statementMs, lockMs }) {
    // lock_wait_timeout bounds metadata locks (what DDL waits for), in whole seconds.
    await connection.query(`SET SESSION lock_wait_timeout = ${Math.max(1, Math.ceil(lockMs / 1000))}`);
    // MySQL 8 bounds only SELECTs (max_execution_time); MariaDB bounds every statement.
    const [{ version }] = await connection.query<{ version: string }>('SELECT VERSION() AS version');
    if (/mariadb/i.test(version)) await connection.query(`SET SESSION max_statement_time = ${statementMs / 1000}`);
  },
};

export const migrationEngines: Record<Engine, MigrationEngine> = { postgresql, mysql };
