// A tab's headers follow the explorer's session: when someone signs in (in this tab or
// another, or before this tab opened), a tab whose Authorization still holds its
// example or a token of the explorer's takes the session's token and the tenant it was
// for; when they sign out, it shows the example again. A header written by hand (an
// API key, a token from elsewhere) is left as it is.
import { useGraphiQL } from '@graphiql/react';
import { useEffect } from 'react';
import { followsSession } from './fetcher';
import { sessionIdOf, type StoredSession } from './session';
import { TOKEN_PLACEHOLDER } from './starter';

const keyOf = (headers: Record<string, unknown>, name: string) => Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;

function parsed(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text || '{}') as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null; // being edited: left alone
  }
}

export function useHeadersFollowSession(session: StoredSession | null): void {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  // A new sign-in, not a refresh of the same one: a refreshed token stands in for the old one as it goes out (fetcher.ts).
  const signIn = session && `${sessionIdOf(session.token)} ${session.tenant}`;
  useEffect(() => {
    const headers = headerEditor && parsed(headerEditor.getValue());
    if (!headers) return;
    const authorization = keyOf(headers, 'Authorization');
    if (!(authorization in headers) || !followsSession(headers[authorization])) return;
    const next = session
      ? { ...headers, [authorization]: `Bearer ${session.token}`, [keyOf(headers, 'X-Tenant')]: session.tenant }
      : { ...headers, [authorization]: TOKEN_PLACEHOLDER };
    const text = JSON.stringify(next, null, 2);
    if (text !== JSON.stringify(headers, null, 2)) headerEditor!.setValue(text);
    // `signIn`, not `session`: only a sign-in or a sign-out moves the headers, not a refresh.
  }, [headerEditor, signIn]);
}
