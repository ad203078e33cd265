// The tenant events that name a customer: the outbox and analytics rows (TenantEvent)
// whose payload holds the customer's id anywhere. Domain events about the customer's
// rows carry it (a customer's own, an invoice's or order's `customerId`, a deployment
// model's row that refers to them), and a client tracking an event about a customer
// names them so as well.
import { ownRows, tenantTable } from '../../db/tenantClient';
import type { Tx } from '../../domain/transaction';
import { Prisma } from '../../generated/tenant/client';

/** The ids of the events naming customer `id`, oldest first. */
export async function eventsNaming(tx: Tx, id: string): Promise<string[]> {
  // The payload as text on both engines: CONCAT turns PostgreSQL's jsonb into its text
  // and leaves MySQL's JSON text as it is. A UUID has no LIKE wildcard in it, and is
  // unlikely enough to occur by chance that holding it is naming the customer. Every
  // event is read: a rare request, on a table the event retention keeps bounded.
  const rows = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
    SELECT e.id FROM ${tenantTable('TenantEvent')} e
    WHERE ${ownRows('e')} AND CONCAT(e.payload, '') LIKE ${`%${id}%`}
    ORDER BY e.id`);
  return rows.map((row) => row.id);
}
