// The SQL a plan is written in, per engine. Rows come back as flat lists of values
// (text on PostgreSQL, strings and numbers on MySQL) and a nested list as one value
// holding its rows' lists: a text array on PostgreSQL (`array(select array[...])`,
// measured cheaper for the server than building JSON), a JSON array on MySQL, which
// has no arrays. Values are shaped into the answer in JavaScript (shape.ts), which
// costs the database less than building objects.
//
// Values a client sends are always bound; identifiers come from the tenant model and
// pass `identifier` (a narrow alphabet) before they are quoted.
import { badInput } from '../errors';
import { tenantModel, type Column, type Direction, type Scalar } from '../model/tenantModel';
import type { AggregateKind } from './plan';
import { parse as parseArray } from 'postgres-array';
import { Value, join, value, type Sql } from './sql';

/** A to-many relation's rows as one value, from its table with joins, filtered, ordered and maybe limited. */
export interface ListParts {
  /** One row's values. */
  values: readonly Sql[];
  /** `"<schema>"."Invoice"`. */
  table: string;
  alias: string;
  joins: Sql;
  where: Sql;
  order: string;
  limit?: number;
}

/** Groups of a table's rows as one value, each group its keys and aggregates. */
export interface GroupedParts {
  values: readonly Sql[];
  table: string;
  alias: string;
  where: Sql;
  groupings: string[];
  limit: number;
  nested: boolean;
}

