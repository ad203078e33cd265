// Weekly rules in wall-clock time become moments day by day in the tenant's zone, so a
// rule means the same local hours on both sides of a change to or from summer time.
import { freeSlots, withinRules, workingSpans } from '../../src/modules/bookings/weeklyAvailability';

const ZONE = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);
const shown = (spans: Array<{ startsAt: Date; endsAt: Date }>) => spans.map((s) => `${s.startsAt.toISOString().slice(5, 16)}/${s.endsAt.toISOString().slice(11, 16)}`);

test('a 09:00-17:00 rule is 08:00Z on the Saturday before summer time begins in Berlin (2027-03-28) and 07:00Z on the Monday after', () => {
  const rules = [6, 1].map((weekday) => ({ weekday, from: '09:00', to: '17:00' }));
  expect(shown(workingSpans(rules, ZONE, at('2027-03-27T00:00:00Z'), at('2027-03-30T00:00:00Z')))).toEqual(['03-27T08:00/16:00', '03-29T07:00/15:00']);
});

test('"24:00" ends the day, and a time the clock skips moves on by the hour skipped (02:30 is 03:30 that Sunday)', () => {
  expect(shown(workingSpans([{ weekday: 7, from: '02:30', to: '24:00' }], ZONE, at('2027-03-28T00:00:00Z'), at('2027-03-29T00:00:00Z')))).toEqual(['03-28T01:30/22:00']);
});

test('a time within rules that meet is within them; one that runs past their end is not', () => {
  const rules = [
    { weekday: 1, from: '09:00', to: '12:00' },
    { weekday: 1, from: '12:00', to: '17:00' },
  ];
  expect(withinRules(rules, 'UTC', { startsAt: at('2027-03-29T11:30:00Z'), endsAt: at('2027-03-29T12:30:00Z') })).toBe(true);
  expect(withinRules(rules, 'UTC', { startsAt: at('2027-03-29T16:30:00Z'), endsAt: at('2027-03-29T17:30:00Z') })).toBe(false);
});

test('slots are cut back to back from the start of each span, leaving out those that overlap what is busy or begin outside [from, to)', () => {
  const span = { startsAt: at('2027-03-29T09:00:00Z'), endsAt: at('2027-03-29T12:30:00Z') };
  const busy = [{ startsAt: at('2027-03-29T10:15:00Z'), endsAt: at('2027-03-29T10:45:00Z') }];
  expect(shown(freeSlots([span], 60, busy, at('2027-03-29T09:30:00Z'), at('2027-03-30T00:00:00Z')))).toEqual(['03-29T11:00/12:00']);
  expect(shown(freeSlots([span], 60, [], span.startsAt, span.endsAt))).toEqual(['03-29T09:00/10:00', '03-29T10:00/11:00', '03-29T11:00/12:00']);
});
