// Loaded into a benchmarked server (`node -r dist/bench/statementLog.js ...`) to learn
// the SQL it sends for one request, in-process, the same way for the gateway and for
// its peer: with BENCH_STATEMENT_LOG naming a file, each SIGUSR2 turns logging on or
// off (and writes {"logging": true|false} when it has), and while it is on every
// statement any pg client of the process sends is appended as a JSON line
// {database, text, values}, its values as pg sends them. Off, a statement costs one
// test of a boolean; without the variable nothing is patched.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

export interface LoggedStatement {
  database: string;
  text: string;
  values: Array<string | null>;
}

// pg's own conversion of a JavaScript value to the text it sends (not in its typings).
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

const file = process.env.BENCH_STATEMENT_LOG;
if (file) {
  let logging = false;
  process.on('SIGUSR2', () => {
    logging = !logging;
    appendFileSync(file, `${JSON.stringify({ logging })}\n`);
  });
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function loggedQuery(this: pg.Client, ...args: unknown[]) {
    if (logging) {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
      const text = typeof first === 'string' ? first : first.text;
      const values = (typeof first === 'object' && first.values) || (Array.isArray(second) ? second : []);
      const statement: LoggedStatement = { database: this.database ?? '', text, values: values.map((v) => (v == null ? null : String(prepareValue(v)))) };
      appendFileSync(file, `${JSON.stringify(statement)}\n`);
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}
