// What an invoice (or a refund, or a stock adjustment) does to the books and the
// stock, as plain data: the posting rules of the tenant domain in one place
// (docs/books.md has them as a table).
// Nothing here touches the database; issueInvoice, recordPayment and voidInvoice
// apply what these functions return.
import { ZERO, round2, sum, type Decimal } from '../../domain/money';
import type { InvoiceKind, PaymentMethod } from '../../generated/tenant/enums';
import { ACCOUNT } from '../books/chartOfAccounts';
import type { Posting, PostingLine } from '../books/postEntry';
import type { Movement } from './moveStock';

export interface PostedInvoice {
  id: string;
  number: string;
  kind: InvoiceKind;
  customerId: string | null;
  issueDate: Date;
  subtotal: Decimal;
  taxTotal: Decimal;
  tradeInTotal: Decimal;
  total: Decimal;
}

export interface PostedItem {
  quantity: Decimal;
  lineTotal: Decimal;
  tradeIn: boolean;
  /** The product the line is for, when it is one whose stock is tracked. */
  stocked: { id: string; cost: Decimal } | null;
}

const debit = (account: string, amount: Decimal, customerId?: string | null): PostingLine => ({ account, debit: amount, customerId });
const credit = (account: string, amount: Decimal, customerId?: string | null): PostingLine => ({ account, credit: amount, customerId });

/**
 * Sales and trades: the customer owes the price and its tax; the goods leave stock at
 * their cost. Traded-in items enter stock at the value agreed on the invoice and are
 * credited to the customer, so the receivable is what is left to pay (or, when the
 * trade-in is worth more, what the business owes the customer).
 */
function saleLines(invoice: PostedInvoice, items: PostedItem[]): PostingLine[] {
  const customer = invoice.customerId;
  const cost = sum(items.filter((i) => !i.tradeIn && i.stocked).map((i) => round2(i.quantity.mul(i.stocked!.cost))));
  return [
    debit(ACCOUNT.RECEIVABLE, invoice.subtotal.add(invoice.taxTotal), customer),
    credit(ACCOUNT.SALES, invoice.subtotal),
    credit(ACCOUNT.TAX_PAYABLE, invoice.taxTotal),
    debit(ACCOUNT.COST_OF_GOODS_SOLD, cost),
    credit(ACCOUNT.INVENTORY, cost),
    debit(ACCOUNT.INVENTORY, invoice.tradeInTotal),
    credit(ACCOUNT.RECEIVABLE, invoice.tradeInTotal, customer),
  ];
}

/**
 * Purchases: stocked goods enter inventory at the price paid, anything else is an
 * expense, and tax paid on the purchase is set against the tax owed (one VAT account).
 */
function purchaseLines(invoice: PostedInvoice, items: PostedItem[]): PostingLine[] {
  const stocked = sum(items.filter((i) => i.stocked).map((i) => i.lineTotal));
  return [
    debit(ACCOUNT.INVENTORY, stocked),
    debit(ACCOUNT.GENERAL_EXPENSES, invoice.subtotal.sub(stocked)),
    debit(ACCOUNT.TAX_PAYABLE, invoice.taxTotal),
    credit(ACCOUNT.PAYABLE, invoice.total, invoice.customerId),
  ];
}

const MOVEMENT_TYPE = { SALE: 'SALE', TRADE: 'SALE', PURCHASE: 'PURCHASE' } as const;

export function issuePosting(invoice: PostedInvoice, items: PostedItem[]): { posting: Posting; movements: Movement[] } {
  const lines = invoice.kind === 'PURCHASE' ? purchaseLines(invoice, items) : saleLines(invoice, items);
  const movements = items.flatMap((item): Movement[] => {
    if (!item.stocked) return [];
    if (item.tradeIn) return [{ productId: item.stocked.id, quantity: item.quantity, type: 'TRADE_IN', invoiceId: invoice.id }];
    const sign = invoice.kind === 'PURCHASE' ? 1 : -1;
    return [{ productId: item.stocked.id, quantity: item.quantity.mul(sign), type: MOVEMENT_TYPE[invoice.kind], invoiceId: invoice.id }];
  });
  return {
    posting: { date: invoice.issueDate, description: `${invoice.kind.toLowerCase()} invoice ${invoice.number}`, source: 'invoice', sourceId: invoice.id, lines },
    movements,
  };
}

