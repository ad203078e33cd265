// Selling credits: a pack is a sale like any other (a sale invoice through the invoicing
// rules, paid when a method is given), and its credits a ledger row.
import { z } from 'zod';
import { joinTransaction } from '../../db/joinTransaction';
import type { TenantDb } from '../../db/tenantClient';
import { nonNegativeAmount } from '../../domain/money';
import { inTransaction } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { PaymentMethod } from '../../generated/tenant/enums';
import { createInvoice } from '../invoicing/invoices';
import { issueInvoice } from '../invoicing/issueInvoice';
import { recordPayment } from '../invoicing/recordPayment';
import { addCredits } from './credits';

const PackInput = z.object({
  customerId: z.uuid('is not a valid ID'),
  credits: z.number().int().min(1, 'must be 1 to 10000').max(10_000, 'must be 1 to 10000'),
  price: nonNegativeAmount,
  method: z.enum(PaymentMethod).nullish(),
});

export type PackInput = z.input<typeof PackInput>;

export function sellCreditPack(db: TenantDb, tenant: { currency: string; locale: string }, input: PackInput) {
  const data = parseInput(PackInput, input);
  return inTransaction(db, async (tx) => {
    const inSale = joinTransaction(tx);
    // createInvoice checks the customer, and holds them locked to the end.
    const invoice = await createInvoice(inSale, tenant.currency, tenant.locale, {
      kind: 'SALE',
      customerId: data.customerId,
      notes: `credit pack of ${data.credits}`,
      items: [{ description: `${data.credits} credits`, quantity: '1', unitPrice: data.price.toFixed(2) }],
    });
    const issued = await issueInvoice(inSale, invoice.id);
    if (data.method && issued.total.gt(0)) await recordPayment(inSale, invoice.id, { amount: issued.total.toFixed(2), method: data.method });
    return addCredits(tx, data.customerId, data.credits, 'PACK_SOLD', { invoiceId: invoice.id });
  });
}
