// The one function that writes to the books. Every rule that posts (a manual entry,
// an invoice, a payment, a reversal) builds lines and hands them here, so what makes
// an entry acceptable is decided in exactly one place.
import { ZERO, sum, type Decimal } from '../../domain/money';
import type { Tx } from '../../domain/transaction';
import { badInput } from '../../errors';

/** Where an entry came from; with `id`, the invoice, payment, order refund or stock movement (an adjustment) that caused it. */
export type EntrySource = 'manual' | 'opening' | 'invoice' | 'payment' | 'refund' | 'stock';

export interface PostingLine {
  /** Account code, e.g. "1300" (see chartOfAccounts.ts). */
  account: string;
  debit?: Decimal;
  credit?: Decimal;
  /** The customer (or supplier) this line concerns, for the customer ledger. */
  customerId?: string | null;
  memo?: string | null;
}

export interface Posting {
  date: Date;
  description: string;
  source: EntrySource;
  sourceId?: string | null;
  reversesId?: string;
  lines: PostingLine[];
}

function checkBalanced(lines: PostingLine[]) {
  if (lines.length < 2) throw badInput('a journal entry needs at least two lines', { field: 'lines' });
  lines.forEach((line, i) => {
    const debit = line.debit ?? ZERO;
    const credit = line.credit ?? ZERO;
    if (debit.isNeg() || credit.isNeg() || debit.isZero() === credit.isZero()) {
      throw badInput(`line ${i + 1}: give either a debit or a credit, more than zero`, { field: `lines.${i}` });
    }
    if (debit.decimalPlaces() > 2 || credit.decimalPlaces() > 2) {
      throw badInput(`line ${i + 1}: amounts have at most 2 decimals`, { field: `lines.${i}` });
    }
  });
  const debits = sum(lines.map((l) => l.debit ?? ZERO));
  const credits = sum(lines.map((l) => l.credit ?? ZERO));
  if (!debits.eq(credits)) {
    throw badInput(`the entry does not balance: debits ${debits.toFixed(2)}, credits ${credits.toFixed(2)}`, {
      field: 'lines',
      debits: debits.toFixed(2),
      credits: credits.toFixed(2),
    });
  }
}

/** Account ids by code; every code must name an existing account that has no sub-accounts. */
async function postingAccounts(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  const accounts = await tx.account.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { id: true, code: true, name: true, _count: { select: { children: true } } },
  });
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  codes.forEach((code, i) => {
    const account = byCode.get(code);
    if (!account) throw badInput(`no account with code ${code}`, { field: `lines.${i}.account` });
    if (account._count.children > 0) {
      throw badInput(`account ${code} (${account.name}) groups other accounts: post to one of them`, { field: `lines.${i}.account` });
    }
  });
  return new Map(accounts.map((a) => [a.code, a.id]));
}

export async function postEntry(tx: Tx, posting: Posting) {
  checkBalanced(posting.lines);
  const accountIds = await postingAccounts(
    tx,
    posting.lines.map((l) => l.account),
  );
  return tx.journalEntry.create({
    data: {
      date: posting.date,
      description: posting.description,
      sourceType: posting.source,
      sourceId: posting.sourceId ?? null,
      reversesId: posting.reversesId ?? null,
      lines: {
        create: posting.lines.map((line) => ({
          accountId: accountIds.get(line.account)!,
          debit: line.debit ?? ZERO,
          credit: line.credit ?? ZERO,
          customerId: line.customerId ?? null,
          memo: line.memo ?? null,
        })),
      },
    },
  });
}

/** Drops zero lines (a sale at no cost has no cost-of-goods line); undefined when nothing is left to post. */
export function withoutZeroLines(posting: Posting): Posting | undefined {
  const lines = posting.lines.filter((l) => !(l.debit ?? ZERO).isZero() || !(l.credit ?? ZERO).isZero());
  return lines.length === 0 ? undefined : { ...posting, lines };
}
