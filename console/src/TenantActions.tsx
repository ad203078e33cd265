// What the user may do to the tenant, as the policy says (src/auth/policy.ts): suspend
// and resume (platform admins), archive and restore, change its plan (its owners and
// platform admins). A failed job is retried from its row in the Jobs list.
import { useState } from 'react';
import { must } from './api';
import type { Access } from './access';

interface Target {
  slug: string;
  status: string;
  plan: { code: string };
}

const SUSPEND = 'mutation ConsoleSuspend($slug: String!, $reason: String!) { suspendTenant(slug: $slug, reason: $reason) { status } }';
const RESUME = 'mutation ConsoleResume($slug: String!) { resumeTenant(slug: $slug) { status } }';
const ARCHIVE = 'mutation ConsoleArchive($slug: String!) { archiveTenant(slug: $slug) { tenant { status } } }';
const RESTORE = 'mutation ConsoleRestore($slug: String!) { restoreTenant(slug: $slug) { status } }';
const CHANGE_PLAN = 'mutation ConsoleChangePlan($plan: String!) { changePlan(plan: $plan) { plan { code } } }';

export function TenantActions({ tenant, access, plans, onDone }: { tenant: Target; access: Access; plans: Array<{ code: string; name: string }>; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const owner = access.admin || access.roleIn(tenant.slug) === 'OWNER';
  const run = async (query: string, variables: Record<string, unknown>, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setError(null);
    try {
      // changePlan acts on the request's tenant: X-Tenant names it.
      await must(query, variables, tenant.slug);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const suspend = () => {
    const reason = window.prompt(`Why suspend ${tenant.slug}? Its members will read this.`);
    if (reason) void run(SUSPEND, { slug: tenant.slug, reason });
  };
  return (
    <div className="actions">
      {access.admin && tenant.status === 'ACTIVE' && <button onClick={suspend}>Suspend</button>}
      {access.admin && tenant.status === 'SUSPENDED' && <button onClick={() => run(RESUME, { slug: tenant.slug })}>Resume</button>}
      {owner && ['ACTIVE', 'SUSPENDED', 'FAILED'].includes(tenant.status) && (
        <button onClick={() => run(ARCHIVE, { slug: tenant.slug }, `Archive ${tenant.slug}? It stops serving now; its data is dropped after the grace period.`)}>Archive</button>
      )}
      {owner && tenant.status === 'ARCHIVED' && <button onClick={() => run(RESTORE, { slug: tenant.slug })}>Restore</button>}
      {owner && tenant.status === 'ACTIVE' && (
        <label>
          Plan{' '}
          <select aria-label="change plan" value={tenant.plan.code} onChange={(e) => run(CHANGE_PLAN, { plan: e.target.value }, `Move ${tenant.slug} to the ${e.target.value} plan?`)}>
            {plans.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
