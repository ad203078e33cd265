import { z } from 'zod';
import type { TenantDb } from '../db/tenantClient';
import type { Customer } from '../generated/tenant/client';
import { recordTenantEvent } from './tenantEvents';
import { inTransaction } from './transaction';
import { parseInput } from './validate';

const CustomerFields = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be an email address').nullish(),
  phone: z.string().trim().max(40).nullish(),
  address: z.string().trim().max(500).nullish(),
  nationalId: z.string().trim().max(40).nullish(),
  notes: z.string().max(2000).nullish(),
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
