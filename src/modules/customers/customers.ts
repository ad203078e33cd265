import { z } from 'zod';
import { ownRows, tenantTable, type TenantDb } from '../../db/tenantClient';
import { recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction, type Tx } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { ErrorCode, gatewayError, notFound } from '../../errors';
import { Prisma, type Customer } from '../../generated/tenant/client';
import { modelNamed } from '../../model/tenantModel';

const CustomerFields = z.object({
  name: z.string().trim().min(1, 'is required').check(fitsColumn('Customer', 'name')),
  email: z.email('must be an email address').check(fitsColumn('Customer', 'email')).nullish(),
  phone: z.string().trim().check(fitsColumn('Customer', 'phone', 40)).nullish(),
  address: z.string().trim().check(fitsColumn('Customer', 'address', 500)).nullish(),
  nationalId: z.string().trim().check(fitsColumn('Customer', 'nationalId', 40)).nullish(),
  notes: z.string().check(fitsColumn('Customer', 'notes', 2000)).nullish(),
});

export type CustomerInput = z.input<typeof CustomerFields>;

/** A customer as the API shows it, JSON-safe (for events). */
export const customerObject = ({ id, name, email, phone, address, nationalId, notes, createdAt }: Customer) => ({
  id,
  name,
  email,
  phone,
  address,
  nationalId,
  notes,
  createdAt: createdAt.toISOString(),
});

/**
 * Locks customer `id` to the end of the transaction (NOT_FOUND when there is none) and
 * answers when it was erased, read by the locking statement itself: that is the last
 * committed value on either engine, whatever the transaction read before (a plain read
 * on MySQL sees the transaction's first snapshot). So an erasure and a change or a new
 * document naming the customer happen one after the other, and the second sees the first.
 */
export async function lockCustomer(tx: Tx, id: string): Promise<{ erasedAt: Date | null }> {
  const [locked] = await tx.$queryRaw<Array<{ erasedAt: Date | null }>>(
    Prisma.sql`SELECT "erasedAt" FROM ${tenantTable('Customer')} c WHERE ${ownRows('c')} AND id = ${id} FOR UPDATE`,
  );
  if (!locked) throw notFound('customer');
  return locked;
}

/** CONFLICT once customer `id` is erased: an erased customer takes no new data, nor a second erasure. */
export function refuseErased(id: string, { erasedAt }: { erasedAt: Date | null }): void {
  if (erasedAt) throw gatewayError(ErrorCode.CONFLICT, `customer ${id} was already erased at ${erasedAt.toISOString()}`, { erasedAt: erasedAt.toISOString() });
}

/** The check of a new document (an invoice, an order) naming customer `id`: it exists and is not erased, and stays so until the document is written. */
export async function customerForDocument(tx: Tx, id: string): Promise<void> {
  refuseErased(id, await lockCustomer(tx, id));
}

/** The customer and its `customer.created` event, in one transaction. */
export function createCustomer(db: TenantDb, input: CustomerInput) {
  const data = parseInput(CustomerFields, input);
  return inTransaction(db, async (tx) => {
    const customer = await tx.customer.create({ data });
    await recordTenantEvent(tx, 'customer.created', customerObject(customer));
    return customer;
  });
}

/** Changes the fields given (null clears an optional one); the others stay as they are. An erased customer is refused: its personal data is not to come back. */
export function updateCustomer(db: TenantDb, id: string, input: Partial<CustomerInput>) {
  const data = parseInput(CustomerFields.partial(), input);
  return inTransaction(db, async (tx) => {
    refuseErased(id, await lockCustomer(tx, id));
    const customer = await tx.customer.update({ where: { id }, data });
    await recordTenantEvent(tx, 'customer.updated', customerObject(customer));
    return customer;
  });
}

// What other modules keep that names a customer, in the order a refusal lists them: the
// back relations their models give Customer. A build without those modules has fewer
// (and its Prisma Client knows only those it has, hence the loose type of the count).
const DOCUMENTS = Object.entries({ invoices: 'invoice', orders: 'order', journalLines: 'journal line', bookings: 'booking', creditTransactions: 'credit transaction' }).filter(([relation]) =>
  modelNamed('Customer').relations.some((r) => r.name === relation),
);

type CountingCustomers = { findUnique(args: object): Promise<(Customer & { _count?: Record<string, number> }) | null> };

/**
 * Deletes a customer no document refers to. Invoices, orders, bookings and the books keep who
 * they were for, so a customer they name is refused with CONFLICT, saying how many of
 * each refer to it (`extensions.referencedBy`).
 */
export function deleteCustomer(db: TenantDb, id: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const count = DOCUMENTS.length ? { _count: { select: Object.fromEntries(DOCUMENTS.map(([relation]) => [relation, true])) } } : {};
    const customer = await (tx.customer as unknown as CountingCustomers).findUnique({ where: { id }, include: count });
    if (!customer) throw notFound('customer');
    const referencedBy = customer._count ?? {};
    const named = DOCUMENTS.filter(([relation]) => referencedBy[relation] > 0).map(
      ([relation, noun]) => `${referencedBy[relation]} ${noun}${referencedBy[relation] === 1 ? '' : 's'}`,
    );
    if (named.length > 0) {
      throw gatewayError(ErrorCode.CONFLICT, `customer ${customer.name} cannot be deleted: referred to by ${named.join(', ')}`, { referencedBy });
    }
    await tx.customer.delete({ where: { id } });
    await recordTenantEvent(tx, 'customer.deleted', customerObject(customer));
    return true;
  });
}
