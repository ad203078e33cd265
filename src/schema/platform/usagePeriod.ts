// The period a usage query reads: whole UTC days, at most a year, so its answer is one
// list and no pages.
import type { UsageFilter } from '../../billing/usageMeter';
import { badInput } from '../../errors';
import type { Services } from '../../services';

export const MAX_USAGE_DAYS = 366;
const DAY = 86_400_000;

/** BAD_USER_INPUT unless `from`..`to` is a period of at most MAX_USAGE_DAYS. */
export function checkUsagePeriod(from: Date, to: Date): void {
  if (to < from) throw badInput('to is before from', { field: 'to' });
  if ((to.getTime() - from.getTime()) / DAY >= MAX_USAGE_DAYS) throw badInput(`at most ${MAX_USAGE_DAYS} days at once`, { field: 'to' });
}

/** The period's calls (per tenant and day) and latency counts, read together; BAD_USER_INPUT for a period too long. */
export async function readUsage(services: Pick<Services, 'usage'>, filter: UsageFilter) {
  checkUsagePeriod(filter.from, filter.to);
  const [rows, latency] = await Promise.all([services.usage.daily(filter), services.usage.latency(filter)]);
  return { rows, latency };
}
