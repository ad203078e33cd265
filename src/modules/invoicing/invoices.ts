// Creating invoices. The server computes every amount from the lines: a client
// sends quantities and (optionally) prices, never totals.
import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { Decimal, round2, type DecimalValue } from '../../domain/money';
import { nextNumber } from '../../domain/numbering';
import { defaultSettings, readSetting } from '../../domain/settings';
import { inTransaction } from '../../domain/transaction';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput, notFound } from '../../errors';
import { InvoiceKind } from '../../generated/tenant/enums';
import { customerForDocument } from '../customers/customers';

const decimalString = (what: string, decimals = 6) =>
  z.string().regex(new RegExp(`^\\d{1,15}(\\.\\d{1,${decimals}})?$`), `must be a non-negative ${what} with at most ${decimals} decimals`);

const ItemInput = z.object({
  productId: z.uuid('is not a valid ID').nullish(),
  description: z.string().trim().check(fitsColumn('InvoiceItem', 'description', 500)).nullish(),
  // As many decimals as the columns keep (grams of gold to the milligram), so stored lines add up.
  quantity: decimalString('quantity', 3).refine((q) => Number(q) > 0, 'must be more than zero'),
  unitPrice: decimalString('amount', 2).nullish(),
  taxRate: decimalString('rate', 4).refine((r) => Number(r) <= 1, 'must be between 0 and 1').nullish(),
  tradeIn: z.boolean().optional(),
});

const InvoiceInput = z.object({
  kind: z.enum(InvoiceKind),
  customerId: z.uuid('is not a valid ID').nullish(),
  issueDate: z.date().nullish(),
  dueDate: z.date().nullish(),
  notes: z.string().check(fitsColumn('Invoice', 'notes', 2000)).nullish(),
  items: z.array(ItemInput).min(1, 'an invoice needs at least one item').max(500),
});

export type CreateInvoiceInput = z.input<typeof InvoiceInput>;

export interface LineAmounts {
  lineTotal: Decimal;
  taxAmount: Decimal;
}

/** The amounts of one line: net total and tax, each rounded to cents. */
export function lineAmounts(quantity: DecimalValue, unitPrice: DecimalValue, taxRate: DecimalValue): LineAmounts {
  const lineTotal = round2(new Decimal(quantity).mul(unitPrice));
  return { lineTotal, taxAmount: round2(lineTotal.mul(taxRate)) };
}

// Amounts are kept as numeric(18,2): sixteen digits before the point.
const AMOUNT_LIMIT = new Decimal('1e16');
export const storable = (amount: Decimal) => amount.abs().lt(AMOUNT_LIMIT);

/** Invoice totals: traded-in lines are valued against the sale and carry no tax. */
export function invoiceTotals(lines: Array<LineAmounts & { tradeIn: boolean }>) {
  const zero = new Decimal(0);
  const sold = lines.filter((l) => !l.tradeIn);
  const subtotal = sold.reduce((sum, l) => sum.add(l.lineTotal), zero);
  const taxTotal = sold.reduce((sum, l) => sum.add(l.taxAmount), zero);
  const tradeInTotal = lines.filter((l) => l.tradeIn).reduce((sum, l) => sum.add(l.lineTotal), zero);
  return { subtotal, taxTotal, tradeInTotal, total: subtotal.add(taxTotal).sub(tradeInTotal) };
}

export async function createInvoice(db: TenantDb, currency: string, locale: string, input: CreateInvoiceInput) {
  const data = parseInput(InvoiceInput, input);
  data.items.forEach((item, i) => {
    if (item.tradeIn && data.kind !== 'TRADE') throw badInput('only TRADE invoices take traded-in items', { field: `items.${i}.tradeIn` });
    if (!item.productId && !item.description) throw badInput('an item needs a productId or a description', { field: `items.${i}` });
  });
  const defaults = defaultSettings(locale);

  return inTransaction(db, async (tx) => {
    if (data.customerId) await customerForDocument(tx, data.customerId);
    const productIds = [...new Set(data.items.flatMap((i) => (i.productId ? [i.productId] : [])))];
    const products = new Map((await tx.product.findMany({ where: { id: { in: productIds } } })).map((p) => [p.id, p]));
    const defaultTaxRate = await readSetting(tx, 'invoice.taxRate', defaults['invoice.taxRate']);

    const items = data.items.map((item, position) => {
      const product = item.productId ? products.get(item.productId) : undefined;
      if (item.productId && !product) throw notFound(`product ${item.productId}`);
      const unitPrice = item.unitPrice ?? product?.price ?? '0';
      // Sales are taxed at the tenant's rate unless the line says otherwise; trade-ins never are.
      const taxRate = item.tradeIn ? '0' : (item.taxRate ?? (data.kind === 'PURCHASE' ? '0' : defaultTaxRate));
      return {
        productId: product?.id ?? null,
        description: item.description ?? product!.name,
        quantity: item.quantity,
        unitPrice: new Decimal(unitPrice),
        taxRate: new Decimal(taxRate),
        tradeIn: item.tradeIn ?? false,
        position,
        ...lineAmounts(item.quantity, unitPrice, taxRate),
      };
    });

    // Each line fits its columns (the quantity times the price may not; its tax is at most as much), and so do the totals.
    const tooLarge = items.findIndex((item) => !storable(item.lineTotal));
    if (tooLarge !== -1) throw badInput('the line comes to more than an amount can hold (16 digits)', { field: `items.${tooLarge}` });
    const totals = invoiceTotals(items);
    if (![totals.subtotal, totals.taxTotal, totals.tradeInTotal, totals.total].every(storable)) {
      throw badInput('the invoice comes to more than an amount can hold (16 digits)', { field: 'items' });
    }

    const prefix = await readSetting(tx, 'invoice.prefix', defaults['invoice.prefix']);
    return tx.invoice.create({
      data: {
        number: await nextNumber(tx, 'invoice', prefix),
        kind: data.kind,
        customerId: data.customerId ?? null,
        issueDate: data.issueDate ?? new Date(),
        dueDate: data.dueDate ?? null,
        notes: data.notes ?? null,
        currency,
        ...totals,
        items: { create: items },
      },
    });
  });
}
