// The demo tenants' books (src/demo): the stock and money they started with, three
// months of invoices issued and (mostly) paid, and an assembled product, so every
// report shows something. Everything goes through the domain functions the API uses,
// so the demo's books obey every rule the API does.
import type { TenantDb } from '../../db/tenantClient';
import type { DemoTenant } from '../../demo/demoData';
import { Decimal, round2, sum } from '../../domain/money';
import { inTransaction } from '../../domain/transaction';
import type { Customer, Product } from '../../generated/tenant/client';
import type { InvoiceKind, PaymentMethod } from '../../generated/tenant/enums';
import { ACCOUNT } from '../books/chartOfAccounts';
import { postEntry } from '../books/postEntry';
import { DEMO_CATALOGUES, productsBySku } from '../catalogue/demo';
import { demoCustomers } from '../customers/demo';
import { assembleProduct } from './assembleProduct';
import { settlement } from './invoicePostings';
import { createInvoice } from './invoices';
import { issueInvoice } from './issueInvoice';
import { recordPayment } from './recordPayment';
import { voidInvoice } from './voidInvoice';

export interface DemoPayment {
  daysAgo: number;
  method: PaymentMethod;
  /** Defaults to what is still due. */
  amount?: string;
  reference?: string;
}

export interface DemoInvoice {
  kind: InvoiceKind;
  /** Index into the tenant's customers. */
  customer: number;
  daysAgo: number;
  items: Array<{ sku: string; quantity: string; tradeIn?: boolean; unitPrice?: string }>;
  payments?: DemoPayment[];
  /** Left as a DRAFT instead of being issued. */
  draft?: boolean;
}

interface DemoBooks {
  /** What the business started with besides its stock: cash in the till and in the bank. */
  openingCash: string;
  openingBank: string;
  invoices: DemoInvoice[];
  /** Sales spread over the last three months, on top of `invoices`. */
  historySales: number;
  /** How many of a product made from others (its bill of materials) to make. */
  assemble: Array<{ sku: string; make: string }>;
}

/** By demo tenant. */
export const DEMO_BOOKS: Record<string, DemoBooks> = {
  talanou: {
    openingCash: '3000000000',
    openingBank: '25000000000',
    invoices: [
      {
        kind: 'SALE',
        customer: 0,
        daysAgo: 12,
        items: [{ sku: 'RING-101', quantity: '1' }, { sku: 'STONE-TURQ', quantity: '2' }],
        payments: [{ daysAgo: 12, method: 'CARD', reference: 'POS-551204' }],
      },
      { kind: 'SALE', customer: 1, daysAgo: 6, items: [{ sku: 'COIN-BAHAR', quantity: '2' }], payments: [{ daysAgo: 5, method: 'BANK_TRANSFER', amount: '1000000000', reference: 'PAYA-88213' }] },
      {
        kind: 'TRADE',
        customer: 2,
        daysAgo: 3,
        items: [{ sku: 'NECK-201', quantity: '1' }, { sku: 'GOLD-18K', quantity: '4.2', tradeIn: true, unitPrice: '70000000' }],
        payments: [{ daysAgo: 3, method: 'CASH' }],
      },
      { kind: 'PURCHASE', customer: 3, daysAgo: 1, items: [{ sku: 'GOLD-18K', quantity: '15', unitPrice: '70000000' }], payments: [{ daysAgo: 1, method: 'BANK_TRANSFER', reference: 'SATNA-4471' }] },
      { kind: 'SALE', customer: 3, daysAgo: 0, items: [{ sku: 'COIN-NIM', quantity: '1' }], draft: true },
    ],
    historySales: 12,
    assemble: [{ sku: 'RING-101', make: '2' }],
  },
  'arya-jewelry': {
    openingCash: '1500000000',
    openingBank: '12000000000',
    invoices: [
      { kind: 'SALE', customer: 0, daysAgo: 9, items: [{ sku: 'EAR-110', quantity: '1' }], payments: [{ daysAgo: 9, method: 'CARD', reference: 'POS-730019' }] },
      {
        kind: 'SALE',
        customer: 1,
        daysAgo: 4,
        items: [{ sku: 'RING-220', quantity: '2' }, { sku: 'COIN-GERAMI', quantity: '3' }],
        payments: [{ daysAgo: 4, method: 'CASH', amount: '500000000' }],
      },
      { kind: 'TRADE', customer: 2, daysAgo: 2, items: [{ sku: 'STONE-RUBY', quantity: '1' }, { sku: 'GOLD-18K', quantity: '2', tradeIn: true, unitPrice: '69800000' }] },
    ],
    historySales: 8,
    assemble: [{ sku: 'EAR-110', make: '1' }],
  },
  'demo-shop': {
    openingCash: '500.00',
    openingBank: '8000.00',
    invoices: [
      { kind: 'SALE', customer: 0, daysAgo: 8, items: [{ sku: 'TEE-BLK-M', quantity: '2' }, { sku: 'CAP-NVY', quantity: '1' }], payments: [{ daysAgo: 8, method: 'CARD', reference: 'ch_3PqL8' }] },
      { kind: 'SALE', customer: 1, daysAgo: 5, items: [{ sku: 'HOOD-GRY-L', quantity: '1' }, { sku: 'MUG-WHT', quantity: '4' }], payments: [{ daysAgo: 3, method: 'BANK_TRANSFER', reference: 'ACH-20417' }] },
      { kind: 'SALE', customer: 2, daysAgo: 1, items: [{ sku: 'TOTE-NAT', quantity: '3' }] },
      { kind: 'PURCHASE', customer: 2, daysAgo: 2, items: [{ sku: 'TEE-BLK-M', quantity: '50', unitPrice: '9.50' }], payments: [{ daysAgo: 1, method: 'BANK_TRANSFER', reference: 'ACH-20433' }] },
    ],
    historySales: 10,
    assemble: [],
  },
};

