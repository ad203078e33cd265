// Sales per day or month, summed by the database. Revenue is what the Sales account
// is credited: the invoices' subtotals before tax, from issued (not void) SALE and
// TRADE invoices, by issue date in the tenant's time zone. Periods without sales
// are listed with zeros, so a chart has no holes. Periods are cut as periods.ts cuts them.
import { tenantTable, type TenantDb } from '../../db/tenantClient';
import { Prisma } from '../../generated/tenant/client';
import { ZERO, round2, sum, type Decimal } from '../money';
import { periodIndex, periodStarts, type Grouping } from './periods';
import { REVENUE_KINDS, REVENUE_STATUSES, reportRange, type ReportBound } from './reportPeriod';

export type SalesGrouping = Extract<Grouping, 'DAY' | 'MONTH'>;

export interface SalesPeriod {
  /** "2026-03-21" for a day, "2026-03" for a month. */
  period: string;
  count: number;
  revenue: Decimal;
  average: Decimal;
}

export async function salesReport(db: TenantDb, locale: string, fromBound: ReportBound, toBound: ReportBound, groupBy: SalesGrouping) {
  const { zone, from, to } = await reportRange(db, locale, fromBound, toBound);
  const starts = periodStarts(zone, from, to, groupBy);
  const rows = await db.$queryRaw<Array<{ bucket: number | bigint; count: number | bigint; revenue: Decimal }>>(Prisma.sql`
    SELECT ${periodIndex('issueDate', starts)} AS bucket, count(*) AS count, coalesce(sum(subtotal), 0) AS revenue
    FROM ${tenantTable('Invoice')}
    WHERE kind IN (${Prisma.join(REVENUE_KINDS)}) AND status IN (${Prisma.join(REVENUE_STATUSES)})
      AND "issueDate" >= ${from} AND "issueDate" < ${to}
    GROUP BY 1`);
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  const average = (revenue: Decimal, count: number) => (count === 0 ? ZERO : round2(revenue.div(count)));
  const periods = starts.map(({ label }, i) => {
    const row = byBucket.get(i);
    const count = row ? Number(row.count) : 0;
    const revenue = row ? row.revenue : ZERO;
    return { period: label, count, revenue, average: average(revenue, count) };
  });
  const count = periods.reduce((total, p) => total + p.count, 0);
  const revenue = sum(periods.map((p) => p.revenue));
  return { periods, count, revenue, average: average(revenue, count) };
}
