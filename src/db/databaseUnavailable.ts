// Failures that mean "the tenant's database cannot serve right now" rather than
// "this statement is wrong": the server is unreachable, too slow, restarting, full,
// or the database is gone. Requests get DATABASE_UNAVAILABLE for them; the other
// tenants, on their own connections, do not notice. Which driver errors mean this is
// decided in databaseErrors.ts (asUnavailable).

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}
