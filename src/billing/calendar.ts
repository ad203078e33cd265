// Billing counts by UTC calendar: API calls per day and per month, invoices per
// month, subscription periods of whole months.

/** `2026-11-22` */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/** `2026-11` */
export const utcMonth = (at: Date) => at.toISOString().slice(0, 7);

export const startOfUtcMonth = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

export const startOfNextUtcMonth = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));

/** The same time `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  target.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds());
  return target;
}

/** Every UTC day from `from` to `to`, inclusive. */
export function utcDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let at = new Date(utcDay(from)); at <= to; at = new Date(at.getTime() + 86_400_000)) days.push(utcDay(at));
  return days;
}
