// The category tree a shop files its products under. Every change of the tree takes
// one named lock, so two moves at once cannot make a loop (A under B while B goes
// under A) and a name is checked and written without another change in between.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { takeNamedLock } from '../../domain/namedLock';
import { inTransaction, type Tx } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';

const CategoryFields = z.object({
  name: z.string().trim().min(1, 'is required').check(fitsColumn('Category', 'name', 100)),
  parentId: z.uuid('is not a valid ID').nullish(),
});

export type CategoryInput = z.input<typeof CategoryFields>;

const TREE_LOCK = 'category-tree';

// Compared as the unique index compares names (case-insensitively on MySQL), so the answer is a clear error, not a constraint failure.
async function refuseTakenName(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const taken = await tx.category.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw badInput(`name: a category named "${name}" already exists`, { field: 'name' });
}

async function refuseMissingParent(tx: Tx, parentId: string): Promise<void> {
  if (!(await tx.category.findUnique({ where: { id: parentId }, select: { id: true } }))) throw badInput('parentId: no such category', { field: 'parentId' });
}

export async function createCategory(db: TenantDb, input: CategoryInput) {
  const data = parseInput(CategoryFields, input);
  return inTransaction(db, async (tx) => {
    await takeNamedLock(tx, TREE_LOCK);
    await refuseTakenName(tx, data.name);
    if (data.parentId) await refuseMissingParent(tx, data.parentId);
    return tx.category.create({ data: { name: data.name, parentId: data.parentId ?? null } });
  });
}

/** Renames or moves a category; `parentId: null` makes it a top-level one. */
export async function updateCategory(db: TenantDb, id: string, input: Partial<CategoryInput>) {
  const data = parseInput(CategoryFields.partial(), input);
  return inTransaction(db, async (tx) => {
    await takeNamedLock(tx, TREE_LOCK);
    if (!(await tx.category.findUnique({ where: { id }, select: { id: true } }))) throw notFound('category');
    if (data.name !== undefined) await refuseTakenName(tx, data.name, id);
    if (data.parentId) {
      await refuseMissingParent(tx, data.parentId);
      // Walk up from the new parent: meeting the category itself means it would sit under its own subtree.
      for (let at: string | null = data.parentId; at; at = (await tx.category.findUnique({ where: { id: at }, select: { parentId: true } }))?.parentId ?? null) {
        if (at === id) throw badInput('parentId: a category cannot be placed under itself or one of its subcategories', { field: 'parentId' });
      }
    }
    return tx.category.update({ where: { id }, data });
  });
}

/** Deletes an empty category; one that still holds products or subcategories is refused. */
export async function deleteCategory(db: TenantDb, id: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await takeNamedLock(tx, TREE_LOCK);
    const category = await tx.category.findUnique({ where: { id }, select: { _count: { select: { products: true, children: true } } } });
    if (!category) throw notFound('category');
    const { products, children } = category._count;
    if (products > 0 || children > 0) {
      throw badInput(`the category holds ${products} products and ${children} subcategories: move or delete them first`, { field: 'id' });
    }
    await tx.category.delete({ where: { id } });
    return true;
  });
}
