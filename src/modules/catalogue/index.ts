// Products, their categories and bills of materials.
import type { TenantModule } from '../tenantModule';
import { BillOfMaterialsResolver } from './billOfMaterialsResolver';
import { CategoryResolver } from './categoryResolver';
import { seedCatalogueDemo } from './demo';
import { ProductResolver } from './productResolver';

/** The first categories of a new tenant, by its locale. */
const DEFAULT_CATEGORIES: Record<string, string[]> = {
  fa: ['طلای آب‌شده', 'زیورآلات طلا', 'سکه', 'سنگ‌های قیمتی'],
  en: ['General'],
};

export const tenantModule: TenantModule = {
  name: 'catalogue',
  resolvers: [ProductResolver, CategoryResolver, BillOfMaterialsResolver],
  async seedDefaults(db, { locale }) {
    await db.category.createMany({ data: (DEFAULT_CATEGORIES[locale] ?? DEFAULT_CATEGORIES.en).map((name) => ({ name })), skipDuplicates: true });
  },
  seedDemo: seedCatalogueDemo,
  limitCounts: { maxProducts: (db) => db.product.count() },
};
