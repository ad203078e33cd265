// Rows for a benchmark's tenant, written in a few createMany calls: categories,
// products in them, customers, and SALE invoices with items on the products and
// one payment each.
import { randomUUID } from 'node:crypto';
import type { Services } from '../src/services';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';
import type { TenantDb } from '../src/db/tenantClient';

export interface TenantRows {
  categories: number;
  products: number;
  customers: number;
  invoices: number;
  itemsPerInvoice: number;
}

/** Fills the tenant; `more` adds what one benchmark needs beyond these (it gets the client and the rows). */
export async function fillTenant(
  services: Services,
  tenant: TenantRecord,
  rows: TenantRows,
  more?: (db: TenantDb, made: { productIds: string[]; customerIds: string[] }) => Promise<void>,
): Promise<{ productIds: string[] }> {
  const lease = services.pool.acquire(tenant);
  try {
    const db = lease.db;
    const categories = Array.from({ length: rows.categories }, (_, i) => ({ id: randomUUID(), name: `Category ${i}` }));
    const products = Array.from({ length: rows.products }, (_, i) => ({
      id: randomUUID(), sku: `SKU-${i}`, name: `Product ${i}`, kind: 'GOODS' as const, price: `${10 + (i % 90)}.50`, currency: 'USD', categoryId: categories[i % rows.categories].id,
    }));
    const customers = Array.from({ length: rows.customers }, (_, i) => ({ id: randomUUID(), name: `Customer ${i}` }));
    const invoices = Array.from({ length: rows.invoices }, (_, i) => ({ id: randomUUID(), number: `INV-${i}`, kind: 'SALE' as const, currency: 'USD', customerId: customers[i % rows.customers].id, total: '100' }));
    await db.category.createMany({ data: categories });
    await db.product.createMany({ data: products });
    await db.customer.createMany({ data: customers });
    await db.invoice.createMany({ data: invoices });
    await db.invoiceItem.createMany({
      data: invoices.flatMap((inv, i) =>
        Array.from({ length: rows.itemsPerInvoice }, (_, k) => ({ invoiceId: inv.id, productId: products[(i * rows.itemsPerInvoice + k) % rows.products].id, description: 'x', quantity: '1', unitPrice: '10', lineTotal: '10', position: k })),
      ),
    });
    await db.payment.createMany({ data: invoices.map((inv) => ({ invoiceId: inv.id, amount: '50', method: 'CASH' as const })) });
    const made = { productIds: products.map((p) => p.id), customerIds: customers.map((c) => c.id) };
    await more?.(db, made);
    return made;
  } finally {
    lease.release();
  }
}
