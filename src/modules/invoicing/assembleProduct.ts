// Making products from their bill of materials: the components' stock goes down
// (ASSEMBLY_OUT) and the product's goes up (ASSEMBLY_IN) in one transaction, under the
// same negative-stock rule as a sale. Components whose stock is not tracked (labour,
// for instance) are part of the recipe but move nothing. Value stays within
// inventory, so assembling posts no journal entry.
import type { TenantDb } from '../../db/tenantClient';
import { positiveQuantity } from '../../domain/money';
import { inTransaction } from '../../domain/transaction';
import { parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import { moveStock, negativeStockAllowed, type Movement } from './moveStock';

export async function assembleProduct(db: TenantDb, productId: string, quantityInput: string) {
  const quantity = parseInput(positiveQuantity, quantityInput);
  return inTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({
      where: { id: productId },
      include: { components: { include: { component: { select: { trackStock: true } } } } },
    });
    if (!product) throw notFound('product');
    if (product.components.length === 0) throw badInput(`${product.sku} has no bill of materials`, { field: 'productId' });
    if (!product.trackStock) throw badInput(`${product.sku} does not track stock`, { field: 'productId' });
    const note = `assembly of ${quantity.toFixed()} ${product.sku}`;
    const movements: Movement[] = [
      ...product.components
        .filter((c) => c.component.trackStock)
        .map((c): Movement => ({ productId: c.componentId, quantity: c.quantity.mul(quantity).neg(), type: 'ASSEMBLY_OUT', note })),
      { productId, quantity, type: 'ASSEMBLY_IN', note },
    ];
    await moveStock(tx, movements, await negativeStockAllowed(tx));
    return tx.product.findUniqueOrThrow({ where: { id: productId } });
  });
}
