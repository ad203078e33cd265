// Sessions over real HTTP: a login opens one with a short-lived access token and a
// refresh token; a refresh rotates the refresh token, and the old one given again
// after REFRESH_REUSE_GRACE_SECONDS ends the session (it was copied; within them it
// answers the pair it was replaced by: two tabs refreshed at once); logout,
// logoutEverywhere and a new password end sessions, and their access tokens stop
// working at once. Signing in and refreshing ignore an expired access token sent along.
import { randomBytes } from 'node:crypto';
import { connectWs, operate } from '../support/graphqlWs';
import { startTestGateway, TEST_PASSWORD, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token accessTokenExpiresAt refreshToken expiresAt user { email } } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { token accessTokenExpiresAt refreshToken expiresAt user { id } } }`;
const SESSIONS = `{ sessions { nodes { id userAgent createdAt lastUsedAt expiresAt current } } }`;
const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const ME = `{ me { email } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;

const GRACE_SECONDS = 1;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ env: { REFRESH_REUSE_GRACE_SECONDS: String(GRACE_SECONDS) } });
});
afterAll(() => gw.close());

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const minutesFromNow = (iso: string) => (new Date(iso).getTime() - Date.now()) / 60_000;

async function login(user: TestUser, userAgent = 'jest') {
  const response = await gw.request(LOGIN, { variables: { email: user.email, password: TEST_PASSWORD }, headers: { 'user-agent': userAgent } });
  expect(response.body.errors).toBeUndefined();
  return response.body.data.login as { token: string; accessTokenExpiresAt: string; refreshToken: string; expiresAt: string };
}

const refresh = (refreshToken: string) => gw.request(REFRESH, { variables: { refreshToken } });

const pastTheGrace = () => new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 1000 + 200));

/** An access token of the user's session that expires `inSeconds` from now (in the past when negative). */
async function accessTokenExpiring(user: TestUser, inSeconds: number) {
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: user.email, adm: false, sid: user.sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer('tenantgraph')
    .setIssuedAt(now - 900)
    .setExpirationTime(now + inSeconds)
    .sign(new TextEncoder().encode(gw.env.JWT_SECRET));
}

test('a login answers a 15-minute access token, a 30-day refresh token, and shows in sessions as the current one', async () => {
  const user = await gw.createUser();
  const before = new Date();
  const session = await login(user, 'Firefox on a test');
  expect(minutesFromNow(session.accessTokenExpiresAt)).toBeGreaterThan(14);
  expect(minutesFromNow(session.accessTokenExpiresAt)).toBeLessThanOrEqual(15);
  expect(minutesFromNow(session.expiresAt) / 60 / 24).toBeCloseTo(30, 2);
  expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const listed = (await gw.request(SESSIONS, { token: session.token })).body.data.sessions.nodes;
  // Two: createUser's own, and this login, which is the current one and the most recently used.
  expect(listed).toHaveLength(2);
  expect(listed[0]).toMatchObject({ userAgent: 'Firefox on a test', current: true, expiresAt: session.expiresAt });
  expect(listed[1]).toMatchObject({ current: false });
  const signedIn = await gw.services.platform.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(signedIn.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 5);

  const stored = JSON.stringify(await gw.services.platform.session.findMany({ where: { userId: user.id } }));
  expect(stored).not.toContain(session.refreshToken);
});

