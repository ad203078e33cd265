// Loads an archive into a tenant's tables: a new tenant's, migrated and empty (its
// default rows not seeded), on any engine and isolation, whichever the archive came
// from. One transaction, so a tenant gets all of the archive or none of it (a file
// found changed at its end, a value its column cannot take, a reference to nothing);
// tables in foreign-key order with their self- and cycle-closing references set
// after (loadPlan.ts, loadOrder.ts), foreign keys checked by the database all along;
// rows in multi-row INSERTs of a few thousand, never one round trip a row.
import { classifyDatabaseError } from '../db/databaseErrors';
import type { SqlConnection } from '../db/sqlConnection';
import { tenantModel, type Column } from '../model/tenantModel';
import { mysql, postgresql } from '../planner/dialect';
import { advanceSequences } from './advanceSequences';
import { ArchiveInvalid } from './archiveInvalid';
import { planLoad, tenantTables, type TableLoad } from './loadPlan';
import { misfit, toEngine } from './neutralValues';
import type { ArchiveReader } from './readArchive';
import { pooled, setPoolTenant, TENANT, type TenantScope } from './tenantScope';

// A statement's bound values stay under PostgreSQL's limit (65,535) and its text,
// with MySQL's client-side binding, far under MariaDB's and MySQL's default
// max_allowed_packet (16 and 64 MiB) even at four bytes a character.
const MAX_VALUES = 60_000;
const MAX_ROWS = 2000;
const MAX_CHARS = 1024 * 1024;

export interface LoadedData {
  tables: number;
  rows: number;
}

