// Splits a migration script into statements so they can be run and reported one
// by one. It understands what can hide a `;`: quoted strings and identifiers
// (PostgreSQL's "..." and MySQL's `...`), PostgreSQL's dollar-quoted bodies, and comments.

export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  const skipTo = (end: string, from: number) => {
    const at = script.indexOf(end, from);
    return at === -1 ? n : at + end.length;
  };
  while (i < n) {
    const c = script[i];
    if (c === "'" || c === '"' || c === "`") {
      // A doubled quote inside is an escaped quote: scanning on from the closing one handles it.
      i = skipTo(c, i + 1);
    } else if (c === '-' && script[i + 1] === '-') {
      i = skipTo('\n', i);
    } else if (c === '/' && script[i + 1] === '*') {
      i = skipTo('*/', i + 2);
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_0-9]*\$/.exec(script.slice(i, i + 64));
      i = tag ? skipTo(tag[0], i + tag[0].length) : i + 1;
    } else if (c === ';') {
      pushStatement(statements, script.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  pushStatement(statements, script.slice(start));
  return statements;
}

function pushStatement(statements: string[], text: string) {
  const withoutComments = text.replace(/--[^\n]*/g, '').trim();
  if (withoutComments) statements.push(text.trim());
}
