// The explorer's sign-in, shared by every tab of the gateway's origin: the session's
// tokens, and who signed in for which tenant, are kept in localStorage, so a sign-in
// or a sign-out in one tab is what the others send, and show, next. An access token
// lives minutes: before it expires, the first request to need it trades the refresh
// token for new ones, under a Web Lock so that two tabs never present one refresh
// token twice (the gateway would take that for a theft and end the session).

export interface StoredSession {
  token: string;
  refreshToken: string;
  /** When `token` expires, in ms since the epoch. */
  accessTokenExpiresAt: number;
  /** Who signed in, and the tenant the sign-in was for (the X-Tenant it set). */
  email: string;
  tenant: string;
}

const KEY = 'tenantgraph.explorer.session';
/** Every session id (`sid`) this explorer opened: a header holding one of their tokens follows the session (fetcher.ts). */
const KNOWN_KEY = 'tenantgraph.explorer.sessionIds';
/** Refreshed this long before it expires, so a request never leaves with a token about to lapse. */
const MARGIN_MS = 5_000;

const TOKENS = 'token accessTokenExpiresAt refreshToken';
const LOGIN = `mutation ExplorerLogin($email: String!, $password: String!) { login(email: $email, password: $password) { ${TOKENS} } }`;
const REFRESH = `mutation ExplorerRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${TOKENS} } }`;
const LOGOUT = 'mutation ExplorerLogout { logout }';

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

/** The session as stored (JSON), or null: what a view compares to know whether it changed. */
export const storedSessionText = (): string | null => localStorage.getItem(KEY);

/** Parsed; one written by an older explorer (without who signed in) counts as none. */
export function parseSession(text: string | null): StoredSession | null {
  try {
    const session = JSON.parse(text ?? 'null') as StoredSession | null;
    return session && typeof session.email === 'string' && typeof session.tenant === 'string' ? session : null;
  } catch {
    return null;
  }
}

export const loadSession = () => parseSession(storedSessionText());

function knownSessionIds(): string[] {
  try {
    const ids = JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

// localStorage tells the other tabs of a change ('storage' events), never the tab that made it.
const changes = new EventTarget();

/** Calls `listener` whenever the session changes, in this tab or another; returns the unsubscribe. */
export function onSessionChange(listener: () => void): () => void {
  const fromOtherTabs = (event: StorageEvent) => (event.key === KEY || event.key === null) && listener();
  window.addEventListener('storage', fromOtherTabs);
  changes.addEventListener('change', listener);
  return () => {
    window.removeEventListener('storage', fromOtherTabs);
    changes.removeEventListener('change', listener);
  };
}

function store(tokens: Tokens, who: Pick<StoredSession, 'email' | 'tenant'>): StoredSession {
  const sid = sessionIdOf(tokens.token);
  const known = knownSessionIds();
  if (sid && !known.includes(sid)) localStorage.setItem(KNOWN_KEY, JSON.stringify([...known, sid].slice(-20)));
  const session: StoredSession = {
    token: tokens.token,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: new Date(tokens.accessTokenExpiresAt).getTime(),
    email: who.email,
    tenant: who.tenant,
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  changes.dispatchEvent(new Event('change'));
  return session;
}

async function call<T>(endpoint: string, query: string, variables: Record<string, string>, field: string, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, T | null>; errors?: Array<{ message: string }> };
  const value = body.data?.[field];
  if (!value) throw new Error(body.errors?.[0]?.message ?? `${field} failed (HTTP ${response.status})`);
  return value;
}

/** Signs in through the `login` mutation, for `tenant`; every tab uses this session from now on. */
export async function signIn(endpoint: string, email: string, password: string, tenant: string): Promise<StoredSession> {
  return store(await call<Tokens>(endpoint, LOGIN, { email, password }, 'login'), { email, tenant });
}

/** Does this token belong to a session this explorer opened (so the current session's token may stand in for it)? */
export function isExplorerToken(token: string): boolean {
  const sid = sessionIdOf(token);
  return sid !== undefined && knownSessionIds().includes(sid);
}

const fresh = (session: StoredSession) => session.accessTokenExpiresAt - MARGIN_MS > Date.now();

async function refreshed(endpoint: string): Promise<StoredSession | null> {
  // Another tab may have refreshed while this one waited for the lock: its tokens are in storage.
  const session = loadSession();
  if (!session || fresh(session)) return session;
  try {
    return store(await call<Tokens>(endpoint, REFRESH, { refreshToken: session.refreshToken }, 'refreshSession'), session);
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

/** Ends the session on the gateway (`logout`) and in every tab; one the gateway ended already is forgotten all the same. */
export async function signOut(endpoint: string): Promise<void> {
  const token = await currentToken(endpoint);
  if (token) await call<boolean>(endpoint, LOGOUT, {}, 'logout', token).catch(() => false);
  localStorage.removeItem(KEY);
  changes.dispatchEvent(new Event('change'));
}
