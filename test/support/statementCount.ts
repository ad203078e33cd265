// Counting the statements a request costs, as the driver sends them: a POOL tenant's
// work runs in a transaction of its own (BEGIN with its scope, then COMMIT), which
// is the same two round trips whatever the request, so they are not what is counted.

/** Whether `text` opens or ends a transaction rather than asking something. */
export const isTransactionControl = (text: string) => /^(BEGIN|COMMIT|ROLLBACK)\b/.test(text);