/**
 * Which way money moves to settle an invoice: in from a customer, or out to a supplier
 * (or to a customer whose trade-in was worth more than what they bought).
 */
export function settlement(invoice: Pick<PostedInvoice, 'kind' | 'total'>) {
  const account = invoice.kind === 'PURCHASE' ? ACCOUNT.PAYABLE : ACCOUNT.RECEIVABLE;
  const direction: 'IN' | 'OUT' = invoice.kind === 'PURCHASE' || invoice.total.isNeg() ? 'OUT' : 'IN';
  return { account, direction, due: invoice.total.abs() };
}

/** Cash payments go to the till; cards, transfers and cheques through the bank. */
export const paymentAccount = (method: PaymentMethod) => (method === 'CASH' ? ACCOUNT.CASH : ACCOUNT.BANK);

export function paymentPosting(
  invoice: PostedInvoice,
  payment: { id: string; amount: Decimal; method: PaymentMethod; paidAt: Date },
): Posting {
  const { account, direction } = settlement(invoice);
  const money = paymentAccount(payment.method);
  const lines =
    direction === 'IN'
      ? [debit(money, payment.amount), credit(account, payment.amount, invoice.customerId)]
      : [debit(account, payment.amount, invoice.customerId), credit(money, payment.amount)];
  return {
    date: payment.paidAt,
    description: `${direction === 'IN' ? 'payment received' : 'payment made'} for invoice ${invoice.number}`,
    source: 'payment',
    sourceId: payment.id,
    lines,
  };
}

/**
 * Money given back on a paid order: the refund undoes revenue and the tax collected on
 * it in the order's proportion of tax to total, and leaves the till or the bank the
 * order was paid into. Goods are not taken back into stock by a refund.
 */
export function refundPosting(
  order: { number: string; total: Decimal; taxTotal: Decimal; paymentMethod: PaymentMethod },
  refund: { id: string; amount: Decimal; createdAt: Date },
): Posting {
  const tax = order.total.isZero() ? ZERO : round2(refund.amount.mul(order.taxTotal).div(order.total));
  return {
    date: refund.createdAt,
    description: `refund on order ${order.number}`,
    source: 'refund',
    sourceId: refund.id,
    lines: [debit(ACCOUNT.SALES, refund.amount.sub(tax)), debit(ACCOUNT.TAX_PAYABLE, tax), credit(paymentAccount(order.paymentMethod), refund.amount)],
  };
}

export const STOCK_ADJUSTMENT_REASONS = ['COUNT', 'DAMAGE', 'OPENING'] as const;
export type StockAdjustmentReason = (typeof STOCK_ADJUSTMENT_REASONS)[number];

// What a stock adjustment's value is set against.
const ADJUSTED_AGAINST: Record<StockAdjustmentReason, string> = {
  COUNT: ACCOUNT.INVENTORY_ADJUSTMENTS,
  DAMAGE: ACCOUNT.INVENTORY_WRITE_OFFS,
  OPENING: ACCOUNT.CAPITAL,
};

/**
 * Stock put right by hand, valued at the product's unit cost: opening stock enters
 * inventory against the owner's capital (as an opening balance does), damaged goods
 * leave it as a write-off, and a count that differs from the books moves inventory
 * against the adjustments account (a shortfall debits it, a surplus credits it).
 */
export function stockAdjustmentPosting(adjustment: {
  movementId: string;
  reason: StockAdjustmentReason;
  /** Signed: positive adds to stock. */
  quantity: Decimal;
  unitCost: Decimal;
  description: string;
  date: Date;
}): Posting {
  const value = round2(adjustment.quantity.abs().mul(adjustment.unitCost));
  const against = ADJUSTED_AGAINST[adjustment.reason];
  return {
    date: adjustment.date,
    description: adjustment.description,
    source: 'stock',
    sourceId: adjustment.movementId,
    lines: adjustment.quantity.isPos() ? [debit(ACCOUNT.INVENTORY, value), credit(against, value)] : [debit(against, value), credit(ACCOUNT.INVENTORY, value)],
  };
}
