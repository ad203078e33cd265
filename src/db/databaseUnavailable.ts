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

/** `error` as a DatabaseUnavailableError when it is one of those failures. */
export function asUnavailable(error: unknown): DatabaseUnavailableError | undefined {
  if (error instanceof DatabaseUnavailableError) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE.test(code)) return new DatabaseUnavailableError('the database did not answer the statement', { cause: error });
  // node-postgres: its own query_timeout, and a connection that broke under the statement.
  if (message === 'Query read timeout' || message === 'Connection terminated unexpectedly' || message === 'Connection terminated') {
    return new DatabaseUnavailableError('the database stopped answering', { cause: error });
  }
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code)) {
    return new DatabaseUnavailableError('the database server could not be reached', { cause: error });
  }
  return undefined;
}