export interface Dialect {
  readonly name: 'postgresql' | 'mysql';
  quote(name: string): string;
  /** The n-th (1-based) bound value. */
  placeholder(n: number): string;
  /** A column as the statement returns it: text on PostgreSQL (an array's elements are), decimals and JSON as text on MySQL. */
  output(scalar: Scalar, expression: string): string;
  /** Values (as `output` writes them) as one value. */
  tuple(values: readonly Sql[]): Sql;
  list(parts: ListParts): Sql;
  /** A `tuple` value back as its values. */
  parseTuple(value: unknown): unknown[];
  /** A `list` or `groupedList` value back as its rows' values. */
  parseList(value: unknown): unknown[][];
  count(): string;
  aggregate(kind: AggregateKind, scalar: Scalar, expression: string): string;
  /** What rows are grouped by: a column, or a date-time truncated to its UTC day or month. */
  grouping(expression: string, truncateTo?: 'day' | 'month'): string;
  /** A grouping's value as the text of a group's key ("2026-03-21", "2026-03" when truncated). */
  groupKey(grouping: string, truncateTo?: 'day' | 'month'): string;
  /** Groups as one value, in the order of their groupings; `nested` when correlated with an outer row. */
  groupedList(parts: GroupedParts): Sql;
  /** The column's value is (or, negated, is not) one of `values` (never empty). */
  oneOf(expression: string, values: readonly Sql[], negated: boolean): Sql;
  /** A JSON array column that holds the string `text`. */
  holds(expression: string, text: Sql): Sql;
  /** Case-insensitive LIKE (backslash escapes). */
  like(expression: string, pattern: Sql): Sql;
  /** An ORDER BY term; nulls sort as if larger than any value (last ascending, first descending) on both engines. */
  orderTerm(expression: string, direction: Direction, nullable: boolean): string;
  /** A bound value compared with a column of this scalar. */
  compared(scalar: Scalar, placeholder: Sql): Sql;
  /** A cursor's value compared with a column of the list's order, so that it compares as the column sorts. */
  sortValue(column: Column, placeholder: Sql): Sql;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier in the tenant model: ${JSON.stringify(name)}`);
  return name;
}

const whereClause = (where: Sql): Sql => (where === '' ? '' : [' WHERE ', where]);

/** MySQL's nested values: JSON text at the top of a row, already parsed inside a list. */
const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

export const postgresql: Dialect = {
  name: 'postgresql',
  quote: (name) => `"${identifier(name)}"`,
  placeholder: (n) => `$${n}`,
  output: (scalar, expression) => (scalar === 'String' ? expression : `${expression}::text`),
  tuple: (values) => ['array[', join(values, ', '), ']::text'],
  list: ({ values, table, alias, joins, where, order, limit }) => [
    'array(SELECT array[',
    join(values, ', '),
    `] FROM ${table} ${alias}`,
    joins,
    whereClause(where),
    ` ORDER BY ${order}${limit === undefined ? '' : ` LIMIT ${limit}`})::text`,
  ],
  parseTuple: (value) => parseArray(value as string),
  parseList: (value) => parseArray(value as string) as unknown as unknown[][],
  count: () => 'count(*)::text',
  aggregate(kind, scalar, expression) {
    switch (kind) {
      case 'sum':
        return `sum(${expression})::text`;
      case 'avg':
        return `round(avg(${expression})::numeric, 6)::text`;
      default:
        return this.output(scalar, `${kind}(${expression})`);
    }
  },
  grouping: (expression, truncateTo) => (truncateTo ? `date_trunc('${truncateTo}', ${expression})` : expression),
  groupKey(grouping, truncateTo) {
    if (truncateTo === 'day') return `to_char(${grouping}, 'YYYY-MM-DD')`;
    if (truncateTo === 'month') return `to_char(${grouping}, 'YYYY-MM')`;
    return `${grouping}::text`;
  },
  groupedList: ({ values, table, alias, where, groupings, limit }) => [
    'array(SELECT array[',
    join(values, ', '),
    `] FROM ${table} ${alias}`,
    whereClause(where),
    ` GROUP BY ${groupings.join(', ')} ORDER BY ${groupings.join(', ')} LIMIT ${limit})::text`,
  ],
  // One array value, whatever the list's length: a statement's text (and its prepared
  // plan) does not change with how many values a client lists.
  oneOf: (expression, values, negated) => [`${expression} ${negated ? '<> ALL' : '= ANY'}(`, arrayOf(values), ')'],
  holds: (expression, text) => [`${expression} @> jsonb_build_array(`, text, '::text)'],
  like: (expression, pattern) => [`${expression} ILIKE `, pattern],
  orderTerm: (expression, direction) => `${expression} ${direction === 'asc' ? 'ASC' : 'DESC'}`,
  compared: (_scalar, placeholder) => placeholder,
  sortValue: (_column, placeholder) => placeholder,
};

/**
 * MariaDB 10.6+ (tested here). A list is GROUP_CONCAT of its rows' JSON arrays, which
 * takes ORDER BY and LIMIT (MySQL 8's JSON_ARRAYAGG takes neither; its GROUP_CONCAT no
 * LIMIT), read back as JSON; mysqlConnect.ts lifts group_concat_max_len so no list is
 * cut short. A list larger than max_allowed_packet comes back NULL (never as an empty
 * list, which is told apart by its count), and fails the answer.
 */
export const mysql: Dialect = {
  name: 'mysql',
  quote: (name) => `\`${identifier(name)}\``,
  placeholder: () => '?',
  output(scalar, expression) {
    return scalar === 'Decimal' || scalar === 'Json' ? `CAST(${expression} AS CHAR)` : expression;
  },
  tuple: (values) => ['JSON_ARRAY(', join(values, ', '), ')'],
  list: ({ values, table, alias, joins, where, order, limit }) => [
    "(SELECT IF(COUNT(*) = 0, JSON_ARRAY(), JSON_EXTRACT(CONCAT('[', GROUP_CONCAT(JSON_ARRAY(",
    join(values, ', '),
    `) ORDER BY ${order} SEPARATOR ','${limit === undefined ? '' : ` LIMIT ${limit}`}), ']'), '$')) FROM ${table} ${alias}`,
    joins,
    whereClause(where),
    ')',
  ],
  parseTuple: (value) => parseJson(value) as unknown[],
  parseList(value) {
    // Past max_allowed_packet GROUP_CONCAT gives NULL, never an empty list (that is told apart by its count).
    if (value === null) throw new Error('a list of this answer is larger than the MySQL server sends at once (max_allowed_packet)');
    return parseJson(value) as unknown[][];
  },
  count: () => 'COUNT(*)',
  aggregate(kind, scalar, expression) {
    switch (kind) {
      case 'sum':
        return `CAST(SUM(${expression}) AS CHAR)`;
      case 'avg':
        return `CAST(ROUND(AVG(${expression}), 6) AS CHAR)`;
      default:
        return this.output(scalar, `${kind.toUpperCase()}(${expression})`);
    }
  },
  grouping(expression, truncateTo) {
    if (truncateTo === 'day') return `DATE(${expression})`;
    if (truncateTo === 'month') return `DATE_FORMAT(${expression}, '%Y-%m')`;
    return expression;
  },
  groupKey(grouping, truncateTo) {
    return truncateTo === 'day' ? `DATE_FORMAT(${grouping}, '%Y-%m-%d')` : `CAST(${grouping} AS CHAR)`;
  },
  groupedList({ values, table, alias, where, groupings, limit, nested }) {
    // MariaDB has no LATERAL: a derived table cannot see the outer row.
    if (nested) throw badInput('groupedAggregates of a nested list is not available on MySQL tenants; ask for it on the root list');
    const keys = groupings.map((g, i) => `, ${g} AS k${i}`).join('');
    // The group without a value last, as PostgreSQL puts it.
    const ascending = (expressions: string[]) => expressions.map((e) => this.orderTerm(e, 'asc', true)).join(', ');
    return [
      `(SELECT IF(COUNT(*) = 0, JSON_ARRAY(), JSON_EXTRACT(CONCAT('[', GROUP_CONCAT(s.g ORDER BY ${ascending(groupings.map((_, i) => `s.k${i}`))} SEPARATOR ','), ']'), '$')) FROM (SELECT JSON_ARRAY(`,
      join(values, ', '),
      `) AS g${keys} FROM ${table} ${alias}`,
      whereClause(where),
      ` GROUP BY ${groupings.join(', ')} ORDER BY ${ascending(groupings)} LIMIT ${limit}) s)`,
    ];
  },
  oneOf: (expression, values, negated) => [`${expression} ${negated ? 'NOT IN' : 'IN'} (`, join(values, ', '), ')'],
  holds: (expression, text) => [`JSON_CONTAINS(${expression}, JSON_ARRAY(`, text, '))'],
  // The tenant tables' collations compare without regard to case.
  like: (expression, pattern) => [`${expression} LIKE `, pattern],
  // MySQL sorts nulls first ascending: put them last, as PostgreSQL does.
  orderTerm: (expression, direction, nullable) =>
    direction === 'asc' ? `${nullable ? `${expression} IS NULL, ` : ''}${expression} ASC` : `${nullable ? `${expression} IS NULL DESC, ` : ''}${expression} DESC`,
  // A DECIMAL compared with a string is compared as a double: keep it exact.
  compared: (scalar, placeholder) => (scalar === 'Decimal' ? ['CAST(', placeholder, ' AS DECIMAL(65, 30))'] : placeholder),
  // An ENUM sorts by its declaration but compares with text as text: compare its position instead.
  sortValue(column, placeholder) {
    if (column.scalar !== 'Enum') return this.compared(column.scalar, placeholder);
    const values = tenantModel.enums.find((e) => e.name === column.enum)!.values;
    return ['FIELD(', placeholder, ...values.map((v) => `, '${identifier(v)}'`), ')'];
  },
};

/** The bound values of `values` as one bound array (each is a bound value, maybe wrapped by `compared`, which PostgreSQL does not need). */
function arrayOf(values: readonly Sql[]): Sql {
  const unwrap = (v: Sql): unknown => (v instanceof Value ? v.value : Array.isArray(v) ? unwrap(v.find((part) => part instanceof Value || Array.isArray(part)) as Sql) : v);
  return value(values.map(unwrap));
}
