// Issuing, paying and voiding an invoice each start by locking its row, so they
// happen one after another per invoice: two payments arriving together are checked
// against each other's amounts, and a payment cannot slip past a void.
import { lockRow } from '../../domain/lockRow';
import type { Tx } from '../../domain/transaction';

export async function lockInvoice(tx: Tx, id: string) {
  await lockRow(tx, 'Invoice', id, 'invoice');
  return tx.invoice.findUniqueOrThrow({ where: { id } });
}
