// Reading the lists inside a DDL statement: a CREATE TABLE's columns and constraints,
// an ALTER TABLE's actions. A comma or parenthesis counts only outside quoted strings
// and identifiers and outside nested parentheses (DECIMAL(18,2), a CHECK's condition).

/** Calls `visit` with each character outside quotes and its nesting depth; stops when `visit` answers true. */
function scan(sql: string, from: number, visit: (c: string, at: number, depth: number) => boolean | void): void {
  let depth = 0;
  for (let i = from; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote: scanning on from the closing one handles it.
      const end = sql.indexOf(c, i + 1);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (c === ')') depth--;
    if (visit(c, i, depth)) return;
    if (c === '(') depth++;
  }
}

/** Where the parenthesis opening at `open` closes; -1 when it never does. */
export function closingParenthesis(sql: string, open: number): number {
  let at = -1;
  scan(sql, open, (c, i, depth) => {
    if (c !== ')' || depth !== 0) return false;
    at = i;
    return true;
  });
  return at;
}

/** `sql` cut at its top-level commas, each piece as written (whitespace kept): joined with ',' they give `sql` back. */
export function splitTopLevel(sql: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  scan(sql, 0, (c, i, depth) => {
    if (c === ',' && depth === 0) {
      pieces.push(sql.slice(start, i));
      start = i + 1;
    }
  });
  pieces.push(sql.slice(start));
  return pieces;
}

/** `sql` with what its quoted strings and identifiers hold left out, so a keyword search does not find a name or a default. */
export function outsideQuotes(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (quoted) => quoted[0] + quoted[0]);
}
