// A customer's credits. Every movement is a row of the ledger (CreditTransaction);
// the balance is kept beside it (CreditAccount) by the same transaction, so reading it
// is one row. Taking credits lowers the balance with one UPDATE, which holds the row
// until the transaction ends, and refuses when that took it below zero: concurrent
// bookings of one customer take the credits one after another and never overdraw.
import type { Tx } from '../../domain/transaction';
import type { CreditReason } from '../../generated/tenant/enums';
import { insufficientCredits } from './refusals';

/** Adds `credits` to the customer's balance, with its ledger row. */
export async function addCredits(tx: Tx, customerId: string, credits: number, reason: CreditReason, source: { bookingId?: string; invoiceId?: string }) {
  await tx.creditAccount.upsert({ where: { customerId }, create: { customerId, balance: credits }, update: { balance: { increment: credits } } });
  return tx.creditTransaction.create({ data: { customerId, delta: credits, reason, bookingId: source.bookingId ?? null, invoiceId: source.invoiceId ?? null } });
}

/** Takes `credits` for booking `bookingId`; INSUFFICIENT_CREDITS when the balance has fewer. */
export async function takeCredits(tx: Tx, customerId: string, credits: number, bookingId: string) {
  const { balance } = await tx.creditAccount.upsert({
    where: { customerId },
    create: { customerId, balance: -credits },
    update: { balance: { decrement: credits } },
    select: { balance: true },
  });
  // The transaction is rolled back by the refusal, the lowered balance with it.
  if (balance < 0) throw insufficientCredits(credits, balance + credits);
  await tx.creditTransaction.create({ data: { customerId, delta: -credits, reason: 'BOOKING', bookingId } });
}

export async function creditBalanceOf(tx: Pick<Tx, 'creditAccount'>, customerIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx.creditAccount.findMany({ where: { customerId: { in: [...customerIds] } } });
  return new Map(rows.map((row) => [row.customerId, row.balance]));
}
