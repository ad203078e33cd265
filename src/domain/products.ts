import { z } from 'zod';
import type { TenantDb } from '../db/tenantClient';
import { ProductKind } from '../generated/tenant/enums';
import { notFound } from '../errors';
import { parseInput } from './validate';

const money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be a non-negative amount with at most 2 decimals');

const ProductFields = z.object({
  sku: z.string().trim().min(1, 'is required').max(64),
  name: z.string().trim().min(1, 'is required').max(200),
  description: z.string().max(2000).nullish(),
  kind: z.enum(ProductKind),
  categoryId: z.uuid('is not a valid ID').nullish(),
  price: money,
  cost: money.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
  unit: z.string().refine((u) => u === 'pc' || u === 'g', 'must be "pc" (pieces) or "g" (grams)').optional(),
  trackStock: z.boolean().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export type ProductInput = z.input<typeof ProductFields>;

export async function createProduct(db: TenantDb, defaultCurrency: string, input: ProductInput) {
  const data = parseInput(ProductFields, input);
  return db.product.create({
    data: { ...data, currency: data.currency ?? defaultCurrency, attributes: (data.attributes ?? {}) as object },
  });
}

export async function updateProduct(db: TenantDb, id: string, input: Partial<ProductInput>) {
  const data = parseInput(ProductFields.partial(), input);
  const exists = await db.product.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound('product');
  return db.product.update({ where: { id }, data: { ...data, ...(data.attributes ? { attributes: data.attributes as object } : {}) } });
}

export async function deleteProduct(db: TenantDb, id: string): Promise<boolean> {
  const { count } = await db.product.deleteMany({ where: { id } });
  if (count === 0) throw notFound('product');
  return true;
}
