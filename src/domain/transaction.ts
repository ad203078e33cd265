// The one way tenant business rules open a transaction. Rules that lock rows
// (an invoice being paid, a product's stock) make concurrent writers queue; Prisma's
// defaults (2 s to begin, 5 s to finish) would turn a short queue into errors. It may
// take as long to begin as a statement may run (the tenant client's maxWait).
//
// A transaction the database rolled back so that another could go on (a deadlock, a
// serialization failure) is run again from the start, as the database asks: it did
// nothing, and the rows it waited for are there now. Only a few times, so a rule that
// deadlocks with itself fails rather than spins. (A transaction that opens another runs
// it again whole through againOnWriteConflict.)
import { classifyDatabaseError } from '../db/databaseErrors';
import { isJoinedTransaction } from '../db/joinTransaction';
import type { TenantDb } from '../db/tenantClient';
import type { Prisma } from '../generated/tenant/client';

export type Tx = Prisma.TransactionClient;

const ATTEMPTS = 3;

export function inTransaction<T>(db: TenantDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  const transaction = () => db.$transaction(work, { timeout: 30_000 });
  // Joined to a caller's transaction, it is the caller's to run again: the database rolled all of it back.
  return isJoinedTransaction(db) ? transaction() : againOnWriteConflict(transaction);
}

/** Runs `transaction` (a whole one: it begins and ends in it) again when the database rolled it back for another. */
export async function againOnWriteConflict<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= ATTEMPTS || classifyDatabaseError(error)?.kind !== 'writeConflict') throw error;
    }
  }
}
