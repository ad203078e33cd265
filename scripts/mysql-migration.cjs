// Writes a MySQL migration in Prisma Migrate's style, for the MySQL tenant schema:
// the DDL that takes a database from one datamodel (Prisma's DMMF, from
// `get_datamodel`; null for an empty database) to another. Prisma's schema engine does
// this itself where it runs natively; its WebAssembly build has no MySQL, so this
// renders the same statements from the same datamodel: new and dropped tables,
// added, dropped and changed columns, indexes and foreign keys. Renames are a drop
// and an add, as Prisma writes them without a hand edit.
'use strict';

const q = (name) => `\`${name}\``;
const list = (names) => names.map(q).join(', ');

// Prisma's MySQL column types for fields without a native type attribute.
const DEFAULT_TYPES = {
  String: 'VARCHAR(191)',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE',
  Decimal: 'DECIMAL(65, 30)',
  Boolean: 'BOOLEAN',
  DateTime: 'DATETIME(3)',
  Json: 'JSON',
  Bytes: 'LONGBLOB',
};
// Native type attributes whose SQL is not just their name in capitals.
const NATIVE_NAMES = { Int: 'INTEGER', UnsignedInt: 'INTEGER UNSIGNED', UnsignedBigInt: 'BIGINT UNSIGNED', UnsignedSmallInt: 'SMALLINT UNSIGNED', UnsignedTinyInt: 'TINYINT UNSIGNED', UnsignedMediumInt: 'MEDIUMINT UNSIGNED' };
// MySQL takes defaults on these types only as expressions, in parentheses.
const EXPRESSION_DEFAULT = /^(JSON|TINYTEXT|TEXT|MEDIUMTEXT|LONGTEXT|TINYBLOB|BLOB|MEDIUMBLOB|LONGBLOB)$/;
const ACTIONS = { Cascade: 'CASCADE', Restrict: 'RESTRICT', NoAction: 'NO ACTION', SetNull: 'SET NULL', SetDefault: 'SET DEFAULT' };

const literal = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

function columnType(field, enums) {
  if (field.kind === 'enum') return `ENUM(${enums.get(field.type).values.map((v) => literal(v.dbName ?? v.name)).join(', ')})`;
  if (!field.nativeType) return DEFAULT_TYPES[field.type];
  const [name, args] = field.nativeType;
  return `${NATIVE_NAMES[name] ?? name.toUpperCase()}${args.length ? `(${args.join(', ')})` : ''}`;
}

function defaultClause(field, type) {
  const value = field.default;
  if (value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (value.name === 'now') return ` DEFAULT CURRENT_TIMESTAMP${/\((\d)\)$/.exec(type)?.[0] ?? ''}`;
    if (value.name === 'autoincrement') return ' AUTO_INCREMENT';
    if (value.name === 'dbgenerated') return ` DEFAULT (${value.args[0]})`;
    return ''; // uuid(), cuid(), nanoid(), ...: Prisma Client fills them in
  }
  const sql = typeof value === 'string' ? literal(value) : String(value);
  return EXPRESSION_DEFAULT.test(type) ? ` DEFAULT (${sql})` : ` DEFAULT ${sql}`;
}

/** The tables a datamodel describes, each with its columns (as SQL), keys, indexes and foreign keys. */
function tablesOf(datamodel) {
  const tables = new Map();
  if (!datamodel) return tables;
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableName = (model) => model.dbName ?? model.name;
  const columnName = (model, name) => {
    const field = model.fields.find((f) => f.name === name);
    return field.dbName ?? field.name;
  };
  for (const model of datamodel.models) {
    const columns = new Map();
    for (const field of model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum')) {
      const type = columnType(field, enums);
      const name = field.dbName ?? field.name;
      columns.set(name, `${q(name)} ${type} ${field.isRequired ? 'NOT NULL' : 'NULL'}${defaultClause(field, type)}`);
    }
    const foreignKeys = new Map();
    for (const field of model.fields.filter((f) => f.kind === 'object' && f.relationFromFields?.length)) {
      const from = field.relationFromFields.map((name) => columnName(model, name));
      const target = models.get(field.type);
      // Prisma's defaults: an optional relation is cut (SET NULL), a required one protects (RESTRICT).
      const optional = field.relationFromFields.some((name) => !model.fields.find((f) => f.name === name).isRequired);
      const onDelete = ACTIONS[field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')];
      const onUpdate = ACTIONS[field.relationOnUpdate ?? 'Cascade'];
      const name = `${tableName(model)}_${from.join('_')}_fkey`;
      foreignKeys.set(name, `CONSTRAINT ${q(name)} FOREIGN KEY (${list(from)}) REFERENCES ${q(tableName(target))}(${list(field.relationToFields.map((n) => columnName(target, n)))}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`);
    }
    tables.set(tableName(model), { name: tableName(model), columns, primaryKey: null, indexes: new Map(), foreignKeys });
  }
  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    const table = tables.get(tableName(model));
    const parts = index.fields.map((f) => `${q(columnName(model, f.name))}${f.length ? `(${f.length})` : ''}${f.sortOrder === 'desc' ? ' DESC' : ''}`);
    if (index.type === 'id') {
      table.primaryKey = parts.join(', ');
      continue;
    }
    const columns = index.fields.map((f) => columnName(model, f.name));
    const kind = { unique: ['UNIQUE INDEX', 'key'], normal: ['INDEX', 'idx'], fulltext: ['FULLTEXT INDEX', 'idx'] }[index.type];
    const name = index.dbName ?? `${table.name}_${columns.join('_')}_${kind[1]}`;
    table.indexes.set(name, { kind: kind[0], columns: `(${parts.join(', ')})` });
  }
  return tables;
}

