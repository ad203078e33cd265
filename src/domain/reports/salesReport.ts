// Sales per day or month, summed by the database. Revenue is what the Sales account
// is credited: the invoices' subtotals before tax, from issued (not void) SALE and
// TRADE invoices, by issue date in the tenant's time zone (refunds of orders are
// posted on their own and not taken off). Orders are counted by when they were taken,
// cancelled ones aside, with their value and average. Periods without sales are
// listed with zeros, so a chart has no holes.
//
// The periods are cut here, by the zone's rules (luxon), and the database only sorts
// invoices into them by comparing their stored UTC moments with the periods' starts:
// one statement that PostgreSQL and MySQL answer alike (MySQL knows named zones only
// when their tables were loaded).
import { DateTime } from 'luxon';
import { tenantTable, type TenantDb } from '../../db/tenantClient';
import { badInput } from '../../errors';
import { Prisma } from '../../generated/tenant/client';
import { ZERO, round2, sum, type Decimal } from '../money';
import { REVENUE_KINDS, REVENUE_STATUSES, reportRange, type ReportBound } from './reportPeriod';

export type SalesGrouping = 'DAY' | 'MONTH';

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

const UNIT = { DAY: 'day', MONTH: 'month' } as const;
const LABEL = { DAY: 'yyyy-MM-dd', MONTH: 'yyyy-MM' } as const;
// Enough for two years by day or fifty by month; a longer range is a different report.
const MAX_PERIODS = { DAY: 732, MONTH: 600 } as const;
const DAY = 86_400_000;

/** The periods [from, to) touches, each with its label and the moment it starts on the zone's clock. */
function periodStarts(zone: string, from: Date, to: Date, groupBy: SalesGrouping): Array<{ label: string; start: Date }> {
  const unit = UNIT[groupBy];
  const periods = [];
  for (let at = DateTime.fromJSDate(from, { zone }).startOf(unit); at.toMillis() < to.getTime(); at = at.plus({ [unit]: 1 }).startOf(unit)) {
    periods.push({ label: at.toFormat(LABEL[groupBy]), start: at.toJSDate() });
  }
  return periods;
}

export async function salesReport(db: TenantDb, locale: string, fromBound: ReportBound, toBound: ReportBound, groupBy: SalesGrouping) {
  const { zone, from, to } = await reportRange(db, locale, fromBound, toBound);
  if ((to.getTime() - from.getTime()) / DAY / (groupBy === 'DAY' ? 1 : 30) > MAX_PERIODS[groupBy]) {
    throw badInput(`at most ${MAX_PERIODS[groupBy]} periods of one ${UNIT[groupBy]}`, { field: 'groupBy' });
  }
  const starts = periodStarts(zone, from, to, groupBy);
  // The index of the period a row falls in: the last one started by its `column`.
  const bucket = (column: string) =>
    starts.length > 1
      ? Prisma.sql`CASE ${Prisma.join(
          starts
            .map(({ start }, i) => ({ start, i }))
            .slice(1)
            .reverse()
            // The index is ours, written in: a bound one would leave PostgreSQL guessing the CASE's type.
            .map(({ start, i }) => Prisma.sql`WHEN ${Prisma.raw(`"${column}"`)} >= ${start} THEN ${Prisma.raw(String(i))}`),
          ' ',
        )} ELSE 0 END`
      : Prisma.sql`0`;
  const invoiceRows = await db.$queryRaw<BucketRow[]>(Prisma.sql`
    SELECT ${bucket('issueDate')} AS bucket, count(*) AS count, coalesce(sum(subtotal), 0) AS amount
    FROM ${tenantTable('Invoice')}
    WHERE kind IN (${Prisma.join(REVENUE_KINDS)}) AND status IN (${Prisma.join(REVENUE_STATUSES)})
      AND "issueDate" >= ${from} AND "issueDate" < ${to}
    GROUP BY 1`);
  // Orders by when they were taken, cancelled ones aside; their value is what they sold for before tax, after the discount.
  const orderRows = await db.$queryRaw<BucketRow[]>(Prisma.sql`
    SELECT ${bucket('createdAt')} AS bucket, count(*) AS count, coalesce(sum(subtotal - "discountTotal"), 0) AS amount
    FROM ${tenantTable('Order')}
    WHERE status <> 'CANCELLED' AND "createdAt" >= ${from} AND "createdAt" < ${to}
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
