import { graphql } from '../../generated/graphql';
import { startTestGateway, TEST_PASSWORD, type TestGateway } from '../support/testGateway';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const SIGN_UP = graphql(`mutation AuthSignUp($input: SignUpInput!) { signUp(input: $input) { token user { email name isPlatformAdmin memberships { role } } } }`);
const LOGIN = graphql(`mutation AuthLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }`);
const ME = graphql(`query AuthMe { me { email } }`);
const TENANT_SLUGS = graphql(`query AuthTenants { tenants { nodes { slug status plan { code } } } }`);
const TENANT_NAME = graphql(`query AuthTenant($slug: String!) { tenant(slug: $slug) { name } }`);
const MEMBERSHIPS = graphql(`query AuthMemberships { me { memberships { role tenant { slug } } } }`);

test('sign up, then sign in, then be known by the token', async () => {
  const signUp = await gw.request(SIGN_UP, { variables: { input: { email: 'New.Owner@Example.com', password: 'long enough', name: 'New Owner' } } });
  expect(signUp.body.data!.signUp.user).toEqual({ email: 'new.owner@example.com', name: 'New Owner', isPlatformAdmin: false, memberships: [] });

  const login = await gw.request(LOGIN, { variables: { email: 'new.owner@example.com', password: 'long enough' } });
  const token = login.body.data!.login.token;
  expect((await gw.request(ME, { token })).body.data!.me).toEqual({ email: 'new.owner@example.com' });
  expect(JSON.stringify([signUp.body, login.body])).not.toContain('long enough');
});

test('anonymous callers are nobody', async () => {
  expect((await gw.request(ME)).body).toEqual({ data: { me: null } });
});

test.each([
  ['an email that is taken', { email: 'taken@example.com', password: 'long enough', name: 'x' }, 'email'],
  ['a short password', { email: 'short@example.com', password: 'short', name: 'x' }, 'password'],
  ['a malformed email', { email: 'nope', password: 'long enough', name: 'x' }, 'email'],
])('sign-up refuses %s', async (_what, input, field) => {
  await gw.createUser({ email: 'taken@example.com' }).catch(() => {});
  const response = await gw.request(SIGN_UP, { variables: { input } });
  expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
});

test('a wrong password and an unknown email get the same answer', async () => {
  const user = await gw.createUser();
  const wrong = await gw.request(LOGIN, { variables: { email: user.email, password: 'wrong password' } });
  const unknown = await gw.request(LOGIN, { variables: { email: 'nobody@example.com', password: TEST_PASSWORD } });
  expect(wrong.body.errors?.[0]).toMatchObject({ message: 'wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
  expect(unknown.body.errors?.[0].message).toBe(wrong.body.errors?.[0].message);
});

test('tenants lists the caller’s own; platform admins see all; others are NOT_FOUND', async () => {
  const a = await gw.createUser();
  const b = await gw.createUser();
  const admin = await gw.createUser({ platformAdmin: true });
  await gw.createTenant({ slug: 'mine-a', owner: a });
  await gw.createTenant({ slug: 'mine-b', owner: b, members: [[a, 'VIEWER']] });
  await gw.createTenant({ slug: 'only-b', owner: b });

  const slugs = async (token: string) => (await gw.request(TENANT_SLUGS, { token })).body.data!.tenants.nodes.map((t) => t.slug);
  expect(await slugs(a.token)).toEqual(['mine-a', 'mine-b']);
  expect(await slugs(admin.token)).toEqual(expect.arrayContaining(['mine-a', 'mine-b', 'only-b']));
  const other = await gw.request(TENANT_NAME, { token: a.token, variables: { slug: 'only-b' } });
  expect(other.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  expect((await gw.request(MEMBERSHIPS, { token: a.token })).body.data!.me!.memberships).toEqual(
    expect.arrayContaining([{ role: 'OWNER', tenant: { slug: 'mine-a' } }, { role: 'VIEWER', tenant: { slug: 'mine-b' } }]),
  );
});
