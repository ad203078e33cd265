// Rows for a benchmark's tenant, written in a few createMany calls, with the spreads
// of a real shop so that filters, orders and counts select as they would there:
// categories; products in them priced from 5 to 5,000 (evenly on a log scale);
// customers; SALE invoices issued over the past year (DRAFT, ISSUED, PARTIALLY_PAID,
// PAID, VOID), each with items on the products, one payment, and its journal entry
// (receivable, sales and tax lines). Ids are UUIDv7 of when each row was made, as the
// gateway makes them. The same counts give the same rows: a seeded generator picks.
import { v7 as uuidv7 } from 'uuid';
import { ACCOUNT } from '../src/modules/books/chartOfAccounts';
import type { Services } from '../src/services';
import type { TenantRecord } from '../src/tenancy/tenantRegistry';

export interface TenantRows {
  categories: number;
  products: number;
  customers: number;
  invoices: number;
  itemsPerInvoice: number;
}

const DAY = 86_400_000;
const TAX_RATE = 0.09;
const STATUSES = [
  ['DRAFT', 0.1],
  ['ISSUED', 0.25],
  ['PARTIALLY_PAID', 0.05],
  ['PAID', 0.55],
  ['VOID', 0.05],
] as const;
const KINDS = ['GOODS', 'GOODS', 'JEWELRY', 'GOLD', 'COIN', 'STONE', 'SERVICE'] as const;
const METHODS = ['CASH', 'CARD', 'CARD', 'BANK_TRANSFER'] as const;
const MATERIALS = ['Gold', 'Silver', 'Platinum', 'Rose gold', 'Steel', 'Pearl'];
const ITEMS = ['ring', 'necklace', 'bracelet', 'earrings', 'pendant', 'watch', 'coin', 'chain'];

/** A small seeded generator (mulberry32): numbers in [0, 1). */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const money = (cents: number) => (cents / 100).toFixed(2);

export async function fillTenant(services: Services, tenant: TenantRecord, rows: TenantRows): Promise<{ productIds: string[] }> {
  const random = generator(rows.products * 31 + rows.invoices);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const now = Date.now();
  const yearAgo = now - 365 * DAY;
  const before = (i: number) => ({ id: uuidv7({ msecs: yearAgo - DAY + i }), createdAt: new Date(yearAgo - DAY + i) });

  const categories = Array.from({ length: rows.categories }, (_, i) => ({ ...before(i), name: `Category ${i}` }));
  const products = Array.from({ length: rows.products }, (_, i) => {
    const cents = Math.round(500 * 1000 ** random());
    return {
      ...before(i),
      sku: `SKU-${String(i).padStart(6, '0')}`,
      name: `${pick(MATERIALS)} ${pick(ITEMS)} ${i}`,
      kind: pick(KINDS),
      price: money(cents),
      cost: money(Math.round(cents * 0.6)),
      stock: String(Math.floor(random() * 50)),
      currency: 'USD',
      categoryId: categories[i % rows.categories].id,
    };
  });
  const customers = Array.from({ length: rows.customers }, (_, i) => ({ ...before(i), name: `Customer ${i}`, email: `customer${i}@example.com` }));

  const invoices = [];
  const items = [];
  const payments = [];
  const entries = [];
  const lines = [];
  for (let i = 0; i < rows.invoices; i++) {
    const issued = yearAgo + Math.floor(((i + random()) / rows.invoices) * 365 * DAY);
    const id = uuidv7({ msecs: issued });
    const customer = pick(customers);
    let subtotal = 0;
    for (let position = 0; position < rows.itemsPerInvoice; position++) {
      const product = pick(products);
      const quantity = 1 + Math.floor(random() * 3);
      const lineTotal = Math.round(Number(product.price) * 100) * quantity;
      subtotal += lineTotal;
      items.push({
        id: uuidv7({ msecs: issued }),
        invoiceId: id,
        productId: product.id,
        description: product.name,
        quantity: String(quantity),
        unitPrice: product.price,
        taxRate: String(TAX_RATE),
        lineTotal: money(lineTotal),
        taxAmount: money(Math.round(lineTotal * TAX_RATE)),
        position,
      });
    }
    const tax = Math.round(subtotal * TAX_RATE);
    const total = subtotal + tax;
    let roll = random();
    const status = STATUSES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'PAID';
    const paid = status === 'PAID' ? total : Math.round(total * 0.2);
    invoices.push({
      id,
      number: `INV-${String(i + 1).padStart(6, '0')}`,
      kind: 'SALE' as const,
      status,
      customerId: customer.id,
      issueDate: new Date(issued),
      dueDate: new Date(issued + 30 * DAY),
      currency: 'USD',
      subtotal: money(subtotal),
      taxTotal: money(tax),
      total: money(total),
      amountPaid: money(paid),
      issuedAt: status === 'DRAFT' ? null : new Date(issued),
      voidedAt: status === 'VOID' ? new Date(issued + DAY) : null,
      createdAt: new Date(issued),
    });
    payments.push({ id: uuidv7({ msecs: issued + DAY }), invoiceId: id, amount: money(paid), method: pick(METHODS), paidAt: new Date(issued + DAY), createdAt: new Date(issued + DAY) });
    const entryId = uuidv7({ msecs: issued });
    entries.push({ id: entryId, date: new Date(issued), description: `Invoice INV-${String(i + 1).padStart(6, '0')}`, sourceType: 'invoice', sourceId: id, createdAt: new Date(issued) });
    lines.push(
      { entryId, code: ACCOUNT.RECEIVABLE, debit: money(total), customerId: customer.id },
      { entryId, code: ACCOUNT.SALES, credit: money(subtotal) },
      { entryId, code: ACCOUNT.TAX_PAYABLE, credit: money(tax) },
    );
  }

  const lease = services.pool.acquire(tenant);
  try {
    const db = lease.db;
    const accounts = new Map((await db.account.findMany()).map((a) => [a.code, a.id]));
    await db.category.createMany({ data: categories });
    await db.product.createMany({ data: products });
    await db.customer.createMany({ data: customers });
    await db.invoice.createMany({ data: invoices });
    await db.invoiceItem.createMany({ data: items });
    await db.payment.createMany({ data: payments });
    await db.journalEntry.createMany({ data: entries });
    await db.journalLine.createMany({ data: lines.map(({ code, ...line }) => ({ ...line, id: uuidv7(), accountId: accounts.get(code)! })) });
    return { productIds: products.map((p) => p.id) };
  } finally {
    lease.release();
  }
}
