// Every table of one tenant read in one consistent snapshot, in the shape writeArchive
// takes: what the archive holds is the tenant's data at one moment, its books
// balanced, however many writes go on meanwhile. PostgreSQL gives it with a read-only
// REPEATABLE READ transaction, MySQL and MariaDB with START TRANSACTION WITH
// CONSISTENT SNAPSHOT. The tables are the tenant model's, every one (deployment
// models included), parents first; each is read a page at a time in the order of its
// primary key (keyset pages, so memory stays flat and no page costs more than the
// first), and each value turned into the neutral form (neutralValues.ts).
import type { SqlConnection } from '../db/sqlConnection';
import { tenantModel, type Model } from '../model/tenantModel';
import { mysql, postgresql } from '../planner/dialect';
import type { ArchiveRow } from './archiveManifest';
import { loadOrder } from './loadOrder';
import { selectedAs, toNeutral } from './neutralValues';
import { pooled, setPoolTenant, TENANT, type TenantScope } from './tenantScope';
import type { TableRows } from './writeArchive';
import { unpaced, type Pace } from '../provisioning/jobs/pacing';

/** Rows read in one statement. */
const PAGE_ROWS = 5000;

/** The models a tenant's archive holds, in the order it holds them (the order they load in). */
const archivedModels: Model[] = loadOrder(tenantModel.models).map((step) => step.model);

export interface TenantSnapshot {
  /** The tenant's last applied migration, which its tables are as of. */
  migration: string;
  takenAt: string;
  /** Read one after another, while the snapshot lasts (inside `work`). */
  tables: AsyncIterable<TableRows>;
}

/** Runs `work` with a snapshot of the tenant's tables on `sql`, a connection of its own (withTenantSql); the snapshot ends with it. */
export async function withTenantSnapshot<T>(
  sql: SqlConnection,
  scope: TenantScope,
  work: (snapshot: TenantSnapshot) => Promise<T>,
  { pageRows = PAGE_ROWS, pace = unpaced }: { pageRows?: number; pace?: Pace } = {},
): Promise<T> {
  if (sql.engine === 'postgresql') {
    await sql.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // For a column with a time zone (a deployment's @db.Timestamptz): to_char writes it in the session's.
    await sql.query("SET LOCAL TimeZone = 'UTC'");
  } else {
    await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await sql.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
  }
  try {
    await setPoolTenant(sql, scope);
    const snapshot = { migration: await lastAppliedMigration(sql), takenAt: new Date().toISOString(), tables: snapshotTables(sql, scope, pageRows, pace) };
    const result = await work(snapshot);
    await sql.query('COMMIT');
    return result;
  } catch (error) {
    await sql.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The name of the last migration applied to the tables on `sql` (finished, not rolled back). */
export async function lastAppliedMigration(sql: SqlConnection): Promise<string> {
  // Names start with the time they were made: in name order is in the order they apply.
  const [last] = await sql.query<{ name: string }>(
    'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1',
  );
  if (!last) throw new Error('the tenant has no migration applied: there are no tables to take');
  return last.name;
}

async function* snapshotTables(sql: SqlConnection, scope: TenantScope, pageRows: number, pace: Pace): AsyncGenerator<TableRows> {
  for (const model of archivedModels) {
    yield { model: model.name, table: model.table, columns: model.columns.map((c) => c.column), rows: tableRows(sql, scope, model, pageRows, pace) };
  }
}

async function* tableRows(sql: SqlConnection, scope: TenantScope, model: Model, pageRows: number, pace: Pace): AsyncGenerator<ArchiveRow> {
  const { engine } = sql;
  const dialect = engine === 'mysql' ? mysql : postgresql;
  const keys = model.columns.filter((c) => c.isId);
  if (keys.length !== 1) throw new Error(`${model.name} has no single-column primary key to read it in pages by`);
  const [key] = keys;
  // Text keys in the order of their bytes on both engines (their collations differ), so the file is the same from either.
  const keyOrder =
    key.scalar !== 'String'
      ? dialect.quote(key.column)
      : engine === 'mysql'
        ? `CAST(${dialect.quote(key.column)} AS BINARY)`
        : `${dialect.quote(key.column)} COLLATE "C"`;
  const select = `SELECT ${model.columns.map((c) => `${selectedAs(engine, c.scalar, dialect.quote(c.column))} AS ${dialect.quote(c.column)}`).join(', ')} FROM ${dialect.quote(model.table)}`;

  let after: unknown;
  for (;;) {
    await pace();
    const conditions: string[] = [];
    const values: unknown[] = [];
    if (pooled(scope)) conditions.push(`${TENANT} = ${dialect.placeholder(values.push(scope.tenantId))}`);
    if (after !== undefined) conditions.push(`${keyOrder} > ${dialect.placeholder(values.push(after))}`);
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const page = await sql.query(`${select}${where} ORDER BY ${keyOrder} LIMIT ${pageRows}`, values);
    for (const raw of page) {
      const row: ArchiveRow = {};
      for (const column of model.columns) row[column.column] = toNeutral(engine, column.scalar, raw[column.column]);
      yield row;
    }
    if (page.length < pageRows) return;
    after = toNeutral(engine, key.scalar, page[page.length - 1][key.column]);
  }
}