const section = (title, statements) => statements.map((s) => `-- ${title}\n${s};\n`);

function createTable(table) {
  const body = [...table.columns.values()].map((c) => `    ${c},`);
  const keys = [...table.indexes].map(([name, index]) => `    ${index.kind} ${q(name)}${index.columns},`);
  if (table.primaryKey) keys.push(`    PRIMARY KEY (${table.primaryKey}),`);
  const lines = [...body, ...(keys.length ? ['', ...keys] : [])];
  lines[lines.length - 1] = lines[lines.length - 1].replace(/,$/, '');
  return `CREATE TABLE ${q(table.name)} (\n${lines.join('\n')}\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;
}

/** Changes to one table that exists in both: `ALTER TABLE` clauses, in the order MySQL can apply them. */
function alterClauses(before, after) {
  const clauses = [];
  if (before.primaryKey && before.primaryKey !== after.primaryKey) clauses.push('DROP PRIMARY KEY');
  for (const name of before.columns.keys()) if (!after.columns.has(name)) clauses.push(`DROP COLUMN ${q(name)}`);
  for (const [name, sql] of after.columns) if (!before.columns.has(name)) clauses.push(`ADD COLUMN ${sql}`);
  for (const [name, sql] of after.columns) if (before.columns.has(name) && before.columns.get(name) !== sql) clauses.push(`MODIFY ${sql}`);
  if (after.primaryKey && before.primaryKey !== after.primaryKey) clauses.push(`ADD PRIMARY KEY (${after.primaryKey})`);
  return clauses;
}

const sameIndex = (a, b) => a && b && a.kind === b.kind && a.columns === b.columns;

/** The migration script from `from` (null: an empty database) to `to`; '' when nothing changes. */
function mysqlMigrationSql(from, to) {
  const before = tablesOf(from);
  const after = tablesOf(to);
  const kept = [...after.values()].filter((t) => before.has(t.name));
  const created = [...after.values()].filter((t) => !before.has(t.name));
  const dropped = [...before.values()].filter((t) => !after.has(t.name));

  const dropForeignKeys = [...before.values()].flatMap((t) =>
    [...t.foreignKeys].filter(([name, sql]) => after.get(t.name)?.foreignKeys.get(name) !== sql).map(([name]) => `ALTER TABLE ${q(t.name)} DROP FOREIGN KEY ${q(name)}`),
  );
  const dropIndexes = kept.flatMap((t) =>
    [...before.get(t.name).indexes].filter(([name, index]) => !sameIndex(index, t.indexes.get(name))).map(([name]) => `DROP INDEX ${q(name)} ON ${q(t.name)}`),
  );
  const alters = kept
    .map((t) => [t.name, alterClauses(before.get(t.name), t)])
    .filter(([, clauses]) => clauses.length)
    .map(([name, clauses]) => `ALTER TABLE ${q(name)} ${clauses.join(',\n    ')}`);
  const createIndexes = kept.flatMap((t) =>
    [...t.indexes]
      .filter(([name, index]) => !sameIndex(before.get(t.name).indexes.get(name), index))
      .map(([name, index]) => `CREATE ${index.kind} ${q(name)} ON ${q(t.name)}${index.columns}`),
  );
  const addForeignKeys = [...after.values()].flatMap((t) =>
    [...t.foreignKeys].filter(([name, sql]) => before.get(t.name)?.foreignKeys.get(name) !== sql).map(([, sql]) => `ALTER TABLE ${q(t.name)} ADD ${sql}`),
  );

  return [
    ...section('DropForeignKey', dropForeignKeys),
    ...section('DropIndex', dropIndexes),
    ...section('AlterTable', alters),
    ...section('DropTable', dropped.map((t) => `DROP TABLE ${q(t.name)}`)),
    ...section('CreateTable', created.map(createTable)),
    ...section('CreateIndex', createIndexes),
    ...section('AddForeignKey', addForeignKeys),
  ].join('\n');
}

module.exports = { mysqlMigrationSql };
