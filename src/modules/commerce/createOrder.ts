// Taking an order: the server prices it (the products' prices, the discount code,
// the tenant's tax rate), holds its stock and numbers it, in one transaction. A
// client sends products and quantities, never amounts.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { ZERO, positiveQuantity, sum, type Decimal, type DecimalValue } from '../../domain/money';
import { nextNumber } from '../../domain/numbering';
import { defaultSettings, readSetting } from '../../domain/settings';
import { recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction, type Tx } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput } from '../../errors';
import { customerForDocument } from '../customers/customers';
import { lineAmounts, storable } from '../invoicing/invoices';
import { negativeStockAllowed } from '../invoicing/moveStock';
import { discountAmount, redeemDiscount } from './discounts';
import { orderEventObject } from './orderEventObject';
import { reserveStock } from './reserveStock';

const address = (field: 'shippingAddress' | 'billingAddress') => z.string().trim().check(fitsColumn('Order', field, 500)).nullish();

const OrderInput = z
  .object({
    customerId: z.uuid('is not a valid ID').nullish(),
    customer: z
      .object({
        name: z.string().trim().min(1, 'is required').check(fitsColumn('Customer', 'name')),
        email: z.email('must be an email address').check(fitsColumn('Customer', 'email')).nullish(),
      })
      .nullish(),
    items: z
      .array(z.object({ productId: z.uuid('is not a valid ID'), quantity: positiveQuantity }))
      .min(1, 'an order needs at least one item')
      .max(200),
    discountCode: z.string().trim().min(1).max(40).nullish(),
    shippingAddress: address('shippingAddress'),
    billingAddress: address('billingAddress'),
    notes: z.string().check(fitsColumn('Order', 'notes', 2000)).nullish(),
  })
  .refine((o) => !o.customerId !== !o.customer, { message: 'give either customerId or customer', path: ['customerId'] });

export type OrderInput = z.input<typeof OrderInput>;

/** The order's amounts; the discount is a line of its own, taxed at the same rate, so the sale invoice adds up to the order. */
export function orderAmounts(lines: Array<{ quantity: DecimalValue; unitPrice: DecimalValue }>, discount: Decimal, taxRate: string) {
  const priced = lines.map((line) => lineAmounts(line.quantity, line.unitPrice, taxRate));
  const discountLine = lineAmounts(1, discount.neg(), taxRate);
  const subtotal = sum(priced.map((l) => l.lineTotal));
  const taxTotal = sum([...priced, discountLine].map((l) => l.taxAmount));
  return { priced, subtotal, discountTotal: discount, taxTotal, total: subtotal.sub(discount).add(taxTotal) };
}

async function orderCustomer(tx: Tx, data: z.output<typeof OrderInput>) {
  if (data.customer) return (await tx.customer.create({ data: { name: data.customer.name, email: data.customer.email ?? null } })).id;
  await customerForDocument(tx, data.customerId!);
  return data.customerId!;
}

export async function createOrder(db: TenantDb, currency: string, locale: string, input: OrderInput) {
  const data = parseInput(OrderInput, input);
  return inTransaction(db, async (tx) => {
    const customerId = await orderCustomer(tx, data);
    const products = new Map((await tx.product.findMany({ where: { id: { in: data.items.map((i) => i.productId) } } })).map((p) => [p.id, p]));
    const lines = data.items.map((item, i) => {
      const product = products.get(item.productId);
      if (!product) throw badInput(`no product ${item.productId}`, { field: `items.${i}.productId` });
      return { product, quantity: item.quantity, unitPrice: product.price };
    });
    const subtotal = sum(lines.map((l) => lineAmounts(l.quantity, l.unitPrice, 0).lineTotal));
    const discount = data.discountCode ? await redeemDiscount(tx, data.discountCode, new Date()) : null;
    const taxRate = await readSetting(tx, 'invoice.taxRate', defaultSettings(locale)['invoice.taxRate']);
    const amounts = orderAmounts(lines, discount ? discountAmount(discount, subtotal) : ZERO, taxRate);
    if (![...amounts.priced.map((l) => l.lineTotal), amounts.subtotal, amounts.total].every(storable)) {
      throw badInput('the order comes to more than an amount can hold (16 digits)', { field: 'items' });
    }

    await reserveStock(
      tx,
      lines.flatMap((l, i) => (l.product.trackStock ? [{ productId: l.product.id, quantity: l.quantity, field: `items.${i}.quantity` }] : [])),
      await negativeStockAllowed(tx),
    );
    const order = await tx.order.create({
      data: {
        number: await nextNumber(tx, 'order', 'ORD'),
        customerId,
        discountId: discount?.id ?? null,
        currency,
        subtotal: amounts.subtotal,
        discountTotal: amounts.discountTotal,
        taxRate,
        taxTotal: amounts.taxTotal,
        total: amounts.total,
        shippingAddress: data.shippingAddress ?? null,
        billingAddress: data.billingAddress ?? data.shippingAddress ?? null,
        notes: data.notes ?? null,
        items: {
          create: lines.map((l, position) => ({
            productId: l.product.id,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            lineTotal: amounts.priced[position].lineTotal,
            position,
          })),
        },
      },
      include: { items: true },
    });
    await recordTenantEvent(tx, 'order.created', orderEventObject(order));
    return order;
  });
}
