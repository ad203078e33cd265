import { z } from 'zod';
import type { TenantDb } from '../db/tenantClient';
import type { Customer } from '../generated/tenant/client';
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
