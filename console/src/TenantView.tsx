// One tenant: its standing (placement, plan, quota, storage), members, domains, API
// key names, webhooks with their last deliveries, usage per day, the audit log's
// recent entries, its jobs, and the actions the policy allows the user.
import { ask } from './api';
import { mayOpen, type Access } from './access';
import { UseBar } from './Bars';
import { day, lastDays, when } from './format';
import { JobTable } from './JobsView';
import { TenantActions } from './TenantActions';
import { useAnswer } from './useAnswer';
import { UsageChart } from './UsageChart';
import { JOB_FIELDS, type Job } from './useLiveJobs';

interface Standing {
  tenant: {
    slug: string;
    name: string;
    status: string;
    engine: string;
    isolation: string;
    server: string | null;
    schemaVersion: string | null;
    createdAt: string;
    suspendedReason: string | null;
    apiCallsThisMonth: number | null;
    storageUsedMb: number | null;
    plan: { code: string; name: string; maxApiCallsPerMonth: number | null; maxStorageMb: number | null };
    domains: Array<{ domain: string; verifiedAt: string | null }>;
  } | null;
  provisioningJobs: Job[] | null;
  plans: Array<{ code: string; name: string }> | null;
}

interface Inside {
  members: { nodes: Array<{ email: string; name: string; role: string; status: string }> } | null;
  apiKeys: { nodes: Array<{ name: string; prefix: string; role: string; revokedAt: string | null; lastUsedAt: string | null }> } | null;
  webhooks: { nodes: Array<{ id: string; url: string; enabled: boolean; events: string[] }> } | null;
  auditLog: { nodes: Array<{ createdAt: string; action: string; actorType: string }> } | null;
  usage: Array<{ day: string; apiCalls: number; apiErrors: number; p95LatencyMs: number | null }> | null;
}

// Read without X-Tenant: what stays readable while the tenant is suspended or not serving.
const STANDING = `query ConsoleTenant($slug: String!) {
  tenant(slug: $slug) {
    slug name status engine isolation server schemaVersion createdAt suspendedReason apiCallsThisMonth storageUsedMb
    plan { code name maxApiCallsPerMonth maxStorageMb }
    domains { domain verifiedAt }
  }
  provisioningJobs(tenant: $slug, first: 10) { ${JOB_FIELDS} }
  plans { code name }
}`;

// Read as the tenant (X-Tenant): its own lists, and its records as its owners and admins read them.
const INSIDE = `query ConsoleTenantInside($slug: String!, $from: Date!, $to: Date!) {
  members(first: 100) { nodes { email name role status } }
  apiKeys(first: 100) { nodes { name prefix role revokedAt lastUsedAt } }
  webhooks(first: 20) { nodes { id url enabled events } }
  auditLog(first: 10, tenant: $slug) { nodes { createdAt action actorType } }
  usage(from: $from, to: $to, tenant: $slug) { day apiCalls apiErrors p95LatencyMs }
}`;

const DELIVERIES = `query ConsoleDeliveries($webhookId: ID!) { webhookDeliveries(webhookId: $webhookId, first: 3) { nodes { eventType status statusCode createdAt error } } }`;

const DAYS = 30;
const INSIDE_FIELDS = { members: true, apiKeys: true, webhooks: true, auditLog: true, usage: true };

function Section({ title, error, children }: { title: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="card">
      <h2>{title}</h2>
      {error ? <p className="error">{error}</p> : children}
    </div>
  );
}

function Deliveries({ webhookId, slug }: { webhookId: string; slug: string }) {
  type Deliveries = { webhookDeliveries: { nodes: Array<{ eventType: string; status: string; statusCode: number | null; createdAt: string; error: string | null }> } };
  const { answer } = useAnswer(`deliveries ${webhookId}`, () => ask<Deliveries>(DELIVERIES, { webhookId }, slug));
  const rows = answer?.data?.webhookDeliveries.nodes ?? [];
  if (!rows.length) return <span className="muted">no deliveries yet</span>;
  return (
    <ul className="plain">
      {rows.map((d, i) => (
        <li key={i}>
          {when(d.createdAt)} {d.eventType}: <span className={`status ${d.status}`}>{d.status}</span> {d.statusCode ?? ''} {d.error ?? ''}
        </li>
      ))}
    </ul>
  );
}