test('a refresh answers new tokens and retires the refresh token it was given', async () => {
  const user = await gw.createUser();
  const first = await login(user);
  const renewed = await refresh(first.refreshToken);
  expect(code(renewed)).toBe('ok');
  const second = renewed.body.data.refreshSession;
  expect(second.user.id).toBe(user.id);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  expect((await gw.request(ME, { token: second.token })).body.data.me.email).toBe(user.email);
  // The same session: still one, and still the current one for the new token.
  const listed = (await gw.request(SESSIONS, { token: second.token })).body.data.sessions.nodes;
  expect(listed.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  expect(listed).toHaveLength(2);
  expect(code(await refresh(second.refreshToken))).toBe('ok');
});

test('two tabs refreshing with one refresh token at once both get the same new pair, and the session goes on', async () => {
  const user = await gw.createUser();
  const session = await login(user);
  const [tabA, tabB] = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
  expect([code(tabA), code(tabB)]).toEqual(['ok', 'ok']);
  const a = tabA.body.data.refreshSession;
  const b = tabB.body.data.refreshSession;
  expect(b.refreshToken).toBe(a.refreshToken);
  expect(b.expiresAt).toBe(a.expiresAt);
  expect(a.refreshToken).not.toBe(session.refreshToken);
  for (const tab of [a, b]) expect((await gw.request(ME, { token: tab.token })).body.data.me.email).toBe(user.email);
  // Either tab's next refresh, long after, rotates on as usual.
  await pastTheGrace();
  expect(code(await refresh(b.refreshToken))).toBe('ok');
  expect(code(await gw.request(ME, { token: a.token }))).toBe('ok');
});

test('a retired refresh token given again within REFRESH_REUSE_GRACE_SECONDS answers the pair it was replaced by', async () => {
  const user = await gw.createUser();
  const session = await login(user);
  const first = (await refresh(session.refreshToken)).body.data.refreshSession;
  const late = await refresh(session.refreshToken);
  expect(code(late)).toBe('ok');
  expect(late.body.data.refreshSession.refreshToken).toBe(first.refreshToken);
  expect(code(await gw.request(ME, { token: late.body.data.refreshSession.token }))).toBe('ok');
  expect(await gw.services.platform.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(2);
});

test('a retired refresh token given again after REFRESH_REUSE_GRACE_SECONDS ends its session: the next refresh and every access token of it are refused', async () => {
  const user = await gw.createUser();
  const stolen = await login(user);
  const owner = (await refresh(stolen.refreshToken)).body.data.refreshSession;

  await pastTheGrace();
  const reuse = await refresh(stolen.refreshToken);
  expect(reuse.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  expect(code(await refresh(owner.refreshToken))).toBe('UNAUTHENTICATED');
  for (const token of [stolen.token, owner.token]) {
    const refused = await gw.request(ME, { token });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]).toMatchObject({ message: 'session ended: sign in again', extensions: { code: 'UNAUTHENTICATED' } });
  }
  // The user's other session is not the stolen one: it goes on.
  expect(code(await gw.request(ME, { token: user.token }))).toBe('ok');
});

test('a refresh token that was never issued is refused, whatever it looks like', async () => {
  for (const refreshToken of ['', 'nope', randomBytes(32).toString('base64url')]) {
    expect(code(await refresh(refreshToken))).toBe('UNAUTHENTICATED');
  }
});

test('a refresh, a login, a sign-up and a password reset ignore an expired or invalid access token sent along (as an auth link attaches it to every request)', async () => {
  const user = await gw.createUser();
  const session = await login(user);
  const expired = await accessTokenExpiring(user, -60);
  const renewed = await gw.request(REFRESH, { token: expired, variables: { refreshToken: session.refreshToken } });
  expect(code(renewed)).toBe('ok');
  const ended = (await login(user)).token;
  await gw.request('mutation { logout }', { token: ended });
  for (const token of [expired, ended, 'not-a-token']) {
    expect(code(await gw.request(LOGIN, { token, variables: { email: user.email, password: TEST_PASSWORD } }))).toBe('ok');
    const email = `new-${randomBytes(3).toString('hex')}@example.com`;
    expect(code(await gw.request(SIGN_UP, { token, variables: { input: { email, password: 'long enough', name: 'New' } } }))).toBe('ok');
    expect((await gw.request(REQUEST_RESET, { token, variables: { email: user.email } })).body).toEqual({ data: { requestPasswordReset: true } });
    const reset = await gw.request(RESET, { token, variables: { token: 'never-mailed', password: 'long enough' } });
    expect(reset.body.errors?.[0].message).toMatch(/reset token/);
  }
  // Anything else with it is refused as before: a bad credential is never taken for none.
  const me = await gw.request(ME, { token: expired });
  expect(me.status).toBe(401);
  expect(me.body.errors?.[0]).toMatchObject({ message: 'token expired: sign in again', extensions: { code: 'UNAUTHENTICATED' } });
  const mixed = await gw.request(`mutation($r: String!) { refreshSession(refreshToken: $r) { token } logout }`, {
    token: expired,
    variables: { r: renewed.body.data.refreshSession.refreshToken },
  });
  expect(mixed.status).toBe(401);
});

test('over a WebSocket whose access token has expired meanwhile, a refresh is answered and anything else refused', async () => {
  const user = await gw.createUser();
  const session = await login(user);
  const ws = connectWs(gw.url, { authorization: `Bearer ${await accessTokenExpiring(user, 2)}` }, { keepOpen: true });
  try {
    expect((await operate(ws.client, ME).done)[0].data).toEqual({ me: { email: user.email } });
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [renewed] = await operate(ws.client, REFRESH, { refreshToken: session.refreshToken }).done;
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data.refreshSession.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(operate(ws.client, ME).done).rejects.toEqual([{ message: 'token expired: sign in again', extensions: { code: 'UNAUTHENTICATED' } }]);
  } finally {
    await ws.client.dispose();
  }
});

test('logout ends this session only: its access and refresh tokens are refused at once', async () => {
  const user = await gw.createUser();
  const session = await login(user);
  expect((await gw.request('mutation { logout }', { token: session.token })).body.data).toEqual({ logout: true });
  expect(code(await gw.request(ME, { token: session.token }))).toBe('UNAUTHENTICATED');
  expect(code(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(ME, { token: user.token }))).toBe('ok');
  expect((await gw.request(SESSIONS, { token: user.token })).body.data.sessions.nodes).toHaveLength(1);
});

test('logoutEverywhere ends every session of the caller, and no one else’s', async () => {
  const user = await gw.createUser();
  const other = await gw.createUser();
  const sessions = [await login(user), await login(user)];
  expect((await gw.request('mutation { logoutEverywhere }', { token: user.token })).body.data).toEqual({ logoutEverywhere: 3 });
  for (const token of [user.token, ...sessions.map((s) => s.token)]) expect(code(await gw.request(ME, { token }))).toBe('UNAUTHENTICATED');
  for (const session of sessions) expect(code(await refresh(session.refreshToken))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(ME, { token: other.token }))).toBe('ok');
});

