import { z } from 'zod';
import type { TenantDb } from '../db/tenantClient';
import type { Customer } from '../generated/tenant/client';
import { ErrorCode, gatewayError, notFound } from '../errors';
import { recordTenantEvent } from './tenantEvents';
import { inTransaction } from './transaction';
import { fitsColumn, parseInput } from './validate';

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

const DOCUMENTS = { invoices: 'invoice', orders: 'order', journalLines: 'journal line' } as const;

/**
 * Deletes a customer no document refers to. Invoices, orders and the books keep who
 * they were for, so a customer they name is refused with CONFLICT, saying how many of
 * each refer to it (`extensions.referencedBy`).
 */
export function deleteCustomer(db: TenantDb, id: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id }, include: { _count: { select: { invoices: true, orders: true, journalLines: true } } } });
    if (!customer) throw notFound('customer');
    const referencedBy = customer._count;
    const named = (Object.keys(DOCUMENTS) as Array<keyof typeof DOCUMENTS>)
      .filter((kind) => referencedBy[kind] > 0)
      .map((kind) => `${referencedBy[kind]} ${DOCUMENTS[kind]}${referencedBy[kind] === 1 ? '' : 's'}`);
    if (named.length > 0) {
      throw gatewayError(ErrorCode.CONFLICT, `customer ${customer.name} cannot be deleted: referred to by ${named.join(', ')}`, { referencedBy });
    }
    await tx.customer.delete({ where: { id } });
    await recordTenantEvent(tx, 'customer.deleted', customerObject(customer));
    return true;
  });
}
