// Taking over a database the customer brings when some tenant tables are already in
// it (an earlier copy of our schema, their own app on the same models), the same on
// both engines:
// - a table of the tenant schema that is there and matches is kept, rows and all;
//   one that matches the table as an earlier migration left it (an earlier copy of
//   our schema) is kept too, and brought up to date by the later migrations' own
//   statements for it (the columns they add or drop, their indexes and keys);
// - one that is missing is created by the migrations' own statements for it
//   (its CREATE TABLE, indexes and foreign keys; on PostgreSQL, enum types that are
//   not there yet);
// - one that is there and matches no migration's version of it stops the job,
//   naming the table and what differs from the closest version, before anything
//   is created;
// - tables of the customer's that are not ours are never touched.
// Then every migration is recorded as applied, as a Prisma baseline, so verify passes
// and later migrations apply as on any tenant.
//
// "Matches" is judged on columns, against what the migrations of the tenant's engine
// make after each of them (migrationColumns.ts): every column is there, with the same nullability and a
// type of the same family (TEXT and VARCHAR(191) are both text); a column of the
// customer's that we do not know is fine unless it is NOT NULL without a default,
// which would make our inserts fail, or one a later migration adds (its ADD COLUMN
// would fail). Indexes and constraints a kept table's version already had are left
// as the customer made them.
//
// On PostgreSQL the creation and the baseline are one transaction. MySQL commits each
// DDL statement: a job that dies half way leaves the tables it made or updated, and
// its retry keeps them as matching (they are ours) and creates the rest; foreign keys that
// were still to be added to those tables are then missing.
import { migrationEngines } from '../db/migrationEngines';
import { isCreateTable, type MigrationSet } from '../db/migrations';
import { migrationStatus, recordAsApplied, withMigrationLock } from '../db/migrator';
import type { SqlConnection } from '../db/sqlConnection';
import { columnsAfterEachMigration, createdType, tableOf, typeFamily, type ExpectedColumn } from './migrationColumns';
import { ProvisioningError } from './provisioningError';

export interface Adoption {
  /** Tenant tables that were already there and matched. */
  kept: string[];
  /** Those of `kept` that matched an earlier migration's version, and were brought up to date. */
  updated: string[];
  /** Tenant tables that were missing and were created. */
  created: string[];
}

