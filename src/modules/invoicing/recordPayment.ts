// Money received for (or paid out on) an issued invoice. The invoice row is locked
// first, so concurrent payments are checked one after another and never overpay.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { positiveAmount } from '../../domain/money';
import { eventObject, recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput } from '../../errors';
import { PaymentMethod } from '../../generated/tenant/enums';
import { postEntry } from '../books/postEntry';
import { paymentPosting, settlement } from './invoicePostings';
import { lockInvoice } from './lockInvoice';

const PaymentInput = z.object({
  amount: positiveAmount,
  method: z.enum(PaymentMethod),
  /** The bank's or cheque's reference; statement lines are matched by it. */
  reference: z.string().trim().min(1).check(fitsColumn('Payment', 'reference', 100)).nullish(),
  paidAt: z.date().nullish(),
});

export type PaymentInput = z.input<typeof PaymentInput>;

export async function recordPayment(db: TenantDb, invoiceId: string, input: PaymentInput) {
  const data = parseInput(PaymentInput, input);
  return inTransaction(db, async (tx) => {
    const invoice = await lockInvoice(tx, invoiceId);
    if (invoice.status === 'DRAFT') throw badInput(`invoice ${invoice.number} is a DRAFT: issue it before recording a payment`);
    if (invoice.status === 'VOID') throw badInput(`invoice ${invoice.number} is void`);
    const { due } = settlement(invoice);
    const remaining = due.sub(invoice.amountPaid);
    if (data.amount.gt(remaining)) {
      throw badInput(`a payment of ${data.amount.toFixed()} is more than the ${remaining.toFixed()} still due on invoice ${invoice.number}`, {
        field: 'amount',
        remaining: remaining.toFixed(),
      });
    }
    const payment = await tx.payment.create({
      data: { invoiceId, amount: data.amount, method: data.method, reference: data.reference ?? null, paidAt: data.paidAt ?? new Date() },
    });
    const amountPaid = invoice.amountPaid.add(data.amount);
    const updated = await tx.invoice.update({ where: { id: invoiceId }, data: { amountPaid, status: amountPaid.eq(due) ? 'PAID' : 'PARTIALLY_PAID' } });
    await postEntry(tx, paymentPosting(invoice, payment));
    if (updated.status === 'PAID') await recordTenantEvent(tx, 'invoice.paid', eventObject(updated));
    return payment;
  });
}
