// Stock held for pending orders. A reservation moves nothing: it raises the product's
// `reserved`, so what can still be ordered is stock - reserved, and the sale invoice
// issued when the order is paid moves the stock as every invoice does. The UPDATE
// locks the product row (in id order, as moveStock does), so two orders for the last
// hoodie cannot both get it.
import { ZERO, type Decimal } from '../../domain/money';
import type { Tx } from '../../domain/transaction';
import { badInput } from '../../errors';

export interface Reservation {
  productId: string;
  quantity: Decimal;
  /** The input field refused when there is not enough: "items.2.quantity". */
  field: string;
}

function byProduct(reservations: Reservation[]) {
  const totals = new Map<string, { quantity: Decimal; field: string }>();
  for (const r of reservations) {
    const known = totals.get(r.productId);
    totals.set(r.productId, { quantity: (known?.quantity ?? ZERO).add(r.quantity), field: known?.field ?? r.field });
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

/** Holds the quantities; beyond what is available, BAD_USER_INPUT unless negative stock is allowed. */
export async function reserveStock(tx: Tx, reservations: Reservation[], allowNegative: boolean): Promise<void> {
  for (const [productId, { quantity, field }] of byProduct(reservations)) {
    const product = await tx.product.update({
      where: { id: productId },
      data: { reserved: { increment: quantity } },
      select: { sku: true, name: true, stock: true, reserved: true },
    });
    if (!allowNegative && product.reserved.gt(product.stock)) {
      const available = product.stock.sub(product.reserved).add(quantity);
      throw badInput(`not enough stock of ${product.sku} (${product.name}): ${available.toFixed()} available, ${quantity.toFixed()} ordered`, {
        field,
        productId,
        sku: product.sku,
      });
    }
  }
}

/** Gives held quantities back (the order was paid, so its invoice took the stock, or it was cancelled). */
export async function releaseStock(tx: Tx, reservations: Array<Omit<Reservation, 'field'>>): Promise<void> {
  for (const [productId, { quantity }] of byProduct(reservations.map((r) => ({ ...r, field: '' })))) {
    await tx.product.update({ where: { id: productId }, data: { reserved: { decrement: quantity } } });
  }
}
