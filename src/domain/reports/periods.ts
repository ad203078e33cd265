// The periods a report is grouped by, cut on a time zone's clock. The periods are cut
// here, by the zone's rules (luxon), and the database only sorts rows into them by
// comparing their stored UTC moments with the periods' starts: one CASE that
// PostgreSQL and MySQL answer alike (MySQL knows named zones only when their tables
// were loaded).
import { DateTime } from 'luxon';
import { badInput } from '../../errors';
import { Prisma } from '../../generated/tenant/client';

export type Grouping = 'DAY' | 'WEEK' | 'MONTH';

export interface PeriodStart {
  /** "2026-03-21" for a day, the Monday it begins with for an ISO week, "2026-03" for a month. */
  label: string;
  start: Date;
}

const UNIT = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;
const LABEL = { DAY: 'yyyy-MM-dd', WEEK: 'yyyy-MM-dd', MONTH: 'yyyy-MM' } as const;
const DAYS = { DAY: 1, WEEK: 7, MONTH: 30 } as const;
// Enough for two years by day, ten by week or fifty by month; a longer range is a different report.
const MAX_PERIODS = { DAY: 732, WEEK: 530, MONTH: 600 } as const;
const DAY_MS = 86_400_000;

/** The periods [from, to) touches, each with its label and the moment it starts on the zone's clock; BAD_USER_INPUT when they are too many. */
export function periodStarts(zone: string, from: Date, to: Date, groupBy: Grouping): PeriodStart[] {
  if ((to.getTime() - from.getTime()) / DAY_MS / DAYS[groupBy] > MAX_PERIODS[groupBy]) {
    throw badInput(`at most ${MAX_PERIODS[groupBy]} periods of one ${UNIT[groupBy]}`, { field: 'groupBy' });
  }
  const unit = UNIT[groupBy];
  const periods = [];
  for (let at = DateTime.fromJSDate(from, { zone }).startOf(unit); at.toMillis() < to.getTime(); at = at.plus({ [unit]: 1 }).startOf(unit)) {
    periods.push({ label: at.toFormat(LABEL[groupBy]), start: at.toJSDate() });
  }
  return periods;
}

/** The index of the period a row falls in by its `column` moment: the last one started by then. */
export function periodIndex(column: string, starts: PeriodStart[]): Prisma.Sql {
  if (starts.length <= 1) return Prisma.sql`0`;
  const moment = Prisma.raw(`"${column}"`);
  return Prisma.sql`CASE ${Prisma.join(
    starts
      .map(({ start }, i) => ({ start, i }))
      .slice(1)
      .reverse()
      // The index is ours, written in: a bound one would leave PostgreSQL guessing the CASE's type.
      .map(({ start, i }) => Prisma.sql`WHEN ${moment} >= ${start} THEN ${Prisma.raw(String(i))}`),
    ' ',
  )} ELSE 0 END`;
}
