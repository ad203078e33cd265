// The explorer's sign-in, shared by every tab of the gateway's origin: the session's
// tokens are kept in localStorage, so a sign-in in one tab is what the others send
// next. An access token lives minutes: before it expires, the first request to need
// it trades the refresh token for new ones, under a Web Lock so that two tabs never
// present one refresh token twice (the gateway would take that for a theft and end
// the session).

export interface StoredSession {
  token: string;
  refreshToken: string;
  /** When `token` expires, in ms since the epoch. */
  accessTokenExpiresAt: number;
  /** Every session id (`sid`) this explorer opened: a header holding one of their tokens is kept current. */
  sessionIds: string[];
}

const KEY = 'tenantgraph.explorer.session';
/** Refreshed this long before it expires, so a request never leaves with a token about to lapse. */
const MARGIN_MS = 5_000;

const TOKENS = 'token accessTokenExpiresAt refreshToken';
const LOGIN = `mutation ExplorerLogin($email: String!, $password: String!) { login(email: $email, password: $password) { ${TOKENS} } }`;
const REFRESH = `mutation ExplorerRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${TOKENS} } }`;

interface Tokens {
  token: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

/** The `sid` claim of a JWT, without verifying it (the gateway does). */
export function sessionIdOf(token: string): string | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { sid?: unknown };
    return typeof payload.sid === 'string' ? payload.sid : undefined;
  } catch {
    return undefined;
  }
}

export function loadSession(): StoredSession | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as StoredSession | null;
  } catch {
    return null;
  }
}

function store(tokens: Tokens): StoredSession {
  const sid = sessionIdOf(tokens.token);
  const known = loadSession()?.sessionIds ?? [];
  const session: StoredSession = {
    token: tokens.token,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: new Date(tokens.accessTokenExpiresAt).getTime(),
    sessionIds: sid && !known.includes(sid) ? [...known, sid].slice(-20) : known,
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

async function call<T>(endpoint: string, query: string, variables: Record<string, string>, field: string): Promise<T> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, T | null>; errors?: Array<{ message: string }> };
  const value = body.data?.[field];
  if (!value) throw new Error(body.errors?.[0]?.message ?? `${field} failed (HTTP ${response.status})`);
  return value;
}

/** Signs in through the `login` mutation; every tab uses this session from now on. */
export async function signIn(endpoint: string, email: string, password: string): Promise<StoredSession> {
  return store(await call<Tokens>(endpoint, LOGIN, { email, password }, 'login'));
}

/** Does this token belong to a session this explorer opened (so a newer token of its may stand in for it)? */
export function isExplorerToken(token: string): boolean {
  const sid = sessionIdOf(token);
  return sid !== undefined && (loadSession()?.sessionIds.includes(sid) ?? false);
}

const fresh = (session: StoredSession) => session.accessTokenExpiresAt - MARGIN_MS > Date.now();

async function refreshed(endpoint: string): Promise<StoredSession | null> {
  // Another tab may have refreshed while this one waited for the lock: its tokens are in storage.
  const session = loadSession();
  if (!session || fresh(session)) return session;
  try {
    return store(await call<Tokens>(endpoint, REFRESH, { refreshToken: session.refreshToken }, 'refreshSession'));
  } catch {
    // Ended (logout, expiry): the stale token goes out and its answer says to sign in again.
    return session;
  }
}

/** The current access token of the explorer's session, refreshed first when it is about to expire; null when not signed in. */
export async function currentToken(endpoint: string): Promise<string | null> {
  const session = loadSession();
  if (!session) return null;
  if (fresh(session)) return session.token;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const next = locks ? await locks.request(KEY, () => refreshed(endpoint)) : await refreshed(endpoint);
  return next?.token ?? null;
}
