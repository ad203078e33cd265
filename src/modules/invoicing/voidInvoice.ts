// Voiding undoes everything an invoice caused: each journal entry of the invoice and
// of its payments is reversed (a paid invoice is voided as cancelled and refunded),
// and each stock movement is matched by a REVERSAL. Nothing is deleted: the books
// show the sale and its undoing, each on its own date.
import type { TenantDb } from '../../db/tenantClient';
import { eventObject, recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction } from '../../domain/transaction';
import { badInput } from '../../errors';
import { REVERSIBLE, reverseEntry } from '../books/reverseEntry';
import { lockInvoice } from './lockInvoice';
import { moveStock, negativeStockAllowed } from './moveStock';

export async function voidInvoice(db: TenantDb, id: string) {
  return inTransaction(db, async (tx) => {
    const invoice = await lockInvoice(tx, id);
    if (invoice.status === 'VOID') throw badInput(`invoice ${invoice.number} is already void`);
    const payments = await tx.payment.findMany({ where: { invoiceId: id }, select: { id: true } });
    const entries = await tx.journalEntry.findMany({
      where: {
        OR: [
          { sourceType: 'invoice', sourceId: id },
          { sourceType: 'payment', sourceId: { in: payments.map((p) => p.id) } },
        ],
        reversesId: null,
      },
      include: REVERSIBLE,
      orderBy: { number: 'desc' },
    });
    const voidedAt = new Date();
    for (const entry of entries) {
      await reverseEntry(tx, entry, `void of invoice ${invoice.number} (reverses entry #${entry.number})`, voidedAt);
    }
    const movements = await tx.stockMovement.findMany({ where: { invoiceId: id, type: { not: 'REVERSAL' } } });
    await moveStock(
      tx,
      movements.map((m) => ({ productId: m.productId, quantity: m.quantity.neg(), type: 'REVERSAL', invoiceId: id, note: `void of invoice ${invoice.number}` })),
      await negativeStockAllowed(tx),
    );
    const voided = await tx.invoice.update({ where: { id }, data: { status: 'VOID', voidedAt } });
    await recordTenantEvent(tx, 'invoice.voided', eventObject(voided));
    return voided;
  });
}
