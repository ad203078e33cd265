// The demo tenants' catalogue (src/demo): categories, products with the stock they
// start with, and the bills of materials of those made from others.
import type { TenantDb } from '../../db/tenantClient';
import type { DemoTenant } from '../../demo/demoData';
import type { Product } from '../../generated/tenant/client';
import type { ProductKind } from '../../generated/tenant/enums';
import { setProductComponents } from './billOfMaterials';

export interface DemoProduct {
  sku: string;
  name: string;
  kind: ProductKind;
  category: string;
  price: string;
  cost: string;
  unit?: 'pc' | 'g';
  stock: string;
  attributes?: Record<string, number | string>;
}

interface DemoCatalogue {
  categories: string[];
  products: DemoProduct[];
  /** What one of a product made from others takes. */
  billsOfMaterials: Array<{ sku: string; components: Array<{ sku: string; quantity: string }> }>;
}

const JEWELLER_CATEGORIES = ['طلای آب‌شده', 'زیورآلات طلا', 'سکه', 'سنگ‌های قیمتی'];

/** By demo tenant. */
export const DEMO_CATALOGUES: Record<string, DemoCatalogue> = {
  talanou: {
    categories: JEWELLER_CATEGORIES,
    products: [
      { sku: 'GOLD-18K', name: 'طلای آب‌شده ۱۸ عیار', kind: 'GOLD', category: 'طلای آب‌شده', price: '72500000', cost: '70000000', unit: 'g', stock: '250', attributes: { karat: 18 } },
      { sku: 'GOLD-24K', name: 'شمش طلای ۲۴ عیار', kind: 'GOLD', category: 'طلای آب‌شده', price: '96000000', cost: '93500000', unit: 'g', stock: '100', attributes: { karat: 24 } },
      { sku: 'RING-101', name: 'انگشتر طلا نگین‌دار', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '310000000', cost: '265000000', stock: '12', attributes: { karat: 18, weightGrams: 3.8 } },
      { sku: 'NECK-201', name: 'گردنبند طلا طرح ونیزی', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '545000000', cost: '470000000', stock: '6', attributes: { karat: 18, weightGrams: 6.9 } },
      { sku: 'BRAC-301', name: 'دستبند طلا کارتیه', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '690000000', cost: '600000000', stock: '4', attributes: { karat: 18, weightGrams: 8.7 } },
      { sku: 'COIN-BAHAR', name: 'سکه بهار آزادی', kind: 'COIN', category: 'سکه', price: '820000000', cost: '800000000', stock: '20' },
      { sku: 'COIN-NIM', name: 'نیم سکه', kind: 'COIN', category: 'سکه', price: '445000000', cost: '430000000', stock: '15' },
      { sku: 'STONE-TURQ', name: 'فیروزه نیشابوری', kind: 'STONE', category: 'سنگ‌های قیمتی', price: '48000000', cost: '36000000', stock: '30', attributes: { carat: 2.1 } },
    ],
    billsOfMaterials: [{ sku: 'RING-101', components: [{ sku: 'GOLD-18K', quantity: '3.8' }, { sku: 'STONE-TURQ', quantity: '1' }] }],
  },
  'arya-jewelry': {
    categories: JEWELLER_CATEGORIES,
    products: [
      { sku: 'GOLD-18K', name: 'طلای آب‌شده ۱۸ عیار', kind: 'GOLD', category: 'طلای آب‌شده', price: '72300000', cost: '69800000', unit: 'g', stock: '180', attributes: { karat: 18 } },
      { sku: 'EAR-110', name: 'گوشواره طلا آویز', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '265000000', cost: '228000000', stock: '9', attributes: { karat: 18, weightGrams: 3.1 } },
      { sku: 'RING-220', name: 'حلقه ازدواج طلای سفید', kind: 'JEWELRY', category: 'زیورآلات طلا', price: '390000000', cost: '340000000', stock: '7', attributes: { karat: 18, weightGrams: 4.5 } },
      { sku: 'COIN-GERAMI', name: 'سکه گرمی', kind: 'COIN', category: 'سکه', price: '105000000', cost: '99000000', stock: '40' },
      { sku: 'STONE-RUBY', name: 'یاقوت سرخ', kind: 'STONE', category: 'سنگ‌های قیمتی', price: '150000000', cost: '118000000', stock: '5', attributes: { carat: 1.2 } },
    ],
    billsOfMaterials: [{ sku: 'EAR-110', components: [{ sku: 'GOLD-18K', quantity: '3.1' }] }],
  },
  'demo-shop': {
    categories: ['Apparel', 'Accessories', 'Home'],
    products: [
      { sku: 'TEE-BLK-M', name: 'Organic T-shirt, black, M', kind: 'GOODS', category: 'Apparel', price: '24.00', cost: '9.50', stock: '120' },
      { sku: 'HOOD-GRY-L', name: 'Hoodie, grey, L', kind: 'GOODS', category: 'Apparel', price: '59.00', cost: '24.00', stock: '45' },
      { sku: 'CAP-NVY', name: 'Baseball cap, navy', kind: 'GOODS', category: 'Accessories', price: '19.00', cost: '6.20', stock: '80' },
      { sku: 'TOTE-NAT', name: 'Canvas tote bag', kind: 'GOODS', category: 'Accessories', price: '15.00', cost: '4.10', stock: '150' },
      { sku: 'MUG-WHT', name: 'Ceramic mug, white', kind: 'GOODS', category: 'Home', price: '12.50', cost: '3.80', stock: '200' },
    ],
    billsOfMaterials: [],
  },
};

/** The tenant's products by SKU, as the demo parts of other modules refer to them. */
export async function productsBySku(db: TenantDb): Promise<Map<string, Product>> {
  return new Map((await db.product.findMany()).map((p) => [p.sku, p]));
}

export async function seedCatalogueDemo(db: TenantDb, demo: DemoTenant): Promise<void> {
  const catalogue = DEMO_CATALOGUES[demo.slug];
  if (!catalogue || (await db.product.count()) > 0) return;
  await db.category.createMany({ data: catalogue.categories.map((name) => ({ name })), skipDuplicates: true });
  const categories = new Map((await db.category.findMany()).map((c) => [c.name, c.id]));
  for (const p of catalogue.products) {
    await db.product.create({
      data: {
        sku: p.sku,
        name: p.name,
        kind: p.kind,
        categoryId: categories.get(p.category) ?? null,
        price: p.price,
        cost: p.cost,
        unit: p.unit ?? 'pc',
        currency: demo.currency,
        stock: p.stock,
        attributes: p.attributes ?? {},
      },
    });
  }
  const products = await productsBySku(db);
  for (const { sku, components } of catalogue.billsOfMaterials) {
    await setProductComponents(
      db,
      products.get(sku)!.id,
      components.map((c) => ({ componentId: products.get(c.sku)!.id, quantity: c.quantity })),
    );
  }
}
