/** A command that will not run as asked: it did nothing, and exits with code 2. */
export class RefusedError extends Error {}
