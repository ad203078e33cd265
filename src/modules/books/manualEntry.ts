// Entries a bookkeeper writes by hand (opening balances, corrections, expenses paid
// in cash), and their reversal. Entries caused by invoices and payments are undone by
// voiding the invoice instead, so the invoice and its books never disagree; those of
// stock adjustments by adjusting again.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { Decimal } from '../../domain/money';
import { inTransaction } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import { postEntry } from './postEntry';
import { REVERSIBLE, reverseEntry } from './reverseEntry';

const amount = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be an amount with at most 2 decimals')
  .transform((value) => new Decimal(value));

const ManualEntry = z.object({
  date: z.date().nullish(),
  description: z.string().trim().min(1, 'is required').check(fitsColumn('JournalEntry', 'description', 500)),
  lines: z
    .array(
      z.object({
        account: z.string().trim().min(1, 'is required').max(20),
        debit: amount.nullish(),
        credit: amount.nullish(),
        customerId: z.uuid('is not a valid ID').nullish(),
        memo: z.string().check(fitsColumn('JournalLine', 'memo', 500)).nullish(),
      }),
    )
    .max(200, 'at most 200 lines'),
});

export type ManualEntryInput = z.input<typeof ManualEntry>;

export async function postManualEntry(db: TenantDb, input: ManualEntryInput) {
  const entry = parseInput(ManualEntry, input);
  return inTransaction(db, async (tx) => {
    const customerIds = [...new Set(entry.lines.flatMap((l) => (l.customerId ? [l.customerId] : [])))];
    if (customerIds.length > 0) {
      const found = await tx.customer.count({ where: { id: { in: customerIds } } });
      if (found !== customerIds.length) throw notFound('customer');
    }
    return postEntry(tx, {
      date: entry.date ?? new Date(),
      description: entry.description,
      source: 'manual',
      lines: entry.lines.map((l) => ({ ...l, debit: l.debit ?? undefined, credit: l.credit ?? undefined })),
    });
  });
}

export async function reverseManualEntry(db: TenantDb, id: string) {
  return inTransaction(db, async (tx) => {
    const entry = await tx.journalEntry.findUnique({ where: { id }, include: { ...REVERSIBLE, reversedBy: { select: { number: true } } } });
    if (!entry) throw notFound('journal entry');
    if (entry.sourceType === 'invoice' || entry.sourceType === 'payment') {
      throw badInput(`entry #${entry.number} comes from an invoice: void the invoice to undo it`);
    }
    // Reversed alone, it would leave the books and the stock disagreeing.
    if (entry.sourceType === 'stock') throw badInput(`entry #${entry.number} comes from a stock adjustment: adjust the stock again to undo it`);
    if (entry.reversesId) throw badInput(`entry #${entry.number} is itself a reversal`);
    if (entry.reversedBy) throw badInput(`entry #${entry.number} is already reversed by #${entry.reversedBy.number}`);
    return reverseEntry(tx, entry, `Reversal of entry #${entry.number}: ${entry.description}`);
  });
}
