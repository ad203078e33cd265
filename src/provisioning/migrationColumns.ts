// The columns each tenant table has after each migration of a set, read from the
// migration SQL itself. It is Prisma Migrate's regular format on both engines (one
// column per line in CREATE TABLE, `ADD COLUMN` / `DROP COLUMN` clauses in ALTER
// TABLE, and on MySQL `MODIFY` with the column's whole new definition), so reading it
// needs no database: a customer's database can be judged without creating anything
// in it, and on MySQL no scratch database (which a customer's user usually may not
// create) is needed. A migration that changes a
// column some other way is refused loudly here, so adoption never judges against
// a shape that is out of date.
import type { MigrationSet } from '../db/migrations';

/** What a column holds, coarsely (text, integer, decimal, datetime, json, enum, ...): one family on both engines and across spellings (TEXT, VARCHAR(191)). */
export type TypeFamily = string;

export interface ExpectedColumn {
  name: string;
  family: TypeFamily;
  nullable: boolean;
}

const FAMILIES: Record<string, TypeFamily> = {
  text: 'text',
  varchar: 'text',
  'character varying': 'text',
  char: 'text',
  character: 'text',
  tinytext: 'text',
  mediumtext: 'text',
  longtext: 'text',
  citext: 'text',
  uuid: 'uuid',
  smallint: 'integer',
  int: 'integer',
  int4: 'integer',
  int8: 'integer',
  integer: 'integer',
  mediumint: 'integer',
  bigint: 'integer',
  serial: 'integer',
  bigserial: 'integer',
  decimal: 'decimal',
  numeric: 'decimal',
  real: 'float',
  float: 'float',
  double: 'float',
  'double precision': 'float',
  // MySQL's BOOLEAN is TINYINT(1).
  boolean: 'boolean',
  bool: 'boolean',
  tinyint: 'boolean',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  'timestamp without time zone': 'datetime',
  'timestamp with time zone': 'datetime',
  datetime: 'datetime',
  date: 'date',
  json: 'json',
  jsonb: 'json',
  enum: 'enum',
  bytea: 'bytes',
  blob: 'bytes',
  longblob: 'bytes',
};

/** The family of a type as DDL or information_schema spells it; an unknown type is a family of its own. */
export function typeFamily(type: string): TypeFamily {
  const base = type
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .trim();
  return FAMILIES[base] ?? base;
}

const quoted = '["`]([^"`]+)["`]';
const CREATE_TABLE = new RegExp(`^CREATE TABLE\\s+${quoted}\\s*\\(([\\s\\S]*)\\)[^)]*$`, 'i');
const ALTER_TABLE = new RegExp(`^ALTER TABLE\\s+${quoted}\\s+([\\s\\S]*)$`, 'i');
const DROP_TABLE = new RegExp(`^DROP TABLE\\s+(?:IF EXISTS\\s+)?${quoted}`, 'i');
const COLUMN = new RegExp(`^${quoted}\\s+([\\s\\S]+)$`);
// Clauses of ALTER TABLE that change a column in place, other than MySQL's MODIFY: not read here (see the top).
const CHANGES_COLUMN = /^(ALTER COLUMN|CHANGE|RENAME COLUMN)\b/i;

/** A column definition as Prisma writes it: `"name" TYPE [NOT NULL | NULL] [DEFAULT ...]`. */
function columnOf(definition: string): ExpectedColumn | null {
  const match = COLUMN.exec(definition.trim());
  if (!match) return null; // a constraint or an index, not a column
  const [, name, rest] = match;
  // A quoted type is a PostgreSQL enum type of the schema's own.
  const type = /^[A-Za-z]+(?: PRECISION| VARYING)?(?:\([^)]*\))?(\[\])?/.exec(rest);
  const family = rest.startsWith('"') ? 'enum' : type![1] ? 'array' : typeFamily(type![0]);
  const beforeDefault = rest.split(/\sDEFAULT\s/i)[0];
  return { name, family, nullable: !/\bNOT NULL\b/i.test(beforeDefault) };
}

// Lines of a CREATE TABLE body, clauses of an ALTER TABLE: Prisma ends each with a comma and a newline.
const clauses = (body: string) => body.split(/,\s*\n/).map((c) => c.trim()).filter(Boolean);

const withoutComments = (statement: string) => statement.replace(/^(\s*--[^\n]*\n)+/, '').trim();

/** The tables, with their columns, as each migration leaves them: element i is the shape after migrations 0..i. */
export function columnsAfterEachMigration(set: MigrationSet): Map<string, ExpectedColumn[]>[] {
  const tables = new Map<string, ExpectedColumn[]>();
  const shapes: Map<string, ExpectedColumn[]>[] = [];
  for (const migration of set.migrations) {
    for (const statement of migration.statements.map(withoutComments)) {
      const created = CREATE_TABLE.exec(statement);
      if (created) {
        tables.set(created[1], clauses(created[2]).map(columnOf).filter((c): c is ExpectedColumn => c !== null));
        continue;
      }
      const dropped = DROP_TABLE.exec(statement);
      if (dropped) tables.delete(dropped[1]);
      const altered = ALTER_TABLE.exec(statement);
      if (!altered || !tables.has(altered[1])) continue;
      let columns = tables.get(altered[1])!;
      for (const clause of clauses(altered[2])) {
        if (CHANGES_COLUMN.test(clause)) {
          throw new Error(`${migration.name}: "${clause.slice(0, 60)}" changes a column in a way migrationColumns.ts does not read yet`);
        }
        const added = /^ADD COLUMN\s+([\s\S]+)$/i.exec(clause);
        if (added) columns = [...columns, columnOf(added[1])!];
        const modified = /^MODIFY\s+(?:COLUMN\s+)?([\s\S]+)$/i.exec(clause);
        if (modified) {
          const column = columnOf(modified[1])!;
          columns = columns.map((c) => (c.name === column.name ? column : c));
        }
        const removed = new RegExp(`^DROP COLUMN\\s+${quoted}`, 'i').exec(clause);
        if (removed) columns = columns.filter((c) => c.name !== removed[1]);
      }
      // A new array, so the shapes of earlier migrations stay as they were.
      tables.set(altered[1], columns);
    }
    shapes.push(new Map(tables));
  }
  return shapes;
}

/** The table a statement works on (CREATE/ALTER/DROP TABLE, CREATE INDEX ... ON); null for one on no table (CREATE TYPE). */
export function tableOf(statement: string): string | null {
  const text = withoutComments(statement);
  const match = new RegExp(`^(?:(?:CREATE|ALTER|DROP) TABLE(?:\\s+IF (?:NOT )?EXISTS)?|CREATE (?:UNIQUE )?INDEX\\s+\\S+\\s+ON)\\s+${quoted}`, 'i').exec(text);
  return match?.[1] ?? null;
}

/** The PostgreSQL enum type a `CREATE TYPE "X" AS ENUM` statement makes, if it is one. */
export function createdType(statement: string): string | null {
  return new RegExp(`^CREATE TYPE\\s+${quoted}`, 'i').exec(withoutComments(statement))?.[1] ?? null;
}
