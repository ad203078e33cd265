// A row locked to the end of the tenant transaction (SELECT ... FOR UPDATE, on either
// engine): the rules that read a row and then change it by what they read (paying an
// invoice, counting a product's stock) lock it first, so they happen one after another.
import { ownRows, tenantTable } from '../db/tenantClient';
import { Prisma } from '../generated/tenant/client';
import { notFound } from '../errors';
import type { Tx } from './transaction';

/** Locks the row of `table` with `id`, or throws NOT_FOUND naming `what`. */
export async function lockRow(tx: Tx, table: 'Invoice' | 'Order' | 'Product' | 'Provider' | 'Booking', id: string, what: string): Promise<void> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`SELECT id FROM ${tenantTable(table)} t WHERE ${ownRows('t')} AND id = ${id} FOR UPDATE`);
  if (locked.length === 0) throw notFound(what);
}
