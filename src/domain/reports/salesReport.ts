// Sales per day or month, summed by the database. Revenue is what the Sales account
// is credited: the invoices' subtotals before tax, from issued (not void) SALE and
// TRADE invoices, by issue date in the tenant's time zone. Periods without sales
// are listed with zeros, so a chart has no holes.
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
  // The index of the period an invoice falls in: the last one started by its issue date.
  const bucket = Prisma.sql`CASE ${Prisma.join(
    starts
      .map(({ start }, i) => ({ start, i }))
      .slice(1)
      .reverse()
      // The index is ours, written in: a bound one would leave PostgreSQL guessing the CASE's type.
      .map(({ start, i }) => Prisma.sql`WHEN "issueDate" >= ${start} THEN ${Prisma.raw(String(i))}`),
    ' ',
  )} ELSE 0 END`;
  const rows = await db.$queryRaw<Array<{ bucket: number | bigint; count: number | bigint; revenue: Decimal }>>(Prisma.sql`
    SELECT ${starts.length > 1 ? bucket : Prisma.sql`0`} AS bucket, count(*) AS count, coalesce(sum(subtotal), 0) AS revenue
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