interface ColumnHere {
  table: string;
  name: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

// Where unqualified names resolve: the first schema on the search path, or MySQL's database.
const COLUMNS_HERE = {
  postgresql: `SELECT table_name AS "table", column_name AS name, is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS "hasDefault",
      CASE WHEN data_type = 'ARRAY' THEN 'array'
           WHEN data_type <> 'USER-DEFINED' THEN data_type
           WHEN EXISTS (SELECT 1 FROM pg_type t WHERE t.typname = udt_name AND t.typtype = 'e') THEN 'enum'
           ELSE udt_name END AS type
    FROM information_schema.columns WHERE table_schema = current_schema()`,
  // A NOT NULL column's default reads NULL when it has none; AUTO_INCREMENT is a default too.
  mysql: `SELECT table_name AS "table", column_name AS name, data_type AS type, is_nullable = 'YES' AS nullable,
      column_default IS NOT NULL OR extra LIKE '%auto_increment%' AS "hasDefault"
    FROM information_schema.columns WHERE table_schema = DATABASE()`,
};

async function columnsHere(connection: SqlConnection): Promise<Map<string, ColumnHere[]>> {
  const tables = new Map<string, ColumnHere[]>();
  for (const column of await connection.query<ColumnHere>(COLUMNS_HERE[connection.engine])) {
    tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  }
  return tables;
}

function sameFamily(connection: SqlConnection, expected: ExpectedColumn, actual: ColumnHere): boolean {
  const family = typeFamily(actual.type);
  // MariaDB's JSON is LONGTEXT with a json_valid() check.
  return family === expected.family || (connection.engine === 'mysql' && expected.family === 'json' && actual.type.toLowerCase() === 'longtext');
}

/** What keeps a table of the customer's from serving as ours; empty when it matches. */
function differences(connection: SqlConnection, expected: ExpectedColumn[], actual: ColumnHere[], addedLater: Set<string>): string[] {
  const byName = new Map(actual.map((c) => [c.name, c]));
  const found: string[] = [];
  for (const column of expected) {
    const there = byName.get(column.name);
    if (!there) found.push(`missing column ${column.name}`);
    else if (!sameFamily(connection, column, there)) found.push(`column ${column.name} is ${typeFamily(there.type)}, must be ${column.family}`);
    else if (Boolean(there.nullable) !== column.nullable) {
      found.push(`column ${column.name} ${column.nullable ? 'is NOT NULL, must allow NULL' : 'allows NULL, must be NOT NULL'}`);
    }
  }
  const known = new Set(expected.map((c) => c.name));
  for (const extra of actual.filter((c) => !known.has(c.name))) {
    if (addedLater.has(extra.name)) found.push(`column ${extra.name} is already there, though a later migration adds it`);
    else if (!extra.nullable && !extra.hasDefault) found.push(`column ${extra.name} is NOT NULL without a default and not in the tenant schema`);
  }
  return found;
}

async function enumTypesHere(connection: SqlConnection): Promise<Set<string>> {
  if (connection.engine === 'mysql') return new Set(); // MySQL's enums are column types, not named types
  const rows = await connection.query<{ name: string }>(`SELECT typname AS name FROM pg_type WHERE typnamespace = current_schema()::regnamespace`);
  return new Set(rows.map((r) => r.name));
}

/**
 * Runs each table's statements from the migration its version here is older than
 * (0 for a missing table; kept tables already up to date are not in `firstToRun`);
 * `onTable` after each table created.
 */
async function bringUpToDate(
  connection: SqlConnection,
  set: MigrationSet,
  firstToRun: Map<string, number>,
  onTable: (tablesCreated: number, tablesPending: number) => void | Promise<void>,
) {
  const types = await enumTypesHere(connection);
  const missing = [...firstToRun.values()].filter((first) => first === 0).length;
  const statements = set.migrations.flatMap((m, index) =>
    m.statements.filter((statement) => {
      const table = tableOf(statement);
      if (table) return firstToRun.has(table) && index >= firstToRun.get(table)!;
      const type = createdType(statement);
      return !type || !types.has(type);
    }),
  );
  let created = 0;
  for (const statement of statements) {
    await connection.query(statement);
    if (isCreateTable(statement)) await onTable(++created, missing);
  }
}

interface Verdict {
  /** How many migrations leave the table as it is here; 0 when none does. */
  upTo: number;
  /** What differs from the closest version when none matches. */
  found: string[];
}

/** The latest migration whose version of the table matches it, or else the version it is closest to. */
function judge(connection: SqlConnection, shapes: Map<string, ExpectedColumn[]>[], table: string, actual: ColumnHere[]): Verdict {
  let closest: Verdict | null = null;
  for (let upTo = shapes.length; upTo > 0; upTo--) {
    const expected = shapes[upTo - 1].get(table);
    if (!expected) continue;
    const addedLater = new Set(shapes.slice(upTo).flatMap((shape) => (shape.get(table) ?? []).map((c) => c.name)));
    for (const column of expected) addedLater.delete(column.name);
    const found = differences(connection, expected, actual, addedLater);
    if (found.length === 0) return { upTo, found };
    if (!closest || found.length < closest.found.length) closest = { upTo: 0, found };
  }
  return closest!;
}

/** Which tenant tables to keep and which to create; null when there is nothing to adopt. Reads only. */
async function plan(connection: SqlConnection, set: MigrationSet): Promise<(Adoption & { firstToRun: Map<string, number> }) | null> {
  const status = await migrationStatus(connection, set);
  const ours = new Set(set.migrations.map((m) => m.name));
  // `failed` may name migrations of the customer's own app that share `_prisma_migrations`.
  if (status.applied.length || status.failed.some((name) => ours.has(name))) return null;
  const shapes = columnsAfterEachMigration(set);
  const expected = shapes.at(-1) ?? new Map<string, ExpectedColumn[]>();
  const here = await columnsHere(connection);
  const kept = [...expected.keys()].filter((table) => here.has(table));
  if (kept.length === 0) return null;

  const verdicts = kept.map((table) => ({ table, ...judge(connection, shapes, table, here.get(table)!) }));
  const mismatched = verdicts.filter((t) => t.found.length);
  if (mismatched.length) {
    const list = mismatched.map((t) => `${t.table} (${t.found.join('; ')})`).join(', ');
    // Retrying cannot help until the owner changes the tables.
    throw new ProvisioningError(`tables in your database do not match the tenant schema: ${list}. Fix or rename them, then retry`, false);
  }
  const created = [...expected.keys()].filter((table) => !here.has(table));
  const outdated = verdicts.filter((t) => t.upTo < shapes.length);
  return {
    kept,
    updated: outdated.map((t) => t.table),
    created,
    // A migration index: the first one whose statements for the table still have to run.
    firstToRun: new Map([...created.map((table) => [table, 0] as const), ...outdated.map((t) => [t.table, t.upTo] as const)]),
  };
}

/**
 * Adopts the tenant tables already in the database the connection reaches; null when
 * there is nothing to adopt (no tenant table there yet, or migrations of ours already
 * recorded), and the migrator takes it from there. A mismatch is found before
 * anything is written.
 */
export async function adoptExistingTables(
  connection: SqlConnection,
  set: MigrationSet,
  onTable: (tablesCreated: number, tablesPending: number) => void | Promise<void>,
): Promise<Adoption | null> {
  if (!(await plan(connection, set))) return null;
  return withMigrationLock(connection, async () => {
    // Planned again under the lock: another job may have adopted this database meanwhile.
    const adoption = await plan(connection, set);
    if (!adoption) return null;
    const transactional = migrationEngines[connection.engine].transactionalDdl;
    if (transactional) await connection.query('BEGIN');
    try {
      await bringUpToDate(connection, set, adoption.firstToRun, onTable);
      await recordAsApplied(connection, set);
      if (transactional) await connection.query('COMMIT');
    } catch (error) {
      if (transactional) await connection.query('ROLLBACK').catch(() => {});
      throw error;
    }
    const { kept, updated, created } = adoption;
    return { kept, updated, created };
  });
}
