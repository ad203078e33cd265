// When a provider works, from weekly rules in wall-clock time: "Mondays 09:00 to 17:00"
// means 09:00 on the tenant's clock on every Monday, whatever the offset from UTC that
// day, so a change to or from summer time moves nothing. Rules become moments here, day
// by day in the tenant's time zone (luxon), and slots are cut from those moments.
import { DateTime } from 'luxon';

export interface WeeklyRule {
  /** 1 Monday to 7 Sunday (ISO). */
  weekday: number;
  /** "09:00". */
  from: string;
  /** "17:00"; "24:00" is the end of the day. */
  to: string;
}

export interface Span {
  startsAt: Date;
  endsAt: Date;
}

/** "HH:MM" from 00:00 to 24:00. */
export const WALL_CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const overlaps = (a: Span, b: Span) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** `hhmm` on the local day `day` (its start of day); a time the clock skips (a spring-forward gap) is the moment after it. */
function atWallClock(day: DateTime, hhmm: string): DateTime {
  if (hhmm === '24:00') return day.plus({ days: 1 }).startOf('day');
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The spans the rules make in `zone`, those that overlap [from, to), in time order. */
export function workingSpans(rules: WeeklyRule[], zone: string, from: Date, to: Date): Span[] {
  const spans: Span[] = [];
  const last = DateTime.fromJSDate(to, { zone }).startOf('day');
  for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 }).startOf('day')) {
    for (const rule of rules) {
      if (rule.weekday !== day.weekday) continue;
      const span = { startsAt: atWallClock(day, rule.from).toJSDate(), endsAt: atWallClock(day, rule.to).toJSDate() };
      if (span.startsAt < span.endsAt && overlaps(span, { startsAt: from, endsAt: to })) spans.push(span);
    }
  }
  return spans.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Whether [startsAt, endsAt) lies wholly within one of the rules' spans. */
export function withinRules(rules: WeeklyRule[], zone: string, wanted: Span): boolean {
  return workingSpans(rules, zone, wanted.startsAt, wanted.endsAt).some((span) => span.startsAt <= wanted.startsAt && wanted.endsAt <= span.endsAt);
}

/**
 * The slots of `minutes` each span holds, back to back from its start, that begin in
 * [from, to) and overlap nothing `busy` holds.
 */
export function freeSlots(spans: Span[], minutes: number, busy: Span[], from: Date, to: Date): Span[] {
  const step = minutes * 60_000;
  const slots: Span[] = [];
  for (const span of spans) {
    for (let start = span.startsAt.getTime(); start + step <= span.endsAt.getTime(); start += step) {
      const slot = { startsAt: new Date(start), endsAt: new Date(start + step) };
      if (slot.startsAt < from || slot.startsAt >= to) continue;
      if (!busy.some((b) => overlaps(slot, b))) slots.push(slot);
    }
  }
  return slots;
}
