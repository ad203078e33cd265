// The window every report takes, [from, to) in the tenant's time zone, and the bounds
// callers give it and balances: moments, or dates that begin at midnight on the tenant's clock.
import { DateTime } from 'luxon';
import { badInput } from '../../errors';
import type { Tx } from '../transaction';
import type { TenantDb } from '../../db/tenantClient';
import { defaultSettings, readSetting } from '../settings';

/** A day as people write it ("2026-09-01"): when it begins depends on whose clock. */
export class CalendarDate {
  constructor(readonly iso: string) {}
}

/** A bound as the caller gave it: a moment, or a calendar date on the tenant's clock. */
export type ReportBound = Date | CalendarDate;

type Db = TenantDb | Tx;

function checkRange(from: Date, to: Date) {
  if (!(from < to)) throw badInput('from must be before to', { field: 'to' });
}

export const reportTimeZone = (db: Db, locale: string) => readSetting(db, 'report.timeZone', defaultSettings(locale)['report.timeZone']);

// Moments whose ISO text has a four-digit year: the ones a query can take back as parameters.
const FIRST_MOMENT = Date.parse('0001-01-01T00:00:00Z');
const LAST_MOMENT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The moment the wall clock of `zone` reads midnight, `daysLater` days after `date`,
 * by the zone rules the reports cut their days and months by (periodStarts), so a
 * date bound and a period start agree. Computed here, not in SQL: MySQL knows named
 * zones only when their tables were loaded.
 */
export function midnight(zone: string, date: CalendarDate, daysLater: number): Date {
  // startOf again: where a midnight is skipped, luxon moves it to 01:00, and adding days would keep that hour.
  const day = DateTime.fromISO(date.iso, { zone }).plus({ days: daysLater }).startOf('day');
  if (!day.isValid) throw badInput(`"${date.iso}" is not a date in ${zone}`);
  const ms = day.toMillis();
  if (ms < FIRST_MOMENT || ms > LAST_MOMENT) throw badInput(`"${date.iso}" in ${zone} is outside the years 1 to 9999`);
  return new Date(ms);
}

/** [from, to) as moments, a date being the midnight it begins with in `zone` (default: the tenant's report time zone). */
export async function reportRange(db: Db, locale: string, from: ReportBound, to: ReportBound, zone?: string) {
  zone ??= await reportTimeZone(db, locale);
  const moment = (bound: ReportBound) => (bound instanceof CalendarDate ? midnight(zone, bound, 0) : bound);
  const range = { zone, from: moment(from), to: moment(to) };
  checkRange(range.from, range.to);
  return range;
}

/** The last moment a balance `asOf` includes: itself, or for a date the whole of that day in the tenant's report time zone. */
export async function asOfMoment(db: Db, locale: string, asOf: ReportBound): Promise<Date> {
  if (!(asOf instanceof CalendarDate)) return asOf;
  // Entries are dated to the millisecond: one before the next midnight is the day's last.
  return new Date(midnight(await reportTimeZone(db, locale), asOf, 1).getTime() - 1);
}
