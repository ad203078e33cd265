// Gap-free numbers per tenant ("INV-000042", "ORD-000007"): a Counter row incremented
// inside the transaction that uses the number, so a rolled-back create gives it back
// and concurrent creates queue on the row instead of sharing a number.
import type { Tx } from './transaction';

export async function nextNumber(tx: Tx, counter: string, prefix: string): Promise<string> {
  const row = await tx.counter.upsert({ where: { name: counter }, create: { name: counter, value: 1 }, update: { value: { increment: 1 } } });
  return `${prefix}-${String(row.value).padStart(6, '0')}`;
}
