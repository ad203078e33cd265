// The SQL a plan is written in, per engine. A plan is made of correlated scalar
// subqueries that build JSON (an object per row, an array per to-many relation),
// which PostgreSQL and MySQL 8 / MariaDB both run; only the spelling differs.
//
// Values a client sends are always bound parameters; identifiers come from the
// tenant model and pass `identifier` (a narrow alphabet) before they are quoted.

/** How a column's value is written into the row's JSON, chosen by its GraphQL type. */
export type ValueKind = 'plain' | 'decimal' | 'dateTime' | 'date';

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
  /** count(*) as a JavaScript number. */
  count(): string;
  /** `LIMIT <param>`. */
  limit(param: string): string;
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
      case 'plain':
        return column;
    }
  },
  contains: (column, param) => `${column} ILIKE ('%' || ${param} || '%')`,
  count: () => 'count(*)::int',
  limit: (param) => `LIMIT ${param}`,
};
