// Importing a bank statement: new lines are stored (lines already imported from an
// overlapping statement are recognised and skipped), then every unmatched line of the
// account is matched against the bank payments no line has claimed yet.
import { v7 as uuidv7 } from 'uuid';
import type { TenantDb } from '../../db/tenantClient';
import { takeNamedLock } from '../../domain/namedLock';
import { readSetting } from '../../domain/settings';
import { inTransaction } from '../../domain/transaction';
import { notFound } from '../../errors';
import { settlement } from '../invoicing/invoicePostings';
import { matchStatementLines } from './matchStatement';
import { parseStatementCsv, type StatementRow } from './parseStatementCsv';

const DAY = 86_400_000;

const rowKey = (row: StatementRow) => [row.date.toISOString().slice(0, 10), row.amount.toFixed(2), row.reference ?? '', row.description ?? ''].join('|');

/** Rows not yet stored: a row stored n times already skips its first n copies in the file. */
function newRows(rows: StatementRow[], stored: StatementRow[]): StatementRow[] {
  const seen = new Map<string, number>();
  for (const row of stored) seen.set(rowKey(row), (seen.get(rowKey(row)) ?? 0) + 1);
  return rows.filter((row) => {
    const count = seen.get(rowKey(row)) ?? 0;
    if (count > 0) seen.set(rowKey(row), count - 1);
    return count === 0;
  });
}

export async function importBankStatement(db: TenantDb, bankAccountId: string, csv: string) {
  const rows = parseStatementCsv(csv);
  return inTransaction(db, async (tx) => {
    const account = await tx.bankAccount.findUnique({ where: { id: bankAccountId }, select: { id: true } });
    if (!account) throw notFound('bank account');
    // One import at a time per tenant: two imports must not both claim one payment.
    await takeNamedLock(tx, 'bank-statement-import');

    const dates = rows.map((r) => r.date.getTime());
    const stored =
      rows.length === 0
        ? []
        : await tx.bankStatementLine.findMany({ where: { bankAccountId, date: { gte: new Date(Math.min(...dates)), lte: new Date(Math.max(...dates)) } } });
    const fresh = newRows(rows, stored);
    // Ids made here, as Prisma would make them (UUIDv7), because MySQL cannot return what it inserted.
    const created = fresh.map((row) => ({ id: uuidv7(), ...row, bankAccountId }));
    await tx.bankStatementLine.createMany({ data: created });

    const unmatched = await tx.bankStatementLine.findMany({ where: { bankAccountId, matchedPaymentId: null } });
    let matched = 0;
    if (unmatched.length > 0) {
      const window = await readSetting(tx, 'bank.matchWindowDays', 3);
      const lineDates = unmatched.map((l) => l.date.getTime());
      const payments = await tx.payment.findMany({
        where: {
          method: { not: 'CASH' },
          bankStatementLine: { is: null },
          paidAt: { gte: new Date(Math.min(...lineDates) - (window + 1) * DAY), lte: new Date(Math.max(...lineDates) + (window + 2) * DAY) },
        },
        include: { invoice: { select: { number: true, kind: true, total: true } } },
      });
      const matches = matchStatementLines(
        unmatched,
        payments.map((p) => ({
          ...p,
          invoiceNumber: p.invoice.number,
          signedAmount: settlement(p.invoice).direction === 'IN' ? p.amount : p.amount.neg(),
        })),
        window,
      );
      matched = matches.size;
      for (const [line, payment] of matches) await tx.bankStatementLine.update({ where: { id: line }, data: { matchedPaymentId: payment } });
    }
    const lines = await tx.bankStatementLine.findMany({ where: { id: { in: created.map((c) => c.id) } }, orderBy: [{ date: 'asc' }, { id: 'asc' }] });
    return { imported: created.length, duplicates: rows.length - fresh.length, matched, lines };
  });
}
