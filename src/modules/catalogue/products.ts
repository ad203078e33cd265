import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { recordTenantEvent } from '../../domain/tenantEvents';
import { inTransaction } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import { ProductKind } from '../../generated/tenant/enums';
import { canonicalLocale } from '../../tenancy/localization';
import { imageUrls, tags, translations, type Translation } from './listingFields';
import { productObject } from './productObject';

const money = z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be a non-negative amount with at most 2 decimals');

const ProductFields = z.object({
  sku: z.string().trim().min(1, 'is required').check(fitsColumn('Product', 'sku', 64)),
  name: z.string().trim().min(1, 'is required').check(fitsColumn('Product', 'name')),
  description: z.string().check(fitsColumn('Product', 'description', 2000)).nullish(),
  kind: z.enum(ProductKind),
  categoryId: z.uuid('is not a valid ID').nullish(),
  price: money,
  cost: money.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
  unit: z.string().refine((u) => u === 'pc' || u === 'g', 'must be "pc" (pieces) or "g" (grams)').optional(),
  trackStock: z.boolean().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  translations: translations.optional(),
  tags: tags.optional(),
  imageUrls: imageUrls.optional(),
});

export type ProductInput = z.input<typeof ProductFields>;

/** The tenant a product belongs to, as far as its fields depend on it. */
export interface ProductTenant {
  currency: string;
  locale: string;
}

// The product's own name is in the tenant's locale: a translation into it would never be shown.
function refuseOwnLocale(list: Translation[] | undefined, tenantLocale: string): void {
  const own = canonicalLocale(tenantLocale) ?? tenantLocale;
  const index = list?.findIndex((translation) => translation.locale === own) ?? -1;
  if (index < 0) return;
  const field = `translations.${index}.locale`;
  throw badInput(`${field}: ${own} is the tenant's own locale: set the product's name and description instead`, { field });
}

export async function createProduct(db: TenantDb, tenant: ProductTenant, input: ProductInput) {
  const data = parseInput(ProductFields, input);
  refuseOwnLocale(data.translations, tenant.locale);
  return inTransaction(db, async (tx) => {
    const product = await tx.product.create({
      data: {
        ...data,
        currency: data.currency ?? tenant.currency,
        // A service (an hour of consulting) has no stock to run out of, unless asked to.
        trackStock: data.trackStock ?? data.kind !== 'SERVICE',
        attributes: (data.attributes ?? {}) as object,
      },
    });
    await recordTenantEvent(tx, 'product.created', productObject(product));
    return product;
  });
}

export async function updateProduct(db: TenantDb, tenant: ProductTenant, id: string, input: Partial<ProductInput>) {
  const data = parseInput(ProductFields.partial(), input);
  refuseOwnLocale(data.translations, tenant.locale);
  return inTransaction(db, async (tx) => {
    const exists = await tx.product.findUnique({ where: { id }, select: { id: true } });
    if (!exists) throw notFound('product');
    const product = await tx.product.update({ where: { id }, data: { ...data, ...(data.attributes ? { attributes: data.attributes as object } : {}) } });
    await recordTenantEvent(tx, 'product.updated', productObject(product));
    return product;
  });
}

/** Deletes a product no invoice, stock movement or bill of materials refers to (those refuse it: BAD_USER_INPUT). */
export async function deleteProduct(db: TenantDb, id: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({ where: { id } });
    if (!product) throw notFound('product');
    await tx.product.delete({ where: { id } });
    await recordTenantEvent(tx, 'product.deleted', productObject(product));
    return true;
  });
}
