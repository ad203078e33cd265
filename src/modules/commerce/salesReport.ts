// Sales per day or month, summed by the database. Revenue is what the Sales account
// is credited: the invoices' subtotals before tax, from issued (not void) SALE and
// TRADE invoices, by issue date in the tenant's time zone (refunds of orders are
// posted on their own and not taken off). Orders are counted by when they were taken,
// cancelled ones aside, with their value and average. Periods without sales are
// listed with zeros, so a chart has no holes. Periods are cut as periods.ts cuts them.
import { ownRows, tenantTable, type TenantDb } from '../../db/tenantClient';
import { ZERO, round2, sum, type Decimal } from '../../domain/money';
import { periodIndex, periodStarts, type Grouping } from '../../domain/reports/periods';
import { reportRange, type ReportBound } from '../../domain/reports/reportPeriod';
import { Prisma } from '../../generated/tenant/client';
import { REVENUE_KINDS, REVENUE_STATUSES } from '../invoicing/revenue';

export type SalesGrouping = Extract<Grouping, 'DAY' | 'MONTH'>;

export interface SalesPeriod {
  /** "2026-03-21" for a day, "2026-03" for a month. */
  period: string;
  count: number;
  revenue: Decimal;
  average: Decimal;
  orders: number;
  orderValue: Decimal;
  averageOrderValue: Decimal;
}

export async function salesReport(db: TenantDb, locale: string, fromBound: ReportBound, toBound: ReportBound, groupBy: SalesGrouping) {
  const { zone, from, to } = await reportRange(db, locale, fromBound, toBound);
  const starts = periodStarts(zone, from, to, groupBy);
  const invoiceRows = await db.$queryRaw<BucketRow[]>(Prisma.sql`
    SELECT ${periodIndex('issueDate', starts)} AS bucket, count(*) AS count, coalesce(sum(subtotal), 0) AS amount
    FROM ${tenantTable('Invoice')} i
    WHERE ${ownRows('i')} AND kind IN (${Prisma.join(REVENUE_KINDS)}) AND status IN (${Prisma.join(REVENUE_STATUSES)})
      AND "issueDate" >= ${from} AND "issueDate" < ${to}
    GROUP BY 1`);
  // Orders by when they were taken, cancelled ones aside; their value is what they sold for before tax, after the discount.
  const orderRows = await db.$queryRaw<BucketRow[]>(Prisma.sql`
    SELECT ${periodIndex('createdAt', starts)} AS bucket, count(*) AS count, coalesce(sum(subtotal - "discountTotal"), 0) AS amount
    FROM ${tenantTable('Order')} o
    WHERE ${ownRows('o')} AND status <> 'CANCELLED' AND "createdAt" >= ${from} AND "createdAt" < ${to}
    GROUP BY 1`);
  const invoicesIn = byBucket(invoiceRows);
  const ordersIn = byBucket(orderRows);
  const periods = starts.map(({ label }, i) => {
    const invoices = invoicesIn.get(i) ?? NONE;
    const orders = ordersIn.get(i) ?? NONE;
    return { period: label, ...totals(invoices, orders) };
  });
  const overall = (pick: (period: (typeof periods)[number]) => Bucket): Bucket => ({
    count: periods.reduce((total, p) => total + pick(p).count, 0),
    amount: sum(periods.map((p) => pick(p).amount)),
  });
  return {
    periods,
    ...totals(
      overall((p) => ({ count: p.count, amount: p.revenue })),
      overall((p) => ({ count: p.orders, amount: p.orderValue })),
    ),
  };
}

interface BucketRow {
  bucket: number | bigint;
  count: number | bigint;
  amount: Decimal;
}

interface Bucket {
  count: number;
  amount: Decimal;
}

const NONE: Bucket = { count: 0, amount: ZERO };

// A count is a BIGINT on both engines.
const byBucket = (rows: BucketRow[]) => new Map(rows.map((r) => [Number(r.bucket), { count: Number(r.count), amount: r.amount }]));

const average = (amount: Decimal, count: number) => (count === 0 ? ZERO : round2(amount.div(count)));

function totals(invoices: Bucket, orders: Bucket) {
  return {
    count: invoices.count,
    revenue: invoices.amount,
    average: average(invoices.amount, invoices.count),
    orders: orders.count,
    orderValue: orders.amount,
    averageOrderValue: average(orders.amount, orders.count),
  };
}
