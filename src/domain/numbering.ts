// Gap-free numbers per tenant ("INV-000042", "ORD-000007"): a Counter row incremented
// inside the transaction that uses the number, so a rolled-back create gives it back
// and concurrent creates queue on the row instead of sharing a number.
import { classifyDatabaseError } from '../db/databaseErrors';
import type { Tx } from './transaction';

export async function nextNumber(tx: Tx, counter: string, prefix: string): Promise<string> {
  const row = await increment(tx, counter);
  return `${prefix}-${String(row.value).padStart(6, '0')}`;
}

async function increment(tx: Tx, name: string) {
  try {
    return await tx.counter.upsert({ where: { name }, create: { name, value: 1 }, update: { value: { increment: 1 } } });
  } catch (error) {
    // PostgreSQL's upsert is one statement. On MySQL Prisma reads, then writes: the first
    // numbers of a counter taken at once both find no row, and the second insert meets the
    // first one's row, which is there now (MySQL's transaction goes on after the error).
    if (classifyDatabaseError(error)?.kind !== 'uniqueViolation') throw error;
    return tx.counter.update({ where: { name }, data: { value: { increment: 1 } } });
  }
}
