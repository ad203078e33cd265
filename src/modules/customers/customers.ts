import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { ErrorCode, gatewayError, notFound } from '../../errors';
import type { Customer } from '../../generated/tenant/client';
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

/** The customer and its `customer.created` event, in one transaction. */
export function createCustomer(db: TenantDb, input: CustomerInput) {
  const data = parseInput(CustomerFields, input);
  return inTransaction(db, async (tx) => {
    const customer = await tx.customer.create({ data });
    await recordTenantEvent(tx, 'customer.created', customerObject(customer));
    return customer;
  });
}

/** Changes the fields given (null clears an optional one); the others stay as they are. */
export function updateCustomer(db: TenantDb, id: string, input: Partial<CustomerInput>) {
  const data = parseInput(CustomerFields.partial(), input);
  return inTransaction(db, async (tx) => {
    if (!(await tx.customer.findUnique({ where: { id }, select: { id: true } }))) throw notFound('customer');
    const customer = await tx.customer.update({ where: { id }, data });
    await recordTenantEvent(tx, 'customer.updated', customerObject(customer));
    return customer;
  });
}

// What other modules keep that names a customer, in the order a refusal lists them: the
// back relations their models give Customer. A build without those modules has fewer
// (and its Prisma Client knows only those it has, hence the loose type of the count).
const DOCUMENTS = Object.entries({ invoices: 'invoice', orders: 'order', journalLines: 'journal line' }).filter(([relation]) =>
  modelNamed('Customer').relations.some((r) => r.name === relation),
);

type CountingCustomers = { findUnique(args: object): Promise<(Customer & { _count?: Record<string, number> }) | null> };

/**
 * Deletes a customer no document refers to. Invoices, orders and the books keep who
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
