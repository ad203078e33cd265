// Demo mode only: one click signs in as a demo user (through the `login` mutation,
// like any client) and fills the Authorization and X-Tenant headers, so a
// newcomer's first tenant query runs without copying a token by hand. The session
// is the explorer's (session.ts): every tab sends its token, refreshed as it expires,
// and every tab's panel says who is signed in.
import { Button, useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { useState } from 'react';
import type { DemoLogin, ExplorerPageConfig } from '../../src/server/explorer/pageConfig';
import { signIn } from './session';
import { useExplorerSession } from './useExplorerSession';

function DemoLoginsPanel({ endpoint, demo }: { endpoint: string; demo: NonNullable<ExplorerPageConfig['demo']> }) {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const session = useExplorerSession();
  // What this tab is doing (signing in, or why it could not); otherwise the session speaks.
  const [pending, setPending] = useState<string | null>(null);
  const status =
    pending ??
    (session
      ? `Signed in as ${session.email}, tenant ${session.tenant}. Run the query (Ctrl-Enter).`
      : 'Pick a user: the headers are filled in for you. Then run the query.');

  async function use(login: DemoLogin) {
    setPending(`Signing in as ${login.email}…`);
    try {
      const { token } = await signIn(endpoint, login.email, demo.password, login.tenant);
      headerEditor?.setValue(JSON.stringify({ Authorization: `Bearer ${token}`, 'X-Tenant': login.tenant }, null, 2));
      setPending(null);
    } catch (error) {
      setPending(`Could not sign in: ${(error as Error).message}`);
    }
  }

  return (
    <div className="tg-demo-logins">
      <div className="graphiql-doc-explorer-title">Demo logins</div>
      <p>
        Every demo user's password is <code>{demo.password}</code>.
      </p>
      <ul>
        {demo.logins.map((login) => (
          <li key={login.email}>
            <Button type="button" onClick={() => void use(login)} data-email={login.email}>
              {login.email}
            </Button>
            <span>{login.label}</span>
          </li>
        ))}
      </ul>
      <p role="status">{status}</p>
    </div>
  );
}

/** A person with a key: "sign in as". */
function DemoLoginsIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="9" cy="7" r="4" />
      <path d="M2 21v-1a7 7 0 0 1 11-5.7" />
      <circle cx="17" cy="15" r="2.5" />
      <path d="M18.8 16.8 22 20m-2-1.5-1.2 1.2" />
    </svg>
  );
}

export function demoLoginsPlugin(endpoint: string, demo: NonNullable<ExplorerPageConfig['demo']>): GraphiQLPlugin {
  return {
    title: 'Demo logins',
    icon: DemoLoginsIcon,
    content: () => <DemoLoginsPanel endpoint={endpoint} demo={demo} />,
  };
}
