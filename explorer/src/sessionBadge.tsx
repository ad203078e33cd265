// Who the explorer is signed in as, and for which tenant, in the corner of every tab
// (GraphiQL's logo slot), with a sign-out that ends the session on the gateway and in
// every tab. The tab's headers follow the session (sessionHeaders.ts).
import { Button } from '@graphiql/react';
import { useState } from 'react';
import { signOut } from './session';
import { useHeadersFollowSession } from './sessionHeaders';
import { useExplorerSession } from './useExplorerSession';

export function SessionBadge({ endpoint, demo }: { endpoint: string; demo: boolean }) {
  const session = useExplorerSession();
  const [leaving, setLeaving] = useState(false);
  useHeadersFollowSession(session);

  async function leave() {
    setLeaving(true);
    try {
      await signOut(endpoint);
    } finally {
      setLeaving(false);
    }
  }

  if (!session) {
    // Without demo logins the explorer never signs in itself: the headers say who a request is.
    return demo ? <div className="tg-session">Not signed in</div> : null;
  }
  return (
    <div className="tg-session" title="The explorer's session: every tab sends it">
      <span>
        <strong>{session.email}</strong> · {session.tenant}
      </span>
      <Button type="button" onClick={() => void leave()} disabled={leaving}>
        Sign out
      </Button>
    </div>
  );
}
