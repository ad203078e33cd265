// Requests, errors and the 95th percentile latency per day over the last 30 days, for
// the fleet (platform admins) or one tenant, and the busiest tenants (platform admins).
import { useState } from 'react';
import { ask } from './api';
import type { Access } from './access';
import { count, lastDays } from './format';
import { tenantsFor } from './tenantList';
import { useAnswer } from './useAnswer';
import { UsageChart } from './UsageChart';
import { Problems } from './Problems';

interface Totals {
  usageTotals: Array<{ day: string; apiCalls: number; apiErrors: number; p95LatencyMs: number | null }>;
}
interface Top {
  topTenants: Array<{ tenant: { slug: string; name: string }; apiCalls: number; apiErrors: number; p95LatencyMs: number | null }>;
}

const TOTALS = 'query ConsoleUsage($from: Date!, $to: Date!, $tenant: String) { usageTotals(from: $from, to: $to, tenant: $tenant) { day apiCalls apiErrors p95LatencyMs } }';
const TOP = 'query ConsoleTopTenants($from: Date!, $to: Date!) { topTenants(from: $from, to: $to, limit: 10) { tenant { slug name } apiCalls apiErrors p95LatencyMs } }';
const DAYS = 30;

export function UsageView({ access }: { access: Access }) {
  const days = lastDays(DAYS);
  const period = { from: days[0], to: days[days.length - 1] };
  // Platform admins start with the fleet; a tenant's manager with their first tenant.
  const [tenant, setTenant] = useState(access.admin ? '' : access.managed[0]);
  const totals = useAnswer(`usage ${tenant}`, () => ask<Totals>(TOTALS, { ...period, tenant: tenant || null }, tenant || undefined));
  const tenants = useAnswer('usage tenants', () => tenantsFor(access));
  const top = useAnswer('top', () => (access.admin ? ask<Top>(TOP, period) : Promise.resolve({ data: null, errors: [] })));
  const rows = totals.answer?.data?.usageTotals ?? [];
  return (
    <section>
      <h1>Usage</h1>
      <div className="toolbar">
        <label>
          For{' '}
          <select aria-label="usage of" value={tenant} onChange={(e) => setTenant(e.target.value)}>
            {access.admin && <option value="">the whole fleet</option>}
            {(tenants.answer?.data ?? []).map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.slug}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">UTC days; platform admins’ own requests are not counted.</span>
      </div>
      <Problems failure={totals.failure} errors={totals.answer?.errors} />
      <div className="grid">
        <div className="card">
          <UsageChart
            title="Requests and errors per day"
            days={days}
            series={[
              { label: 'requests', color: '#2563eb', values: rows.map((r) => r.apiCalls) },
              { label: 'errors', color: '#dc2626', values: rows.map((r) => r.apiErrors) },
            ]}
          />
        </div>
        <div className="card">
          <UsageChart title="p95 latency per day (ms)" days={days} series={[{ label: 'p95 ms', color: '#7c3aed', values: rows.map((r) => r.p95LatencyMs) }]} />
        </div>
      </div>
      {access.admin && (
        <div className="card">
          <h2>Top tenants by requests, last 30 days</h2>
          <table className="top">
            <thead>
              <tr>
                <th>Tenant</th>
                <th>Requests</th>
                <th>Errors</th>
                <th>p95 (ms)</th>
              </tr>
            </thead>
            <tbody>
              {top.answer?.data?.topTenants.map((t) => (
                <tr key={t.tenant.slug}>
                  <td>
                    <a href={`#/tenants/${encodeURIComponent(t.tenant.slug)}`}>{t.tenant.slug}</a> <span className="muted">{t.tenant.name}</span>
                  </td>
                  <td>{count(t.apiCalls)}</td>
                  <td>{count(t.apiErrors)}</td>
                  <td>{count(t.p95LatencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
