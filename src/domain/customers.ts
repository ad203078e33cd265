import { z } from 'zod';
import type { TenantDb } from '../db/tenantClient';
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

export function createCustomer(db: TenantDb, input: CustomerInput) {
  return db.customer.create({ data: parseInput(CustomerFields, input) });
}
