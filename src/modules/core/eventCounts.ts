// How many events of each type happened per day, week or month, counted by the
// database in one statement on either engine. Periods are cut in the caller's time
// zone (default: the tenant's report time zone) as the sales report cuts them.
import { ownRows, tenantTable, type TenantDb } from '../../db/tenantClient';
import { periodIndex, periodStarts, type Grouping } from '../../domain/reports/periods';
import { reportRange, type ReportBound } from '../../domain/reports/reportPeriod';
import { badInput } from '../../errors';
import { Prisma } from '../../generated/tenant/client';
import { canonicalTimeZone } from '../../tenancy/localization';

export const MAX_COUNTED_TYPES = 50;

export interface EventCountsQuery {
  /** Only these types, each listed in every period (zeros included); absent: every type that happened. */
  types?: string[] | null;
  from: ReportBound;
  to: ReportBound;
  groupBy: Grouping;
  timeZone?: string | null;
}

export interface EventTypeCount {
  type: string;
  count: number;
}

export interface EventCountPeriod {
  period: string;
  start: Date;
  total: number;
  counts: EventTypeCount[];
}

function zoneOf(timeZone: string | null | undefined): string | undefined {
  if (timeZone === undefined || timeZone === null) return undefined;
  const zone = canonicalTimeZone(timeZone);
  if (!zone) throw badInput(`"${timeZone}" is not an IANA time zone such as "Asia/Tehran"`, { field: 'timeZone' });
  return zone;
}

function typesOf(types: string[] | null | undefined): string[] | undefined {
  if (types === undefined || types === null) return undefined;
  if (types.length === 0 || types.length > MAX_COUNTED_TYPES) throw badInput(`types must name 1 to ${MAX_COUNTED_TYPES} types`, { field: 'types' });
  return [...new Set(types)];
}

export async function eventCounts(db: TenantDb, locale: string, query: EventCountsQuery) {
  const types = typesOf(query.types);
  const { zone, from, to } = await reportRange(db, locale, query.from, query.to, zoneOf(query.timeZone));
  const starts = periodStarts(zone, from, to, query.groupBy);
  const rows = await db.$queryRaw<Array<{ bucket: number | bigint; type: string; count: number | bigint }>>(Prisma.sql`
    SELECT ${periodIndex('occurredAt', starts)} AS bucket, type, count(*) AS count
    FROM ${tenantTable('TenantEvent')} e
    WHERE ${ownRows('e')} AND "occurredAt" >= ${from} AND "occurredAt" < ${to}${types ? Prisma.sql` AND type IN (${Prisma.join(types)})` : Prisma.empty}
    GROUP BY 1, 2`);
  const counted = new Map<string, number>();
  for (const row of rows) counted.set(`${Number(row.bucket)} ${row.type}`, Number(row.count));
  const listed = types ?? [...new Set(rows.map((row) => row.type))];
  listed.sort();
  const periods: EventCountPeriod[] = starts.map(({ label, start }, i) => {
    const counts = listed.map((type) => ({ type, count: counted.get(`${i} ${type}`) ?? 0 })).filter((c) => types || c.count > 0);
    return { period: label, start, total: counts.reduce((total, c) => total + c.count, 0), counts };
  });
  return { timeZone: zone, periods, total: periods.reduce((total, p) => total + p.total, 0) };
}
