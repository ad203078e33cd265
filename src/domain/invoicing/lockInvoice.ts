// Issuing, paying and voiding an invoice each start by locking its row, so they
// happen one after another per invoice: two payments arriving together are checked
// against each other's amounts, and a payment cannot slip past a void.
import { notFound } from '../../errors';
import { tenantTable } from '../../db/tenantClient';
import { Prisma } from '../../generated/tenant/client';
import type { Tx } from '../transaction';

export async function lockInvoice(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`SELECT id FROM ${tenantTable('Invoice')} WHERE id = ${id} FOR UPDATE`);
  if (locked.length === 0) throw notFound('invoice');
  return tx.invoice.findUniqueOrThrow({ where: { id } });
}
