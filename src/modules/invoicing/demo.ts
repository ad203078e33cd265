// The demo tenants' books: an opening balance, three months of invoices issued and
// (mostly) paid, an assembled product, and a bank statement that is partly matched,
// so every report shows something. Everything goes through the domain functions the
// API uses, so the demo's books obey every rule the API does.
import type { TenantDb } from '../db/tenantClient';
import { postEntry } from '../domain/accounting/postEntry';
import { createBankAccount } from '../domain/bank/bankAccounts';
import { importBankStatement } from '../domain/bank/importStatement';
import { ACCOUNT } from '../domain/chartOfAccounts';
import { createInvoice } from '../domain/invoices';
import { settlement } from '../domain/invoicing/invoicePostings';
import { issueInvoice } from '../domain/invoicing/issueInvoice';
import { recordPayment } from '../domain/invoicing/recordPayment';
import { voidInvoice } from '../domain/invoicing/voidInvoice';
import { Decimal, round2, sum } from '../domain/money';
import { assembleProduct } from '../domain/stock/assembleProduct';
import { setProductComponents } from '../domain/stock/billOfMaterials';
import { inTransaction } from '../domain/transaction';
import type { Customer, Product } from '../generated/tenant/client';
import type { DemoInvoice, DemoTenant } from './demoData';

const DAY = 86_400_000;

interface Catalogue {
  products: Map<string, Product>;
  customers: Customer[];
}

/** Stock and money the business started with, against the owner's capital. */
async function postOpeningBalance(db: TenantDb, demo: DemoTenant, products: Product[], at: Date) {
  const stock = round2(sum(products.map((p) => p.stock.mul(p.cost))));
  const { openingCash, openingBank } = demo.books;
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
function historySales(demo: DemoTenant, catalogue: Catalogue): Array<DemoInvoice & { voidAfter?: boolean }> {
  const count = demo.books.historySales;
  const stocked = demo.products.filter((p) => catalogue.products.get(p.sku)?.trackStock);
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

/**
 * The bank's statement of the last six weeks: what reached the bank, card takings a
 * day late and without a reference, plus a fee and a deposit nobody recorded. The
 * latest transfer is not on it yet.
 */
async function importDemoStatement(db: TenantDb, demo: DemoTenant, bankAccountId: string, now: number) {
  const payments = await db.payment.findMany({
    where: { method: { not: 'CASH' }, paidAt: { gte: new Date(now - 42 * DAY) } },
    include: { invoice: { select: { kind: true, total: true } } },
    orderBy: { paidAt: 'asc' },
  });
  const day = (date: Date | number) => new Date(date).toISOString().slice(0, 10);
  const rows = payments.slice(0, -1).map((p) => {
    const amount = settlement(p.invoice).direction === 'IN' ? p.amount : p.amount.neg();
    const date = p.method === 'CARD' ? day(p.paidAt.getTime() + DAY) : day(p.paidAt);
    return [date, amount.toFixed(2), p.method === 'CARD' ? '' : (p.reference ?? ''), p.method === 'CARD' ? 'card settlement' : 'transfer'];
  });
  const fee = round2(new Decimal(demo.books.openingBank).div(2000));
  rows.push([day(now - 20 * DAY), fee.neg().toFixed(2), '', 'bank fee'], [day(now - 9 * DAY), fee.mul(37).toFixed(2), 'DEP-0912', 'deposit']);
  const csv = ['date,amount,reference,description', ...rows.map((r) => r.join(','))].join('\n');
  await importBankStatement(db, bankAccountId, csv);
}

export async function fillBooks(db: TenantDb, demo: DemoTenant, catalogue: Catalogue, now = Date.now()): Promise<void> {
  await postOpeningBalance(db, demo, [...catalogue.products.values()], new Date(now - 100 * DAY));
  const bank = await createBankAccount(db, demo.currency, demo.books.bank);
  const invoices = [...historySales(demo, catalogue), ...demo.invoices].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const invoice of invoices) await enterInvoice(db, demo, catalogue, invoice, now);
  for (const assembly of demo.books.assemblies) {
    const product = catalogue.products.get(assembly.sku)!;
    await setProductComponents(
      db,
      product.id,
      assembly.components.map((c) => ({ componentId: catalogue.products.get(c.sku)!.id, quantity: c.quantity })),
    );
    await assembleProduct(db, product.id, assembly.make);
  }
  await importDemoStatement(db, demo, bank.id, now);
}
