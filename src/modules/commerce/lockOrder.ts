// Paying, fulfilling, cancelling and refunding an order each start by locking its row,
// so they happen one after another per order: a refund cannot slip past a cancel, nor
// two payments both issue an invoice.
import { lockRow } from '../../domain/lockRow';
import type { Tx } from '../../domain/transaction';

/** An order with what its rules read: its lines (with their products' names) and its discount's code. */
export const ORDER_DETAILS = {
  items: { orderBy: { position: 'asc' }, include: { product: { select: { name: true } } } },
  discount: { select: { code: true } },
} as const;

export async function lockOrder(tx: Tx, id: string) {
  await lockRow(tx, 'Order', id, 'order');
  return tx.order.findUniqueOrThrow({ where: { id }, include: ORDER_DETAILS });
}
