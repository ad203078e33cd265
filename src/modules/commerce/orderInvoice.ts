// The sale invoice of a paid order: the order's lines at the order's prices, and its
// discount as a line of its own (no product, a negative price), all taxed at the rate
// the order was priced with, so the invoice's total is the order's to the cent.
import { Decimal } from '../../domain/money';
import { nextNumber } from '../../domain/numbering';
import { defaultSettings, readSetting } from '../../domain/settings';
import type { Tx } from '../../domain/transaction';
import type { Order, OrderItem, Prisma, Product } from '../../generated/tenant/client';
import { lineAmounts } from '../invoicing/invoices';

type PricedOrder = Order & { items: Array<OrderItem & { product: Pick<Product, 'name'> }>; discount: { code: string } | null };

export async function createOrderInvoice(tx: Tx, order: PricedOrder, locale: string) {
  const defaults = defaultSettings(locale);
  const { taxRate } = order;
  const items: Prisma.InvoiceItemCreateWithoutInvoiceInput[] = order.items.map((item, position) => ({
    product: { connect: { id: item.productId } },
    description: item.product.name,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    taxRate,
    position,
    ...lineAmounts(item.quantity, item.unitPrice, taxRate),
  }));
  if (!order.discountTotal.isZero()) {
    items.push({
      description: `discount ${order.discount?.code ?? ''}`.trim(),
      quantity: new Decimal(1),
      unitPrice: order.discountTotal.neg(),
      taxRate,
      position: items.length,
      ...lineAmounts(1, order.discountTotal.neg(), taxRate),
    });
  }
  return tx.invoice.create({
    data: {
      number: await nextNumber(tx, 'invoice', await readSetting(tx, 'invoice.prefix', defaults['invoice.prefix'])),
      kind: 'SALE',
      customerId: order.customerId,
      currency: order.currency,
      subtotal: order.subtotal.sub(order.discountTotal),
      taxTotal: order.taxTotal,
      total: order.total,
      notes: `order ${order.number}`,
      items: { create: items },
    },
  });
}
