// Usage as an operator reads it: calls, errors and the 95th percentile latency per
// tenant and day, per day over several tenants (a fleet's percentile comes from the
// sum of its tenants' histograms, never from their percentiles), and per tenant over
// a period, busiest first.
import { latencyQuantile, type LatencyCount } from './latencyHistogram';
import type { UsageRow } from './usageStore';

const P95 = 0.95;

export interface UsageFigures {
  apiCalls: number;
  apiErrors: number;
  p95LatencyMs: number | null;
}

function grouped<K>(counts: LatencyCount[], keyOf: (c: LatencyCount) => K): Map<K, LatencyCount[]> {
  const groups = new Map<K, LatencyCount[]>();
  for (const c of counts) {
    const key = keyOf(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** Each row with its tenant's p95 of that day. */
export function withLatency(rows: UsageRow[], latency: LatencyCount[]): Array<UsageRow & { p95LatencyMs: number | null }> {
  const byTenantDay = grouped(latency, (c) => `${c.tenantId}|${c.day}`);
  return rows.map((row) => ({ ...row, p95LatencyMs: latencyQuantile(byTenantDay.get(`${row.tenantId}|${row.day}`) ?? [], P95) }));
}

/** Every day of `days`, the rows' tenants together (zeros on a day without calls). */
export function dailyTotals(days: string[], rows: UsageRow[], latency: LatencyCount[]): Array<UsageFigures & { day: string }> {
  const byDay = grouped(latency, (c) => c.day);
  return days.map((day) => {
    const ofDay = rows.filter((r) => r.day === day);
    return {
      day,
      apiCalls: ofDay.reduce((n, r) => n + r.calls, 0),
      apiErrors: ofDay.reduce((n, r) => n + r.errors, 0),
      p95LatencyMs: latencyQuantile(byDay.get(day) ?? [], P95),
    };
  });
}

/** The `limit` tenants with the most calls over the rows' days, busiest first. */
export function busiestTenants(rows: UsageRow[], latency: LatencyCount[], limit: number): Array<UsageFigures & { tenantId: string }> {
  const byTenant = grouped(latency, (c) => c.tenantId);
  const sums = new Map<string, { apiCalls: number; apiErrors: number }>();
  for (const { tenantId, calls, errors } of rows) {
    const sum = sums.get(tenantId) ?? { apiCalls: 0, apiErrors: 0 };
    sum.apiCalls += calls;
    sum.apiErrors += errors;
    sums.set(tenantId, sum);
  }
  return [...sums]
    .sort(([a, x], [b, y]) => y.apiCalls - x.apiCalls || a.localeCompare(b))
    .slice(0, limit)
    .map(([tenantId, sum]) => ({ tenantId, ...sum, p95LatencyMs: latencyQuantile(byTenant.get(tenantId) ?? [], P95) }));
}