test('changePassword needs the current password, and ends the caller’s other sessions', async () => {
  const user = await gw.createUser();
  const elsewhere = await login(user);
  const wrong = await gw.request(CHANGE_PASSWORD, { token: user.token, variables: { current: 'not it at all', next: 'a new password' } });
  expect(wrong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
  const short = await gw.request(CHANGE_PASSWORD, { token: user.token, variables: { current: TEST_PASSWORD, next: 'short' } });
  expect(short.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
  expect(code(await gw.request(ME, { token: elsewhere.token }))).toBe('ok');

  const changed = await gw.request(CHANGE_PASSWORD, { token: user.token, variables: { current: TEST_PASSWORD, next: 'a new password' } });
  expect(changed.body.data).toEqual({ changePassword: 1 });
  expect(code(await gw.request(ME, { token: user.token }))).toBe('ok');
  expect(code(await gw.request(ME, { token: elsewhere.token }))).toBe('UNAUTHENTICATED');
  expect(code(await refresh(elsewhere.refreshToken))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: TEST_PASSWORD } }))).toBe('UNAUTHENTICATED');
  expect(code(await gw.request(LOGIN, { variables: { email: user.email, password: 'a new password' } }))).toBe('ok');
});

test('sessions, logout and changePassword need a signed-in person', async () => {
  for (const operation of [SESSIONS, 'mutation { logout }', 'mutation { logoutEverywhere }']) {
    expect(code(await gw.request(operation))).toBe('UNAUTHENTICATED');
  }
  expect(code(await gw.request(CHANGE_PASSWORD, { variables: { current: 'x', next: 'long enough' } }))).toBe('UNAUTHENTICATED');
});

test('a token without a session id, as issued before sessions, is refused', async () => {
  const user = await gw.createUser();
  const { SignJWT } = await import('jose');
  const old = await new SignJWT({ email: user.email, adm: false })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer('tenantgraph')
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(gw.env.JWT_SECRET));
  const refused = await gw.request(ME, { token: old });
  expect(refused.body.errors?.[0]).toMatchObject({ message: 'token without a session: sign in again', extensions: { code: 'UNAUTHENTICATED' } });
});

test('ending sessions and changing the password are audited, refreshing is not, and no token reaches the log', async () => {
  const user = await gw.createUser();
  const session = await login(user);
  const renewed = (await refresh(session.refreshToken)).body.data.refreshSession;
  await gw.request(CHANGE_PASSWORD, { token: renewed.token, variables: { current: TEST_PASSWORD, next: 'a new password' } });
  await gw.request('mutation { logout }', { token: renewed.token });
  const entries = await gw.services.platform.auditLog.findMany({ where: { actorId: user.id }, orderBy: { createdAt: 'asc' } });
  expect(entries.map((e) => e.action)).toEqual(['changePassword', 'logout']);
  expect(entries[0].details).toMatchObject({ args: { currentPassword: '[redacted]', newPassword: '[redacted]' } });
  const everything = JSON.stringify(await gw.services.platform.auditLog.findMany());
  for (const secret of [session.refreshToken, renewed.refreshToken, 'a new password']) expect(everything).not.toContain(secret);
});
