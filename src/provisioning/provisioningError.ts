// Job failures as the tenant's owner reads them (the job's `error`, and its progress
// events): a sentence, never a database's own message (SQL, driver codes, names of
// other tenants' databases), a connection string, a password or the address of one of
// our servers. The whole error goes to the gateway's log.
import { classifyDatabaseError } from '../db/databaseErrors';
import { MigrationFailed } from '../db/migrator';

/** A failure explained for the owner. `retryable: false` when trying again cannot help (a wrong password). */
export class ProvisioningError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}

/** What the owner is told of any failure of a job. */
export function ownerMessage(error: unknown): string {
  if (error instanceof ProvisioningError) return error.message;
  if (classifyDatabaseError(error)?.kind === 'unavailable') return 'a database server did not answer in time or could not be reached';
  if (error instanceof MigrationFailed) {
    return `migration ${error.migration} stopped at statement ${error.statement} of ${error.statements}; the database's own error is in the gateway's log`;
  }
  return "it stopped on an unexpected error, which is in the gateway's log";
}
