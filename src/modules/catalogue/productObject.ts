// A product as the API shows it, JSON-safe, for the events that report its changes:
// decimals as strings (as the Decimal scalar prints them), times as ISO 8601.
import type { Prisma, Product } from '../../generated/tenant/client';

export function productObject(product: Product): Prisma.InputJsonObject {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    kind: product.kind,
    categoryId: product.categoryId,
    price: product.price.toString(),
    cost: product.cost.toString(),
    currency: product.currency,
    unit: product.unit,
    stock: product.stock.toString(),
    trackStock: product.trackStock,
    attributes: product.attributes as Prisma.InputJsonValue,
    translations: product.translations as Prisma.InputJsonValue,
    tags: product.tags as Prisma.InputJsonValue,
    imageUrls: product.imageUrls as Prisma.InputJsonValue,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
