// Report and balance bounds as people write them: a date ("2026-09-01") or a full
// date-time ("2026-09-01T08:30:00Z"). A date stays a CalendarDate here, because
// when it begins depends on the tenant's report time zone, which only the
// resolver knows; a date-time is parsed by the DateTime scalar.
import { GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { CalendarDate, type ReportBound } from '../domain/reports/reportPeriod';
import { badInput } from '../errors';
import { DateTimeScalar } from './scalars';

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day of years 1 to 9999 ("2026-02-30" and year 0 are not), as ISO text. */
function calendarDate(text: string): CalendarDate {
  const day = new Date(`${text}T00:00:00Z`);
  if (text.startsWith('0000') || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    throw badInput(`"${text}" is not a date such as "2026-09-01"`);
  }
  return new CalendarDate(text);
}

/** A date-time as the DateTime scalar reads it, refused in this scalar's own words (`shown`: the value as written). */
function dateTime(parse: () => Date, shown: string): Date {
  try {
    return parse();
  } catch {
    throw badInput(`${shown} is neither a date ("2026-09-01") nor a date-time with its offset ("2026-09-01T08:30:00Z")`);
  }
}

export const DateOrDateTimeScalar = new GraphQLScalarType<ReportBound, unknown>({
  name: 'DateOrDateTime',
  description:
    'A date, "2026-09-01", as a day in the tenant\'s report time zone (a range starts or ends at its midnight, a balance takes in the whole day), or a date-time with its offset, "2026-09-01T08:30:00Z".',
  serialize: (value) => (value instanceof CalendarDate ? value.iso : DateTimeScalar.serialize(value)),
  parseValue: (value) =>
    typeof value === 'string' && PLAIN_DATE.test(value)
      ? calendarDate(value)
      : dateTime(() => DateTimeScalar.parseValue(value), JSON.stringify(value) ?? String(value)),
  parseLiteral: (ast: ValueNode, variables) =>
    ast.kind === Kind.STRING && PLAIN_DATE.test(ast.value)
      ? calendarDate(ast.value)
      : dateTime(() => DateTimeScalar.parseLiteral(ast, variables), print(ast)),
});
