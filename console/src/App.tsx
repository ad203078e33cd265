// The console: the sign-in form until someone signs in, then who they are, the views
// (Tenants, Jobs, Servers, Usage) they may see, and the open one.
import { signOut } from '../../explorer/src/session';
import { useExplorerSession } from '../../explorer/src/useExplorerSession';
import { ask } from './api';
import { accessOf, ME, refusal, type Me } from './access';
import { endpoint } from './config';
import { JobsView } from './JobsView';
import { ServersView } from './ServersView';
import { SignIn } from './SignIn';
import { TenantsView } from './TenantsView';
import { TenantView } from './TenantView';
import { useAnswer } from './useAnswer';
import { useHashRoute } from './useHashRoute';
import { UsageView } from './UsageView';

function Views({ me }: { me: Me }) {
  const [view, slug] = useHashRoute();
  const access = accessOf(me);
  const refused = refusal(me, access);
  const tabs: Array<[string, string]> = [
    ['tenants', 'Tenants'],
    ['jobs', 'Jobs'],
    ...(access.admin ? [['servers', 'Servers'] as [string, string]] : []),
    ['usage', 'Usage'],
  ];
  return (
    <>
      <header>
        <b>tenantgraph console</b>
        {!refused && (
          <nav>
            {tabs.map(([id, label]) => (
              <a key={id} href={`#/${id}`} className={view === id ? 'open' : ''}>
                {label}
              </a>
            ))}
          </nav>
        )}
        <span className="who">
          Signed in as {me.email}
          {access.admin ? ' (platform admin)' : ''} <button onClick={() => signOut(endpoint.http)}>Sign out</button>
        </span>
      </header>
      <main>
        {refused ? (
          <p className="refusal" role="alert">
            {refused}
          </p>
        ) : view === 'tenants' && slug ? (
          <TenantView key={slug} slug={slug} access={access} />
        ) : view === 'jobs' ? (
          <JobsView admin={access.admin} />
        ) : view === 'servers' && access.admin ? (
          <ServersView />
        ) : view === 'usage' ? (
          <UsageView access={access} />
        ) : (
          <TenantsView access={access} />
        )}
      </main>
    </>
  );
}

export function App() {
  const session = useExplorerSession();
  const { answer, failure } = useAnswer(`me ${session?.email ?? ''}`, () => (session ? ask<{ me: Me | null }>(ME) : Promise.resolve({ data: null, errors: [] })));
  if (!session) return <SignIn />;
  const me = answer?.data?.me;
  if (failure || (answer && !me)) {
    return (
      <main>
        <p className="error" role="alert">
          {failure ?? answer?.errors[0]?.message ?? 'Your session has ended.'}
        </p>
        <button onClick={() => signOut(endpoint.http)}>Sign in again</button>
      </main>
    );
  }
  return me ? <Views key={me.email} me={me} /> : <p className="muted">Loading…</p>;
}
