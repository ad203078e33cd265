// What loading an archive into a tenant's tables will write, worked out (and refused)
// before a row is written. The archive may be older than the tenant's schema: each
// table and column it holds must be one the tenant has (nothing it holds is dropped
// unseen), and each column the tenant has and it lacks must be one the database can
// fill itself (nullable, or with a default), so a newer schema takes an older archive.
// Names come from the tenant model; whether a column may be left out, from the
// database's catalog, which alone knows its defaults (Prisma makes some ids itself).
import type { SqlConnection } from '../db/sqlConnection';
import { tenantModel, type Column, type Model } from '../model/tenantModel';
import { ArchiveInvalid } from './archiveInvalid';
import type { ArchivedTable, ArchiveManifest } from './archiveManifest';
import { loadOrder } from './loadOrder';

export interface TableLoad {
  model: Model;
  archived: ArchivedTable;
  /** The archive's columns, in its order. */
  columns: Column[];
  /** Of `columns`, the foreign keys inserted empty and set after every table is in (loadOrder.ts). */
  deferred: Column[];
}

/** The tables of the archive in the order they load, each checked against the tenant's tables on `sql`. */
export async function planLoad(sql: SqlConnection, manifest: ArchiveManifest): Promise<TableLoad[]> {
  const catalog = await columnsWithoutValue(sql);
  const byTable = new Map(manifest.tables.map((t) => [t.table, t]));
  const models = manifest.tables.map((archived) => {
    const model = tenantModel.models.find((m) => m.table === archived.table);
    if (!model) throw new ArchiveInvalid(`the archive's table ${archived.table} is not a table of this tenant`);
    return model;
  });
  return loadOrder(models).map(({ model, deferred }) => {
    const archived = byTable.get(model.table)!;
    const columns = archived.columns.map((name) => {
      const column = model.columns.find((c) => c.column === name);
      if (!column) throw new ArchiveInvalid(`the archive's column ${model.table}.${name} is not a column of this tenant's ${model.table}`);
      return column;
    });
    const needed = catalog.get(model.table);
    if (!needed) throw new Error(`the tenant has no table ${model.table}: its migrations have not all run`);
    const lacking = [...needed].find((name) => !archived.columns.includes(name));
    if (lacking) throw new ArchiveInvalid(`this tenant's ${model.table}.${lacking} needs a value and the archive has none for it`);
    return { model, archived, columns, deferred: deferred.filter((c) => archived.columns.includes(c.column)) };
  });
}

/** The tables the tenant has now: at an older migration (an archive being restored at its own), not yet all of the model's. */
export const tenantTables = async (sql: SqlConnection): Promise<Set<string>> => new Set((await columnsWithoutValue(sql)).keys());

/** Per table of the tenant's, its columns that may be neither null nor left to a default. */
async function columnsWithoutValue(sql: SqlConnection): Promise<Map<string, Set<string>>> {
  const rows = await sql.query<{ table: string; column: string; needed: boolean | number }>(
    sql.engine === 'postgresql'
      ? `SELECT c.relname AS "table", a.attname AS "column",
                a.attnotnull AND NOT (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS "needed"
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`
      : `SELECT TABLE_NAME AS "table", COLUMN_NAME AS "column",
                IS_NULLABLE = 'NO' AND COLUMN_DEFAULT IS NULL AND EXTRA NOT LIKE '%auto_increment%' AND COALESCE(GENERATION_EXPRESSION, '') = '' AS "needed"
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`,
  );
  const tables = new Map<string, Set<string>>();
  for (const { table, column, needed } of rows) {
    if (!tables.has(table)) tables.set(table, new Set());
    if (Number(needed)) tables.get(table)!.add(column);
  }
  return tables;
}
