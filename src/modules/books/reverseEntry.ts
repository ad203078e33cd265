// A posted entry is never edited or deleted: it is undone by an entry that swaps
// its debits and credits, dated when the reversal happens and linked to it.
import type { Decimal } from '../../domain/money';
import type { Tx } from '../../domain/transaction';
import { postEntry, type EntrySource } from './postEntry';

export interface EntryToReverse {
  id: string;
  number: number;
  sourceType: string;
  sourceId: string | null;
  lines: Array<{ account: { code: string }; debit: Decimal; credit: Decimal; customerId: string | null; memo: string | null }>;
}

/** Includes what `reverseEntry` needs when loading entries. */
export const REVERSIBLE = { lines: { include: { account: { select: { code: true } } } } } as const;

export function reverseEntry(tx: Tx, entry: EntryToReverse, description: string, date = new Date()) {
  return postEntry(tx, {
    date,
    description,
    source: entry.sourceType as EntrySource,
    sourceId: entry.sourceId,
    reversesId: entry.id,
    lines: entry.lines.map((line) => ({
      account: line.account.code,
      debit: line.credit,
      credit: line.debit,
      customerId: line.customerId,
      memo: line.memo,
    })),
  });
}
