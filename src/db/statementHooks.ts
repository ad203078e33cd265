// Where statements leave for a server, each is shown to a StatementObserver (tests
// count and read them) and, in a recorded trace, gets a span of its own
// (observability/statementSpans.ts). Tenant statements, the planner's and Prisma's
// alike, are hooked on the server pools' connections; the platform's on its Prisma
// adapter, since node-postgres's own pool runs them on whichever connection comes free.
// A connection is hooked only when something listens: otherwise it is left as it is.
import type { SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import type { Connection as MysqlConnection } from 'mariadb';
import type pg from 'pg';
import { inStatementSpan, type Statement } from '../observability/statementSpans';
import { spansEnabled } from '../observability/spans';
import type { StatementObserver } from './serverPool';

type Query = (...args: unknown[]) => Promise<unknown>;

/** `query` (called the promise way) with each statement observed and traced; `describe` reads the statement from its arguments. */
function hooked(query: Query, describe: (args: unknown[]) => Statement, observe: StatementObserver | undefined): Query {
  return (...args) => {
    const statement = describe(args);
    observe?.(statement.text, statement.namespace ?? '');
    return inStatementSpan(statement, () => query(...args));
  };
}

export function hookPostgresClient(client: pg.Client, database: string, observe?: StatementObserver): void {
  if (!observe && !spansEnabled()) return;
  const describe = ([statement, values]: unknown[]): Statement => {
    const config = typeof statement === 'string' ? { text: statement } : (statement as pg.QueryConfig);
    return { system: 'postgresql', namespace: database, text: config.text, values: config.values ?? (values as unknown[] | undefined) };
  };
  client.query = hooked(client.query.bind(client) as Query, describe, observe) as typeof client.query;
}

/** A MySQL connection reaches every database of its server: its statements name the tenant's database in their text. */
export function hookMysqlConnection(connection: MysqlConnection, observe?: StatementObserver): void {
  if (!observe && !spansEnabled()) return;
  const system = connection.info?.isMariaDB() ? 'mariadb' : 'mysql';
  const describe = ([request, values]: unknown[]): Statement => ({
    system,
    text: typeof request === 'string' ? request : (request as { sql: string }).sql,
    values: values as unknown[] | undefined,
  });
  connection.query = hooked(connection.query.bind(connection) as Query, describe, observe) as typeof connection.query;
}

/** Prisma's PostgreSQL adapter with a span per statement, its transactions' included; itself when tracing is off. */
export function tracedPostgresAdapter<F extends SqlDriverAdapterFactory>(factory: F, database: string): F {
  if (!spansEnabled()) return factory;
  const statement = (query: SqlQuery): Statement => ({ system: 'postgresql', namespace: database, text: query.sql, values: query.args });
  const traced = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value = Reflect.get(object, property, object) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'queryRaw' || property === 'executeRaw') return (query: SqlQuery) => inStatementSpan(statement(query), () => value.call(object, query));
        // What these hand out (the adapter, a transaction) sends statements too.
        if (property === 'connect' || property === 'startTransaction') return async (...args: unknown[]) => traced(await value.apply(object, args));
        return value.bind(object);
      },
    });
  return traced(factory);
}
