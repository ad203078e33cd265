// Sales per day or month, summed by PostgreSQL. Revenue is what the Sales account
// is credited: the invoices' subtotals before tax, from issued (not void) SALE and
// TRADE invoices, by issue date in the tenant's time zone. Periods without sales
// are listed with zeros, so a chart has no holes.
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
const LABEL = { DAY: 'YYYY-MM-DD', MONTH: 'YYYY-MM' } as const;
// Enough for two years by day or fifty by month; a longer range is a different report.
const MAX_PERIODS = { DAY: 732, MONTH: 600 } as const;
const DAY = 86_400_000;

export async function salesReport(db: TenantDb, locale: string, fromBound: ReportBound, toBound: ReportBound, groupBy: SalesGrouping) {
  const { zone, from, to } = await reportRange(db, locale, fromBound, toBound);
  if ((to.getTime() - from.getTime()) / DAY / (groupBy === 'DAY' ? 1 : 30) > MAX_PERIODS[groupBy]) {
    throw badInput(`at most ${MAX_PERIODS[groupBy]} periods of one ${UNIT[groupBy]}`, { field: 'groupBy' });
  }
  const unit = UNIT[groupBy];
  // Invoice dates are stored as UTC timestamps; `local(x)` is x on the tenant's wall clock.
  const local = (timestamp: Prisma.Sql) => Prisma.sql`((${timestamp}) AT TIME ZONE 'UTC') AT TIME ZONE ${zone}`;
  const periods = await db.$queryRaw<Array<Omit<SalesPeriod, 'average'>>>(Prisma.sql`
    WITH sales AS (
      SELECT date_trunc(${unit}, ${local(Prisma.sql`"issueDate"`)}) AS period, subtotal
      FROM ${tenantTable('Invoice')}
      WHERE kind::text IN (${Prisma.join(REVENUE_KINDS)}) AND status::text IN (${Prisma.join(REVENUE_STATUSES)})
        AND "issueDate" >= ${from} AND "issueDate" < ${to}
    ),
    periods AS (
      SELECT generate_series(
        date_trunc(${unit}, ${local(Prisma.sql`${from}::timestamp`)}),
        date_trunc(${unit}, ${local(Prisma.sql`${to}::timestamp - interval '1 millisecond'`)}),
        ('1 ' || ${unit})::interval
      ) AS period
    )
    SELECT to_char(p.period, ${LABEL[groupBy]}) AS period, count(s.subtotal)::int AS count, coalesce(sum(s.subtotal), 0) AS revenue
    FROM periods p LEFT JOIN sales s ON s.period = p.period
    GROUP BY p.period
    ORDER BY p.period`);
  const average = (revenue: Decimal, count: number) => (count === 0 ? ZERO : round2(revenue.div(count)));
  const count = periods.reduce((total, p) => total + p.count, 0);
  const revenue = sum(periods.map((p) => p.revenue));
  return {
    periods: periods.map((p) => ({ ...p, average: average(p.revenue, p.count) })),
    count,
    revenue,
    average: average(revenue, count),
  };
}
