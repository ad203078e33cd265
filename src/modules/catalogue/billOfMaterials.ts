// A product's bill of materials: what assembling one of it consumes. A product may
// not (even through other assemblies) be made of itself.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { positiveQuantity } from '../../domain/money';
import { inTransaction } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';

const Components = z
  .array(z.object({ componentId: z.uuid('is not a valid ID'), quantity: positiveQuantity }))
  .max(100, 'at most 100 components')
  .refine((list) => new Set(list.map((c) => c.componentId)).size === list.length, 'a component may be listed once');

export type ComponentsInput = z.input<typeof Components>;

/** Whether `from` reaches `to` following "is made of" edges. */
function reaches(edges: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === to) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(edges.get(current) ?? []));
  }
  return false;
}

/** Replaces the product's components with `input` (an empty list removes them all). */
export async function setProductComponents(db: TenantDb, productId: string, input: ComponentsInput) {
  const components = parseInput(Components, input);
  return inTransaction(db, async (tx) => {
    const ids = [productId, ...components.map((c) => c.componentId)];
    const found = new Set((await tx.product.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id));
    if (!found.has(productId)) throw notFound('product');
    components.forEach((c, i) => {
      if (!found.has(c.componentId)) throw notFound(`product ${c.componentId}`);
      if (c.componentId === productId) throw badInput('a product cannot be a component of itself', { field: `components.${i}.componentId` });
    });
    const edges = new Map<string, string[]>();
    for (const row of await tx.bomComponent.findMany({ where: { productId: { not: productId } }, select: { productId: true, componentId: true } })) {
      edges.set(row.productId, [...(edges.get(row.productId) ?? []), row.componentId]);
    }
    components.forEach((c, i) => {
      if (reaches(edges, c.componentId, productId)) {
        throw badInput('that component is itself made from this product', { field: `components.${i}.componentId` });
      }
    });
    await tx.bomComponent.deleteMany({ where: { productId } });
    await tx.bomComponent.createMany({ data: components.map((c) => ({ productId, componentId: c.componentId, quantity: c.quantity })) });
    return tx.product.findUniqueOrThrow({ where: { id: productId } });
  });
}
