// Stock put right by hand: what a count found on the shelf, goods damaged and written
// off, or the stock a product starts with. Each is an ADJUSTMENT movement (damage
// under the negative-stock rule of a sale) and a journal entry of its value at the
// product's unit cost (invoicePostings.ts), with its stock.adjusted event, in one
// transaction. The product's row is locked first, so a count is set against the stock
// that is there when it is applied, not one a sale changed meanwhile.
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { lockRow } from '../../domain/lockRow';
import { ZERO, quantity, type Decimal } from '../../domain/money';
import { eventObject, recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { badInput } from '../../errors';
import { ensureDefaultAccounts } from '../books/defaultAccounts';
import { postEntry, withoutZeroLines } from '../books/postEntry';
import { STOCK_ADJUSTMENT_REASONS, stockAdjustmentPosting, type StockAdjustmentReason } from './invoicePostings';
import { moveStock, negativeStockAllowed } from './moveStock';

const Adjustment = z.object({
  reason: z.enum(STOCK_ADJUSTMENT_REASONS),
  quantity,
  note: z.string().trim().max(500).nullish(),
});

export type StockAdjustmentInput = z.input<typeof Adjustment>;

function describe(reason: StockAdjustmentReason, sku: string, quantity: Decimal, onHand: Decimal): string {
  if (reason === 'COUNT') return `stock count of ${sku}: ${quantity.toFixed()} counted, ${onHand.toFixed()} on the books`;
  if (reason === 'DAMAGE') return `${quantity.toFixed()} of ${sku} written off as damaged`;
  return `opening stock of ${sku}: ${quantity.toFixed()}`;
}

/**
 * `quantity` is what a bookkeeper has in hand: for COUNT the quantity counted (the
 * difference from the books is what moves, and nothing does when they agree), for
 * DAMAGE the quantity written off, for OPENING the quantity brought in.
 */
export async function adjustStock(db: TenantDb, locale: string, productId: string, input: StockAdjustmentInput) {
  const { reason, quantity: given, note } = parseInput(Adjustment, input);
  // A count may find none; damage and opening stock are of something.
  if (reason !== 'COUNT' && given.isZero()) throw badInput('quantity: must be more than zero', { field: 'quantity' });
  return inTransaction(db, async (tx) => {
    await lockRow(tx, 'Product', productId, 'product');
    const product = await tx.product.findUniqueOrThrow({ where: { id: productId } });
    if (!product.trackStock) throw badInput(`${product.sku} does not track stock`, { field: 'productId' });
    const change = reason === 'COUNT' ? given.sub(product.stock) : reason === 'DAMAGE' ? given.neg() : given;
    if (change.isZero()) return { product, movement: null, journalEntry: null };

    const description = [describe(reason, product.sku, given, product.stock), note].filter(Boolean).join(': ');
    const movementId = uuidv7();
    await moveStock(tx, [{ id: movementId, productId, quantity: change, type: 'ADJUSTMENT', note: description }], await negativeStockAllowed(tx));
    const posting = withoutZeroLines(stockAdjustmentPosting({ movementId, reason, quantity: change, unitCost: product.cost, description, date: new Date() }));
    if (posting) await ensureDefaultAccounts(tx, locale, [...new Set(posting.lines.map((line) => line.account))]);
    const journalEntry = posting ? await postEntry(tx, posting) : null;

    const adjusted = await tx.product.findUniqueOrThrow({ where: { id: productId } });
    const movement = await tx.stockMovement.findUniqueOrThrow({ where: { id: movementId } });
    await recordTenantEvent(
      tx,
      'stock.adjusted',
      eventObject({
        reason,
        product: { id: product.id, sku: product.sku },
        quantity: change,
        onHand: adjusted.stock,
        value: posting?.lines[0].debit ?? ZERO, // both lines of the entry carry the value
        note: note ?? null,
        movementId,
        journalEntryId: journalEntry?.id ?? null,
      }),
    );
    return { product: adjusted, movement, journalEntry };
  });
}
