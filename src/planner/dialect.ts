// The SQL a plan is written in, per engine. A plan is made of correlated scalar
// subqueries that build JSON (an object per row, an array per to-many relation),
// which PostgreSQL and MySQL 8 / MariaDB both run; only the spelling differs.
//
// Values a client sends are always bound parameters; identifiers come from the
// tenant model and pass `identifier` (a narrow alphabet) before they are quoted.

/** How a column's value is written into the row's JSON, chosen by its GraphQL type. */
export type ValueKind = 'plain' | 'decimal' | 'dateTime' | 'date' | 'boolean' | 'json';

export interface Dialect {
  readonly name: 'postgresql' | 'mysql';
  /** `"name"` or `` `name` ``. */
  quote(name: string): string;
  /** The n-th (1-based) bound parameter. */
  param(n: number): string;
  /** A JSON object of key/expression pairs; keys are field names from the schema. */
  object(pairs: ReadonlyArray<readonly [key: string, expression: string]>): string;
  /** A JSON array of `element` over the rows of `from`, in `orderBy` order; empty (never null) without rows. */
  array(element: string, from: string, orderBy: string): string;
  /** A column as the resolver path answers it: exact decimals as strings, times as ISO 8601 in UTC. */
  value(kind: ValueKind, column: string): string;
  /** A case-insensitive "contains" (the resolver path's `contains` with `mode: insensitive`: no escaping of % and _). */
  contains(column: string, param: string): string;
  /** A JSON array column that has the string `param` among its elements. */
  holds(column: string, param: string): string;
  /** count(*) as a JavaScript number. */
  count(): string;
  /** `LIMIT <n>`. */
  limit(count: string): string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier in the tenant model: ${JSON.stringify(name)}`);
  return name;
}

// Keys are field names (identifiers already), so they need no escaping inside a string literal.
const key = (name: string) => `'${identifier(name)}'`;

export const postgresql: Dialect = {
  name: 'postgresql',
  quote: (name) => `"${identifier(name)}"`,
  param: (n) => `$${n}`,
  object: (pairs) => `json_build_object(${pairs.map(([k, e]) => `${key(k)}, ${e}`).join(', ')})`,
  array: (element, from, orderBy) => `(SELECT coalesce(json_agg(${element} ORDER BY ${orderBy}), '[]'::json) FROM ${from})`,
  value(kind, column) {
    switch (kind) {
      case 'decimal':
        // trim_scale: 12.50 -> "12.5", as Prisma's Decimal prints it.
        return `trim_scale(${column})::text`;
      case 'dateTime':
        // Prisma keeps DateTime as timestamp(3) in UTC.
        return `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      case 'date':
        return `to_char(${column}, 'YYYY-MM-DD')`;
      case 'boolean':
      case 'json':
      case 'plain':
        return column;
    }
  },
  contains: (column, param) => `${column} ILIKE ('%' || ${param} || '%')`,
  holds: (column, param) => `${column} @> jsonb_build_array(${param}::text)`,
  count: () => 'count(*)::int',
  limit: (count) => `LIMIT ${count}`,
};

/**
 * MariaDB 10.6+ (tested) and MySQL 8. A list is GROUP_CONCAT of its elements, which
 * takes ORDER BY on both (MySQL 8's JSON_ARRAYAGG does not), read back as JSON;
 * mysqlConnect.ts lifts group_concat_max_len so no list is cut short. A list larger
 * than max_allowed_packet comes back NULL (never as an empty list), and fails the answer.
 */
export const mysql: Dialect = {
  name: 'mysql',
  quote: (name) => `\`${identifier(name)}\``,
  param: () => '?',
  object: (pairs) => `JSON_OBJECT(${pairs.map(([k, e]) => `${key(k)}, ${e}`).join(', ')})`,
  array: (element, from, orderBy) =>
    `(SELECT IF(COUNT(*) = 0, JSON_ARRAY(), JSON_EXTRACT(CONCAT('[', GROUP_CONCAT(${element} ORDER BY ${orderBy} SEPARATOR ','), ']'), '$')) FROM ${from})`,
  value(kind, column) {
    switch (kind) {
      case 'decimal': {
        // DECIMAL prints its full scale ("12.50"); trailing zeros go, as Prisma's Decimal prints it ("12.5").
        const text = `CAST(${column} AS CHAR)`;
        return `IF(LOCATE('.', ${text}) > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM ${text})), ${text})`;
      }
      case 'dateTime':
        // DATETIME(3) in UTC; %f prints microseconds, of which milliseconds are kept.
        return `CONCAT(LEFT(DATE_FORMAT(${column}, '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')`;
      case 'date':
        return `DATE_FORMAT(${column}, '%Y-%m-%d')`;
      case 'boolean':
        // TINYINT(1) would come out as 0 or 1.
        return `JSON_EXTRACT(IF(${column}, 'true', 'false'), '$')`;
      case 'json':
        // A JSON column is text to JSON_OBJECT, which would quote it as a string.
        return `JSON_EXTRACT(${column}, '$')`;
      case 'plain':
        return column;
    }
  },
  // The default collations compare without regard to case.
  contains: (column, param) => `${column} LIKE CONCAT('%', ${param}, '%')`,
  holds: (column, param) => `JSON_CONTAINS(${column}, JSON_ARRAY(${param}))`,
  count: () => 'CAST(COUNT(*) AS SIGNED)',
  limit: (count) => `LIMIT ${count}`,
};
