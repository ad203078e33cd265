// An order's life after it is taken: PENDING -> PAID -> FULFILLED, refunds in part
// or in full (PARTIALLY_REFUNDED, REFUNDED), or CANCELLED before it is fulfilled.
// Each step is one transaction on the locked order row, and records its event in it.
// Paying issues the sale invoice (books and stock as every invoice) and records the
// payment through the invoice rules, so an order's books are an invoice's books.
import { z } from 'zod';
import { joinTransaction } from '../../db/joinTransaction';
import type { TenantDb } from '../../db/tenantClient';
import { positiveAmount } from '../../domain/money';
import { recordTenantEvent, type DomainEventType } from '../../domain/tenantEvents';
import { inTransaction, type Tx } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput } from '../../errors';
import type { Prisma } from '../../generated/tenant/client';
import { PaymentMethod } from '../../generated/tenant/enums';
import type { OrderStatus } from '../../generated/tenant/enums';
import { postEntry, withoutZeroLines } from '../books/postEntry';
import { refundPosting } from '../invoicing/invoicePostings';
import { issueInvoice } from '../invoicing/issueInvoice';
import { recordPayment } from '../invoicing/recordPayment';
import { voidInvoice } from '../invoicing/voidInvoice';
import { returnRedemption } from './discounts';
import { ORDER_DETAILS, lockOrder } from './lockOrder';
import { orderEventObject } from './orderEventObject';
import { createOrderInvoice } from './orderInvoice';
import { releaseStock } from './reserveStock';

type LockedOrder = Awaited<ReturnType<typeof lockOrder>>;

function refuseUnless(order: LockedOrder, allowed: OrderStatus[], step: string) {
  if (!allowed.includes(order.status)) {
    throw badInput(`order ${order.number} is ${order.status}: only ${allowed.join(' or ')} orders can be ${step}`, { status: order.status });
  }
}

/** Runs `step` on the locked order, saves what it changes and records `event` with the order as it then is. */
async function orderStep(db: TenantDb, id: string, event: DomainEventType, step: (tx: Tx, order: LockedOrder) => Promise<Prisma.OrderUncheckedUpdateInput>) {
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, id);
    const updated = await tx.order.update({ where: { id }, data: await step(tx, order), include: ORDER_DETAILS });
    await recordTenantEvent(tx, event, orderEventObject(updated));
    // The row alone: its lines and discount are the API's relations, read through their own resolvers.
    const { items: _items, discount: _discount, ...row } = updated;
    return row;
  });
}

const reservationsOf = (order: LockedOrder) => order.items.map((item) => ({ productId: item.productId, quantity: item.quantity }));

const PayInput = z.object({ method: z.enum(PaymentMethod), reference: z.string().trim().min(1).check(fitsColumn('Payment', 'reference', 100)).nullish() });

export function payOrder(db: TenantDb, id: string, locale: string, input: z.input<typeof PayInput>) {
  const data = parseInput(PayInput, input);
  return orderStep(db, id, 'order.paid', async (tx, order) => {
    refuseUnless(order, ['PENDING'], 'paid');
    // Only products whose stock is tracked were reserved; releasing the others changes nothing that is read.
    await releaseStock(tx, reservationsOf(order));
    const invoice = await createOrderInvoice(tx, order, locale);
    const inOrder = joinTransaction(tx);
    await issueInvoice(inOrder, invoice.id);
    // A free order (a 100% discount) is settled when its invoice is issued.
    if (order.total.gt(0)) await recordPayment(inOrder, invoice.id, { amount: order.total.toFixed(2), method: data.method, reference: data.reference });
    return { status: 'PAID', invoiceId: invoice.id, paymentMethod: data.method, paidAt: new Date() };
  });
}

export function fulfillOrder(db: TenantDb, id: string) {
  return orderStep(db, id, 'order.fulfilled', async (_tx, order) => {
    refuseUnless(order, ['PAID'], 'fulfilled');
    return { status: 'FULFILLED', fulfilledAt: new Date() };
  });
}

/** A pending order gives its stock back; a paid one has its invoice voided (its sale, payment and stock reversed). */
export function cancelOrder(db: TenantDb, id: string) {
  return orderStep(db, id, 'order.cancelled', async (tx, order) => {
    refuseUnless(order, ['PENDING', 'PAID'], 'cancelled');
    if (order.status === 'PENDING') await releaseStock(tx, reservationsOf(order));
    else await voidInvoice(joinTransaction(tx), order.invoiceId!);
    if (order.discountId) await returnRedemption(tx, order.discountId);
    return { status: 'CANCELLED', cancelledAt: new Date() };
  });
}

const RefundInput = z.object({ amount: positiveAmount, reason: z.string().trim().check(fitsColumn('OrderRefund', 'reason', 500)).nullish() });

export function refundOrder(db: TenantDb, id: string, input: z.input<typeof RefundInput>) {
  const data = parseInput(RefundInput, input);
  return orderStep(db, id, 'order.refunded', async (tx, order) => {
    refuseUnless(order, ['PAID', 'FULFILLED', 'PARTIALLY_REFUNDED'], 'refunded');
    const refundable = order.total.sub(order.refundedAmount);
    if (data.amount.gt(refundable)) {
      throw badInput(`a refund of ${data.amount.toFixed()} is more than the ${refundable.toFixed()} left to refund on order ${order.number}`, {
        field: 'amount',
        refundable: refundable.toFixed(),
      });
    }
    const refund = await tx.orderRefund.create({ data: { orderId: id, amount: data.amount, reason: data.reason ?? null } });
    // Without tax on the order, there is no VAT line.
    await postEntry(tx, withoutZeroLines(refundPosting({ ...order, paymentMethod: order.paymentMethod! }, refund))!);
    const refundedAmount = order.refundedAmount.add(data.amount);
    return { refundedAmount, status: refundedAmount.eq(order.total) ? 'REFUNDED' : 'PARTIALLY_REFUNDED' };
  });
}