export function TenantView({ slug, access }: { slug: string; access: Access }) {
  const days = lastDays(DAYS);
  const allowed = mayOpen(access, slug);
  const nothing = () => Promise.resolve({ data: null, errors: [] });
  const standing = useAnswer(`tenant ${slug}`, () => (allowed ? ask<Standing>(STANDING, { slug }) : nothing()));
  const inside = useAnswer(`inside ${slug}`, () => (allowed ? ask<Inside>(INSIDE, { slug, from: days[0], to: days[days.length - 1] }, slug) : nothing()));
  const reload = () => {
    standing.reload();
    inside.reload();
  };
  if (!allowed) {
    const role = access.roleIn(slug);
    return (
      <section>
        <h1>{slug}</h1>
        <p className="refusal" role="alert">
          You may not open {slug} in the console: only platform admins and its owners and admins may{role ? ` (your role: ${role})` : ''}.
        </p>
      </section>
    );
  }
  const data = { ...standing.answer?.data, ...inside.answer?.data };
  // A field's own refusal shows in its section; one of a whole request (a tenant not serving refuses every X-Tenant request) in each section it fed.
  const errorOf = (field: string) => {
    const answer = field in INSIDE_FIELDS ? inside.answer : standing.answer;
    return answer?.errors.find((e) => e.path?.[0] === field || !e.path)?.message;
  };
  const failure = standing.failure ?? inside.failure;
  const t = data.tenant;
  const usage = new Map((data.usage ?? []).map((u) => [u.day, u]));
  return (
    <section>
      <p>
        <a href="#/tenants">← Tenants</a>
      </p>
      <h1>
        {t?.name ?? slug} <span className="muted">{slug}</span> {t && <span className={`status ${t.status}`}>{t.status}</span>}
      </h1>
      {failure && <p className="error">{failure}</p>}
      {errorOf('tenant') && <p className="error">{errorOf('tenant')}</p>}
      {t && (
        <div className="grid">
          <Section title="Standing">
            <dl>
              <dt>Engine / isolation</dt>
              <dd>
                {t.engine} / {t.isolation}
              </dd>
              <dt>Server</dt>
              <dd className="server">{t.server ?? 'own database'}</dd>
              <dt>Plan</dt>
              <dd>{t.plan.name}</dd>
              <dt>Schema version</dt>
              <dd className="mono">{t.schemaVersion ?? '–'}</dd>
              <dt>Created</dt>
              <dd>{day(t.createdAt)}</dd>
              {t.suspendedReason && (
                <>
                  <dt>Suspended because</dt>
                  <dd>{t.suspendedReason}</dd>
                </>
              )}
              <dt>Requests this month</dt>
              <dd>
                <UseBar used={t.apiCallsThisMonth} limit={t.plan.maxApiCallsPerMonth} />
              </dd>
              <dt>Storage</dt>
              <dd>
                <UseBar used={t.storageUsedMb} limit={t.plan.maxStorageMb} unit=" MB" />
              </dd>
            </dl>
            <TenantActions tenant={t} access={access} plans={data.plans ?? []} onDone={reload} />
          </Section>
          <Section title="Usage, last 30 days" error={errorOf('usage')}>
            <UsageChart
              title="Requests and errors per day"
              days={days}
              width={560}
              height={160}
              series={[
                { label: 'requests', color: '#2563eb', values: days.map((d) => usage.get(d)?.apiCalls ?? 0) },
                { label: 'errors', color: '#dc2626', values: days.map((d) => usage.get(d)?.apiErrors ?? 0) },
              ]}
            />
            <UsageChart title="p95 latency per day (ms)" days={days} width={560} height={140} series={[{ label: 'p95 ms', color: '#7c3aed', values: days.map((d) => usage.get(d)?.p95LatencyMs ?? null) }]} />
          </Section>
          <Section title="Members" error={errorOf('members')}>
            <ul className="plain">
              {data.members?.nodes.map((m) => (
                <li key={m.email}>
                  {m.name} &lt;{m.email}&gt; <b>{m.role}</b> {m.status !== 'ACTIVE' && <span className="muted">{m.status}</span>}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Domains">
            {t.domains.length ? (
              <ul className="plain">
                {t.domains.map((d) => (
                  <li key={d.domain}>
                    {d.domain} {d.verifiedAt ? '✓ verified' : <span className="muted">not verified</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Only its subdomain.</p>
            )}
          </Section>
          <Section title="API keys" error={errorOf('apiKeys')}>
            {data.apiKeys?.nodes.length ? (
              <ul className="plain">
                {data.apiKeys.nodes.map((k) => (
                  <li key={k.prefix}>
                    {k.name} <span className="mono">{k.prefix}…</span> {k.role} {k.revokedAt ? <span className="muted">revoked</span> : `last used ${when(k.lastUsedAt)}`}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None.</p>
            )}
          </Section>
          <Section title="Webhooks" error={errorOf('webhooks')}>
            {data.webhooks?.nodes.length ? (
              data.webhooks.nodes.map((w) => (
                <div key={w.id}>
                  <b>{w.url}</b> {w.enabled ? '' : <span className="muted">disabled</span>}
                  <Deliveries webhookId={w.id} slug={slug} />
                </div>
              ))
            ) : (
              <p className="muted">None.</p>
            )}
          </Section>
          <Section title="Recent audit entries" error={errorOf('auditLog')}>
            <ul className="plain">
              {data.auditLog?.nodes.map((a, i) => (
                <li key={i}>
                  {when(a.createdAt)} {a.action} <span className="muted">by {a.actorType}</span>
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Jobs" error={errorOf('provisioningJobs')}>
            <JobTable jobs={data.provisioningJobs ?? []} onRetried={reload} />
          </Section>
        </div>
      )}
    </section>
  );
}
