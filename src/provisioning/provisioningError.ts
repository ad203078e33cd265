// Job failures as the tenant's owner reads them (the job's `error`): clear, and
// never carrying a connection string, a password or the address of one of our servers.

/** A failure explained for the owner. `retryable: false` when trying again cannot help (a wrong password). */
export class ProvisioningError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}

const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
const ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\[[0-9a-f:]+\](?::\d+)?/gi;

/** The message of any failure, made safe to show. */
export function safeMessage(error: unknown): string {
  if (error instanceof ProvisioningError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(URL_LIKE, '<url>').replace(ADDRESS, '<address>').slice(0, 500);
}
