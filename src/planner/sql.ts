// SQL as a tree of text and bound values, rendered once per dialect: the planner
// builds statements from pieces without concatenating values into text, and the
// rendering numbers the parameters in the order they appear ($1, $2 on PostgreSQL;
// MySQL's ? are positional too, so a value used twice is bound twice).

export class Value {
  constructor(readonly value: unknown) {}
}

export type Sql = string | Value | readonly Sql[];

/** A bound value. */
export const value = (v: unknown): Sql => new Value(v);

/** `parts` separated by `separator`. */
export function join(parts: readonly Sql[], separator: string): Sql {
  const out: Sql[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(separator);
    out.push(part);
  });
  return out;
}

export interface Rendered {
  text: string;
  values: unknown[];
}

/** The statement's text with `placeholder(n)` for the n-th (1-based) value, and its values in order. */
export function render(sql: Sql, placeholder: (n: number) => string): Rendered {
  const values: unknown[] = [];
  let text = '';
  const walk = (part: Sql) => {
    if (typeof part === 'string') text += part;
    else if (part instanceof Value) text += placeholder(values.push(part.value));
    else for (const inner of part) walk(inner);
  };
  walk(sql);
  return { text, values };
}
