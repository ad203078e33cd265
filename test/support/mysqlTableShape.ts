// The tables of a MySQL database as information_schema describes them (columns with
// types and nullability, indexes, foreign keys), and the same shape as a Prisma
// datamodel says it should be. Two independent readings of one schema: a migration
// is right when applying it makes them equal.
import type { Datamodel } from '../../scripts/datamodel.cjs';
import type { SqlConnection } from '../../src/db/sqlConnection';

export interface TableShape {
  columns: string[];
  indexes: string[];
  foreignKeys: string[];
}

// Prisma's MySQL column types for fields without a native type, as information_schema spells them.
const COLUMN_TYPES: Record<string, string> = {
  String: 'varchar(191)',
  Int: 'int',
  BigInt: 'bigint',
  Float: 'double',
  Decimal: 'decimal(65,30)',
  Boolean: 'tinyint(1)',
  DateTime: 'datetime(3)',
  Json: 'json',
};
const RULES: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };

export function expectedShape(datamodel: Datamodel): Record<string, TableShape> {
  const shape: Record<string, TableShape> = {};
  const enums = new Map(datamodel.enums.map((e) => [e.name, e.values.map((v) => `'${v.name}'`).join(',')]));
  for (const model of datamodel.models) {
    const columns = model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => {
        const type =
          f.kind === 'enum'
            ? `enum(${enums.get(f.type)})`
            : f.nativeType
              ? `${f.nativeType[0].toLowerCase()}${f.nativeType[1].length ? `(${f.nativeType[1].join(',')})` : ''}`
              : COLUMN_TYPES[f.type];
        return `${f.name} ${type} ${f.isRequired ? 'NOT NULL' : 'NULL'}`;
      });
    const foreignKeys = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
      .map((f) => {
        const optional = f.relationFromFields!.some((name) => !model.fields.find((c) => c.name === name)!.isRequired);
        const onDelete = RULES[f.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')];
        return `${model.name}_${f.relationFromFields!.join('_')}_fkey (${f.relationFromFields!.join(',')}) -> ${f.type}(${f.relationToFields!.join(',')}) ON DELETE ${onDelete} ON UPDATE CASCADE`;
      });
    const indexes = datamodel.indexes
      .filter((i) => i.model === model.name)
      .map((i) => {
        const columns = i.fields.map((f) => f.name);
        const name = i.type === 'id' ? 'PRIMARY' : `${model.name}_${columns.join('_')}_${i.type === 'unique' ? 'key' : 'idx'}`;
        return `${i.type === 'normal' ? '' : 'UNIQUE '}${name} (${columns.join(',')})`;
      });
    shape[model.name] = { columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  }
  return shape;
}

/** The shape of the tables in the connection's database, leaving out `_prisma_migrations`. */
export async function actualShape(sql: SqlConnection): Promise<Record<string, TableShape>> {
  const here = 'table_schema = DATABASE()';
  // MariaDB stores JSON as LONGTEXT checked by json_valid(): that pair is its JSON type.
  const jsonChecks = await sql.query<{ t: string; c: string }>(
    `SELECT table_name AS t, constraint_name AS c FROM information_schema.check_constraints WHERE constraint_schema = DATABASE() AND check_clause LIKE 'json_valid(%'`,
  );
  const json = new Set(jsonChecks.map((r) => `${r.t}.${r.c}`));
  const columns = await sql.query<{ t: string; c: string; type: string; nullable: string }>(
    `SELECT table_name AS t, column_name AS c, column_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE ${here}`,
  );
  const indexes = await sql.query<{ t: string; name: string; nonUnique: number; cols: string }>(
    `SELECT table_name AS t, index_name AS name, MAX(non_unique) AS nonUnique, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS cols
       FROM information_schema.statistics WHERE ${here} GROUP BY table_name, index_name`,
  );
  const foreignKeys = await sql.query<{ t: string; name: string; cols: string; ref: string; refCols: string; onDelete: string; onUpdate: string }>(
    `SELECT k.table_name AS t, k.constraint_name AS name, GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position) AS cols,
            MAX(k.referenced_table_name) AS ref, GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position) AS refCols,
            MAX(r.delete_rule) AS onDelete, MAX(r.update_rule) AS onUpdate
       FROM information_schema.key_column_usage k
       JOIN information_schema.referential_constraints r ON r.constraint_schema = k.table_schema AND r.constraint_name = k.constraint_name
      WHERE k.${here} GROUP BY k.table_name, k.constraint_name`,
  );
  const shape: Record<string, TableShape> = {};
  const table = (t: string) => (shape[t] ??= { columns: [], indexes: [], foreignKeys: [] });
  for (const c of columns) {
    // MariaDB and MySQL before 8.0.19 show an integer's display width: int(11) is int.
    const type = json.has(`${c.t}.${c.c}`) ? 'json' : c.type.replace(/^int\(\d+\)/, 'int');
    table(c.t).columns.push(`${c.c} ${type} ${c.nullable === 'YES' ? 'NULL' : 'NOT NULL'}`);
  }
  const foreignKeyNames = new Set(foreignKeys.map((f) => `${f.t}.${f.name}`));
  for (const i of indexes) {
    // MySQL adds an index, named after the constraint, for a foreign key that no index covers.
    if (foreignKeyNames.has(`${i.t}.${i.name}`)) continue;
    table(i.t).indexes.push(`${Number(i.nonUnique) ? '' : 'UNIQUE '}${i.name} (${i.cols})`);
  }
  for (const f of foreignKeys) table(f.t).foreignKeys.push(`${f.name} (${f.cols}) -> ${f.ref}(${f.refCols}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`);
  delete shape._prisma_migrations;
  for (const t of Object.values(shape)) for (const list of Object.values(t)) list.sort();
  return shape;
}