const DAY = 86_400_000;

interface Catalogue {
  products: Map<string, Product>;
  customers: Customer[];
}

/** Opening stock is a movement like any other, so stock always equals the sum of movements. */
async function addOpeningStock(db: TenantDb) {
  const products = await db.product.findMany({ where: { stockMovements: { none: {} } } });
  await db.stockMovement.createMany({ data: products.map((p) => ({ productId: p.id, quantity: p.stock, type: 'ADJUSTMENT' as const, note: 'opening stock' })) });
}

/** Stock and money the business started with, against the owner's capital. */
async function postOpeningBalance(db: TenantDb, demo: DemoTenant, books: DemoBooks, products: Product[], at: Date) {
  const stock = round2(sum(products.map((p) => p.stock.mul(p.cost))));
  const { openingCash, openingBank } = books;
  await inTransaction(db, (tx) =>
    postEntry(tx, {
      date: at,
      description: demo.locale === 'fa' ? 'تراز افتتاحیه' : 'opening balance',
      source: 'opening',
      lines: [
        { account: ACCOUNT.INVENTORY, debit: stock },
        { account: ACCOUNT.CASH, debit: new Decimal(openingCash) },
        { account: ACCOUNT.BANK, debit: new Decimal(openingBank) },
        { account: ACCOUNT.CAPITAL, credit: stock.add(openingCash).add(openingBank) },
      ],
    }),
  );
}

/** Sales spread over the last three months, one product after another, paid in the ways shops are paid. */
function historySales(demo: DemoTenant, books: DemoBooks, catalogue: Catalogue): Array<DemoInvoice & { voidAfter?: boolean }> {
  const count = books.historySales;
  const stocked = DEMO_CATALOGUES[demo.slug].products.filter((p) => catalogue.products.get(p.sku)?.trackStock);
  return Array.from({ length: count }, (_, i) => {
    const product = stocked[i % stocked.length];
    const daysAgo = Math.round(88 - (i * 80) / count);
    const plans: DemoInvoice['payments'][] = [
      [{ daysAgo, method: 'CASH' }],
      [{ daysAgo, method: 'CARD' }],
      [{ daysAgo: daysAgo - 2, method: 'BANK_TRANSFER', reference: `TRX-${7100 + i}` }],
      [{ daysAgo, method: 'CASH', amount: 'half' }],
      [],
    ];
    return {
      kind: 'SALE',
      customer: i % catalogue.customers.length,
      daysAgo,
      items: [{ sku: product.sku, quantity: product.unit === 'g' ? '2.5' : '1' }],
      payments: plans[i % plans.length],
      // One sale, partly paid, was cancelled: voided, with its payment given back.
      voidAfter: i === 3,
    };
  });
}

async function enterInvoice(db: TenantDb, demo: DemoTenant, catalogue: Catalogue, invoice: DemoInvoice & { voidAfter?: boolean }, now: number) {
  const created = await createInvoice(db, demo.currency, demo.locale, {
    kind: invoice.kind,
    customerId: catalogue.customers[invoice.customer].id,
    issueDate: new Date(now - invoice.daysAgo * DAY),
    items: invoice.items.map((item) => ({
      productId: catalogue.products.get(item.sku)!.id,
      quantity: item.quantity,
      ...(item.unitPrice ? { unitPrice: item.unitPrice } : {}),
      ...(item.tradeIn ? { tradeIn: true } : {}),
    })),
  });
  if (invoice.draft) return;
  let issued = await issueInvoice(db, created.id);
  for (const payment of invoice.payments ?? []) {
    const due = settlement(issued).due.sub(issued.amountPaid);
    const amount = payment.amount === 'half' ? round2(due.div(2)) : payment.amount ? new Decimal(payment.amount) : due;
    await recordPayment(db, created.id, {
      amount: amount.toFixed(2),
      method: payment.method,
      reference: payment.reference ?? null,
      paidAt: new Date(now - payment.daysAgo * DAY + 3_600_000),
    });
    issued = await db.invoice.findUniqueOrThrow({ where: { id: created.id } });
  }
  if (invoice.voidAfter) await voidInvoice(db, created.id);
}

export async function seedInvoicingDemo(db: TenantDb, demo: DemoTenant): Promise<void> {
  const books = DEMO_BOOKS[demo.slug];
  if (!books || (await db.invoice.count()) > 0) return;
  const now = Date.now();
  await addOpeningStock(db);
  const catalogue = { products: await productsBySku(db), customers: await demoCustomers(db, demo) };
  await postOpeningBalance(db, demo, books, [...catalogue.products.values()], new Date(now - 100 * DAY));
  const invoices = [...historySales(demo, books, catalogue), ...books.invoices].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const invoice of invoices) await enterInvoice(db, demo, catalogue, invoice, now);
  for (const { sku, make } of books.assemble) await assembleProduct(db, catalogue.products.get(sku)!.id, make);
}
