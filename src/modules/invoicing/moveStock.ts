// The one way stock changes: a movement row and the product's stock column move
// together, so stock always equals the sum of its movements. The UPDATE locks the
// product row, so two sales of the last ring cannot both see it on the shelf.
import { ZERO, type Decimal } from '../../domain/money';
import { readSetting } from '../../domain/settings';
import type { Tx } from '../../domain/transaction';
import { badInput } from '../../errors';
import type { StockMovementType } from '../../generated/tenant/enums';

export interface Movement {
  /** Given when the caller refers to the movement afterwards (a journal entry's source). */
  id?: string;
  productId: string;
  /** Signed: positive adds to stock. */
  quantity: Decimal;
  type: StockMovementType;
  invoiceId?: string | null;
  note?: string | null;
}

/** Whether this tenant lets stock go below zero (read inside the transaction that moves it). */
export const negativeStockAllowed = (tx: Tx) => readSetting(tx, 'stock.allowNegative', false);

/**
 * Applies movements in one transaction. Movements of one product are combined and
 * products are locked in id order, so concurrent invoices never deadlock.
 */
export async function moveStock(tx: Tx, movements: Movement[], allowNegative: boolean): Promise<void> {
  const byProduct = new Map<string, Decimal>();
  for (const m of movements) byProduct.set(m.productId, (byProduct.get(m.productId) ?? ZERO).add(m.quantity));
  for (const productId of [...byProduct.keys()].sort()) {
    const change = byProduct.get(productId)!;
    if (change.isZero()) continue;
    const product = await tx.product.update({
      where: { id: productId },
      data: { stock: { increment: change } },
      select: { sku: true, name: true, stock: true },
    });
    if (change.isNeg() && product.stock.isNeg() && !allowNegative) {
      const onHand = product.stock.sub(change);
      throw badInput(`not enough stock of ${product.sku} (${product.name}): ${onHand.toFixed()} on hand, ${change.neg().toFixed()} needed`, {
        field: 'stock',
        productId,
        sku: product.sku,
      });
    }
  }
  await tx.stockMovement.createMany({
    data: movements
      .filter((m) => !m.quantity.isZero())
      .map((m) => ({ id: m.id, productId: m.productId, quantity: m.quantity, type: m.type, invoiceId: m.invoiceId ?? null, note: m.note ?? null })),
  });
}
