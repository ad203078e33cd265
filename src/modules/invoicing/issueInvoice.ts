// DRAFT -> ISSUED: the invoice reaches the books and the stock, all or nothing.
import type { TenantDb } from '../../db/tenantClient';
import { eventObject, recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction } from '../../domain/transaction';
import { badInput } from '../../errors';
import { postEntry, withoutZeroLines } from '../books/postEntry';
import { issuePosting } from './invoicePostings';
import { lockInvoice } from './lockInvoice';
import { moveStock, negativeStockAllowed } from './moveStock';

export async function issueInvoice(db: TenantDb, id: string) {
  return inTransaction(db, async (tx) => {
    const invoice = await lockInvoice(tx, id);
    if (invoice.status !== 'DRAFT') throw badInput(`invoice ${invoice.number} is ${invoice.status}: only a DRAFT can be issued`);
    const items = await tx.invoiceItem.findMany({
      where: { invoiceId: id },
      include: { product: { select: { id: true, cost: true, trackStock: true } } },
    });
    const { posting, movements } = issuePosting(
      invoice,
      items.map((item) => ({ ...item, stocked: item.product?.trackStock ? item.product : null })),
    );
    await moveStock(tx, movements, await negativeStockAllowed(tx));
    const entry = withoutZeroLines(posting);
    if (entry) await postEntry(tx, entry);
    // Nothing to settle (free goods, or a trade-in worth exactly the sale): settled on issue.
    const status = invoice.total.isZero() ? 'PAID' : 'ISSUED';
    const issued = await tx.invoice.update({ where: { id }, data: { status, issuedAt: new Date() } });
    await recordTenantEvent(tx, 'invoice.issued', eventObject(issued));
    if (status === 'PAID') await recordTenantEvent(tx, 'invoice.paid', eventObject(issued));
    return issued;
  });
}
