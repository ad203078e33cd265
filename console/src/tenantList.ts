// The tenants the user may see, with what the Tenants table shows of each, read a
// page of 100 at a time (the API's largest page) until the last.
import { ask, type Answer } from './api';
import type { Access } from './access';

export interface TenantRow {
  slug: string;
  name: string;
  status: string;
  engine: string;
  isolation: string;
  server: string | null;
  plan: { code: string; maxApiCallsPerMonth: number | null };
  schemaVersion: string | null;
  createdAt: string;
  apiCallsThisMonth: number | null;
}

const TENANTS = `query ConsoleTenants($where: TenantWhere, $after: String) {
  tenants(first: 100, after: $after, where: $where) {
    nodes { slug name status engine isolation server plan { code maxApiCallsPerMonth } schemaVersion createdAt apiCallsThisMonth }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  tenants: { nodes: TenantRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Platform admins: the fleet; anyone else: the tenants they manage (a VIEWER's tenants have no figures for them). */
export async function tenantsFor(access: Access): Promise<Answer<TenantRow[]>> {
  const where = access.admin ? null : { slug: { in: access.managed } };
  const rows: TenantRow[] = [];
  for (let after: string | null = null; ; ) {
    const { data, errors }: Answer<Page> = await ask<Page>(TENANTS, { where, after });
    if (!data) return { data: null, errors };
    rows.push(...data.tenants.nodes);
    if (errors.length || !data.tenants.pageInfo.hasNextPage) return { data: rows, errors };
    after = data.tenants.pageInfo.endCursor;
  }
}
