// Every tenant the user may see in the console, with where it lives and this month's
// calls against its plan's quota: sortable, filterable by status, server and plan,
// searchable by slug or name. A row opens the tenant.
import { useMemo, useState } from 'react';
import type { Access } from './access';
import { UseBar } from './Bars';
import { day } from './format';
import { tenantsFor, type TenantRow } from './tenantList';
import { useAnswer } from './useAnswer';
import { Problems } from './Problems';


type Column = 'slug' | 'name' | 'status' | 'engine' | 'isolation' | 'server' | 'plan' | 'schemaVersion' | 'createdAt' | 'apiCallsThisMonth';
const COLUMNS: Array<[Column, string]> = [
  ['slug', 'Slug'],
  ['name', 'Name'],
  ['status', 'Status'],
  ['engine', 'Engine'],
  ['isolation', 'Isolation'],
  ['server', 'Server'],
  ['plan', 'Plan'],
  ['schemaVersion', 'Schema version'],
  ['createdAt', 'Created'],
  ['apiCallsThisMonth', 'Requests this month'],
];

const sortValue = (t: TenantRow, column: Column): string | number => (column === 'plan' ? t.plan.code : (t[column] ?? ''));

const distinct = (rows: TenantRow[], pick: (t: TenantRow) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))].sort();

export function TenantsView({ access }: { access: Access }) {
  const { answer, failure, reload } = useAnswer('tenants', () => tenantsFor(access));
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'slug', descending: false });
  const [filters, setFilters] = useState({ status: '', server: '', plan: '', search: '' });
  const all = answer?.data ?? [];

  const shown = useMemo(() => {
    const search = filters.search.trim().toLowerCase();
    const rows = all.filter(
      (t) =>
        (!filters.status || t.status === filters.status) &&
        (!filters.server || t.server === filters.server) &&
        (!filters.plan || t.plan.code === filters.plan) &&
        (!search || t.slug.includes(search) || t.name.toLowerCase().includes(search)),
    );
    const sign = sort.descending ? -1 : 1;
    return rows.sort((a, b) => {
      const [x, y] = [sortValue(a, sort.column), sortValue(b, sort.column)];
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    });
  }, [all, sort, filters]);

  const filter = (name: 'status' | 'server' | 'plan', options: string[]) => (
    <label>
      {name}{' '}
      <select aria-label={`filter by ${name}`} value={filters[name]} onChange={(e) => setFilters({ ...filters, [name]: e.target.value })}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );

  return (
    <section>
      <h1>Tenants</h1>
      <div className="toolbar">
        <input type="search" placeholder="Search slug or name" aria-label="search tenants" value={filters.search} onChange={(e) => setFilters({ ...filters, search: e.target.value })} />
        {filter('status', distinct(all, (t) => t.status))}
        {filter('server', distinct(all, (t) => t.server))}
        {filter('plan', distinct(all, (t) => t.plan.code))}
        <button onClick={reload}>Refresh</button>
        <span className="muted">
          {shown.length} of {all.length}
        </span>
      </div>
      <Problems failure={failure} errors={answer?.errors} />
      <table className="tenants">
        <thead>
          <tr>
            {COLUMNS.map(([column, label]) => (
              <th key={column} onClick={() => setSort({ column, descending: sort.column === column && !sort.descending })} aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                {label}
                {sort.column === column ? (sort.descending ? ' ▾' : ' ▴') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((t) => (
            <tr key={t.slug} data-tenant={t.slug} onClick={() => (window.location.hash = `#/tenants/${encodeURIComponent(t.slug)}`)}>
              <td>
                <a href={`#/tenants/${encodeURIComponent(t.slug)}`}>{t.slug}</a>
              </td>
              <td>{t.name}</td>
              <td>
                <span className={`status ${t.status}`}>{t.status}</span>
              </td>
              <td>{t.engine}</td>
              <td>{t.isolation}</td>
              <td className="server">{t.server ?? 'own database'}</td>
              <td>{t.plan.code}</td>
              <td className="mono">{t.schemaVersion ?? '–'}</td>
              <td>{day(t.createdAt)}</td>
              <td>
                <UseBar used={t.apiCallsThisMonth} limit={t.plan.maxApiCallsPerMonth} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
