// Failures that mean "the tenant's database cannot serve right now" rather than
// "this statement is wrong": the server is unreachable, too slow, restarting, full,
// or the database is gone. Requests get DATABASE_UNAVAILABLE for them; the other
// tenants, on their own connections, do not notice.

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

// SQLSTATE: 08 connection exception, 3D000 no such database, 53 insufficient resources,
// 57P01-57P03 shutdown / cannot connect now, 57014 cancelled (the statement timeout).
const UNAVAILABLE = /^(08|53|57P0[1-3]$|57014$|3D000$)/;

// The mariadb driver's codes for the same failures: its own timeouts, a connection that
// closed under the statement, the server's statement timeout (MariaDB, MySQL 8), a
// server shutting down or out of connections, and a database that is gone.
const MYSQL_UNAVAILABLE = new Set([
  'ER_SOCKET_TIMEOUT',
  'ER_CONNECTION_TIMEOUT',
  'ER_SOCKET_UNEXPECTED_CLOSE',
  'ER_CMD_CONNECTION_CLOSED',
  'ER_CONNECTION_ALREADY_CLOSED',
  'ER_STATEMENT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_BAD_DB_ERROR',
]);

/** `error` as a DatabaseUnavailableError when it is one of those failures. */
export function asUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE.test(code)) return new DatabaseUnavailableError('the database did not answer the statement', { cause: error });
  // node-postgres: its own query_timeout, and a connection that broke under the statement.
  if (message === 'Query read timeout' || message === 'Connection terminated unexpectedly' || message === 'Connection terminated') {
    return new DatabaseUnavailableError('the database stopped answering', { cause: error });
  }
  if (typeof code === 'string' && MYSQL_UNAVAILABLE.has(code)) return new DatabaseUnavailableError('the database stopped answering', { cause: error });
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) {
    return new DatabaseUnavailableError('the database server could not be reached', { cause: error });
  }
  return undefined;
}