export async function loadTenantData(sql: SqlConnection, scope: TenantScope, archive: ArchiveReader): Promise<LoadedData> {
  const plan = await planLoad(sql, archive.manifest);
  await sql.query(sql.engine === 'postgresql' ? 'BEGIN' : 'START TRANSACTION');
  try {
    await setPoolTenant(sql, scope);
    await refuseUnlessEmpty(sql, scope);
    let rows = 0;
    for (const table of plan) rows += await refusedAsArchive(table, () => insertRows(sql, scope, table, archive));
    for (const table of plan.filter((t) => t.deferred.length > 0)) await refusedAsArchive(table, () => setDeferred(sql, scope, table, archive));
    const tables = plan.map((t) => t.model.table);
    await advanceSequences(sql, scope, tables);
    await sql.query('COMMIT');
    return { tables: plan.length, rows };
  } catch (error) {
    await sql.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/**
 * Runs `work` on `table`'s rows, a database's refusal of them being the archive's
 * fault: the tables were empty and every value had its column's form, so a row that
 * refers to one the archive does not hold, two rows with one key, or a value out of
 * its column's range came in the archive.
 */
async function refusedAsArchive<T>(table: TableLoad, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const failure = classifyDatabaseError(error);
    const cause = error instanceof Error ? error : undefined;
    const { file } = table.archived;
    switch (failure?.kind) {
      case 'foreignKeyViolation':
        throw new ArchiveInvalid(`a row of ${file} refers to a row the archive does not hold`, cause);
      case 'uniqueViolation':
        throw new ArchiveInvalid(`two rows of ${file} have the same ${failure.fields?.join(' and ') ?? 'key'}`, cause);
      case 'tooLong':
      case 'numberOutOfRange':
      case 'invalidDate':
      case 'dateOutOfRange':
      case 'unstorableCharacter':
      case 'invalidValue':
        throw new ArchiveInvalid(`a value in ${file} does not fit its column of this tenant's ${table.model.table}`, cause);
      default:
        throw error;
    }
  }
}

const dialectOf = (sql: SqlConnection) => (sql.engine === 'mysql' ? mysql : postgresql);

/**
 * A load goes into empty tables only: rows already there (a seeded chart of accounts,
 * an earlier load) would collide with the archive's or, worse, mix with them. That is
 * the caller's mistake, not the archive's, so a plain error.
 */
async function refuseUnlessEmpty(sql: SqlConnection, scope: TenantScope): Promise<void> {
  const table = await tableHoldingRows(sql, scope);
  if (table) throw new Error(`the tenant's ${table} already holds rows: an archive loads into a tenant with no data only`);
}

/** The first of the tenant's tables that holds a row of it, if any. */
export async function tableHoldingRows(sql: SqlConnection, scope: TenantScope): Promise<string | undefined> {
  const { quote, placeholder } = dialectOf(sql);
  const present = await tenantTables(sql);
  for (const { table } of tenantModel.models.filter((m) => present.has(m.table))) {
    const own = pooled(scope) ? ` WHERE ${TENANT} = ${placeholder(1)}` : '';
    const found = await sql.query(`SELECT 1 AS found FROM ${quote(table)}${own} LIMIT 1`, pooled(scope) ? [scope.tenantId] : []);
    if (found.length > 0) return table;
  }
  return undefined;
}

/** The archive's rows of one table, row by row checked and made the engine's values, gathered into batches. */
async function* batchesOf(
  archive: ArchiveReader,
  { archived, columns }: TableLoad,
  valueOf: (column: Column, value: unknown) => unknown,
  perRow: number,
): AsyncGenerator<unknown[][]> {
  const maxRows = Math.min(MAX_ROWS, Math.floor(MAX_VALUES / perRow));
  let batch: unknown[][] = [];
  let chars = 0;
  let line = 0;
  for await (const row of archive.rows(archived.table)) {
    line++;
    const values = columns.map((column) => {
      const value = row[column.column];
      const wrong = misfit(column, value);
      if (wrong) throw new ArchiveInvalid(`${archived.file} line ${line}: ${column.column} ${wrong}`);
      const bound = valueOf(column, value);
      chars += typeof bound === 'string' ? bound.length : 8;
      return bound;
    });
    batch.push(values);
    if (batch.length >= maxRows || chars >= MAX_CHARS) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

async function insertRows(sql: SqlConnection, scope: TenantScope, table: TableLoad, archive: ArchiveReader): Promise<number> {
  const { quote, placeholder } = dialectOf(sql);
  const deferred = new Set(table.deferred);
  const names = [...(pooled(scope) ? [TENANT] : []), ...table.columns.map((c) => quote(c.column))];
  const into = `INSERT INTO ${quote(table.model.table)} (${names.join(', ')}) VALUES `;
  const valueOf = (column: Column, value: unknown) => (deferred.has(column) ? null : toEngine(sql.engine, column.scalar, value));
  let rows = 0;
  for await (const batch of batchesOf(archive, table, valueOf, names.length)) {
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const all = pooled(scope) ? [scope.tenantId, ...row] : row;
      return `(${all.map((value) => placeholder(values.push(value))).join(', ')})`;
    });
    await sql.query(into + tuples.join(', '), values);
    rows += batch.length;
  }
  return rows;
}

/** Sets the deferred foreign keys of `table`'s rows that have any, now that every row they point at is in. */
async function setDeferred(sql: SqlConnection, scope: TenantScope, table: TableLoad, archive: ArchiveReader): Promise<void> {
  const { quote, placeholder } = dialectOf(sql);
  const key = table.columns.find((c) => c.isId);
  if (!key) throw new Error(`${table.model.name} has no primary key to set its references by`);
  const setting = [key, ...table.deferred];
  const target = quote(table.model.table);
  const valueOf = (column: Column, value: unknown) => (setting.includes(column) ? toEngine(sql.engine, column.scalar, value) : null);
  for await (const batch of batchesOf(archive, table, valueOf, setting.length)) {
    const rows = batch.map((row) => setting.map((column) => row[table.columns.indexOf(column)])).filter((row) => row.slice(1).some((value) => value !== null));
    if (rows.length === 0) continue;
    if (sql.engine === 'postgresql') {
      // The table's own row type gives each value its column's type (uuid, an enum, ...).
      const values: unknown[] = [JSON.stringify(rows.map((row) => Object.fromEntries(setting.map((column, i) => [column.column, row[i]]))))];
      const sets = table.deferred.map((c) => `${quote(c.column)} = v.${quote(c.column)}`).join(', ');
      const own = pooled(scope) ? ` AND t.${TENANT} = ${placeholder(values.push(scope.tenantId))}` : '';
      await sql.query(
        `UPDATE ${target} AS t SET ${sets} FROM json_populate_recordset(NULL::${target}, $1) AS v WHERE t.${quote(key.column)} = v.${quote(key.column)}${own}`,
        values,
      );
    } else {
      const values: unknown[] = [];
      const selects = rows.map(
        (row, r) => `SELECT ${row.map((value, i) => `${placeholder(values.push(value))}${r === 0 ? ` AS ${quote(setting[i].column)}` : ''}`).join(', ')}`,
      );
      const sets = table.deferred.map((c) => `t.${quote(c.column)} = v.${quote(c.column)}`).join(', ');
      await sql.query(
        `UPDATE ${target} AS t JOIN (${selects.join(' UNION ALL ')}) AS v ON t.${quote(key.column)} = v.${quote(key.column)} SET ${sets}`,
        values,
      );
    }
  }
}
