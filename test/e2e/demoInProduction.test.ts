// A platform database that once ran in demo mode, started again with
// NODE_ENV=production: the demo logins (a public password, one of them a platform
// admin) get nothing, not even with tokens issued before, and the start says so.
import pg from 'pg';
import { hashPassword } from '../../src/auth/passwords';
import { testDatabases } from '../support/database';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';

const dbs = testDatabases();
const env = processEnv(dbs);

async function post(gateway: GatewayProcess, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: { code: string } }> } };
}

const login = (gateway: GatewayProcess, email: string, password = 'admin123') =>
  post(gateway, `mutation { login(email: "${email}", password: "${password}") { token } }`);

let production: GatewayProcess;
const issued: Record<string, string> = {};

beforeAll(async () => {
  const demo = await startGatewayProcess({ ...env, DEMO: 'true' });
  try {
    for (const email of ['platform@demo.com', 'admin@talanou.com']) issued[email] = (await login(demo, email)).body.data.login.token;
    const tenants = await post(demo, '{ tenants { nodes { slug } } }', { authorization: `Bearer ${issued['platform@demo.com']}` });
    expect(tenants.body.data.tenants.nodes).toHaveLength(4);
  } finally {
    expect(await demo.stop()).toBe(0);
  }
  // One demo login became a real account: a password of its own is not public.
  const platform = new pg.Client({ connectionString: dbs.platformUrl });
  await platform.connect();
  try {
    await platform.query('UPDATE "User" SET "passwordHash" = $1 WHERE email = $2', [await hashPassword('a password of my own'), 'employee@demo-shop.com']);
  } finally {
    await platform.end();
  }
  production = await startGatewayProcess({ ...env, NODE_ENV: 'production' });
}, 120_000);

afterAll(async () => {
  await production?.stop();
  await dbs.drop();
});

test('the production start says that the demo logins it found are refused', () => {
  const line = production
    .output()
    .split('\n')
    .find((l) => l.includes('demo logins'));
  expect(JSON.parse(line!)).toMatchObject({
    level: 40,
    msg: 'demo logins in the platform database are refused in production, and so are their tokens',
    logins: expect.arrayContaining(['platform@demo.com', 'admin@talanou.com', 'employee@talanou.com', 'viewer@demo-gym.com']),
  });
  expect(JSON.parse(line!).logins).not.toContain('employee@demo-shop.com');
});

test('a demo login with the demo password is refused', async () => {
  for (const email of ['platform@demo.com', 'admin@talanou.com']) {
    const { body } = await login(production, email);
    expect(body.data?.login ?? null).toBeNull();
    expect(body.errors?.[0]).toMatchObject({ message: 'demo logins are turned off in production', extensions: { code: 'UNAUTHENTICATED' } });
  }
});

test('tokens issued to demo logins before no longer work', async () => {
  const admin = await post(production, '{ tenants { nodes { slug } } }', { authorization: `Bearer ${issued['platform@demo.com']}` });
  expect(admin.status).toBe(401);
  expect(admin.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(admin.body.data ?? null).toBeNull();
  const owner = await post(production, '{ products { totalCount } }', { authorization: `Bearer ${issued['admin@talanou.com']}`, 'x-tenant': 'talanou' });
  expect(owner.status).toBe(401);
  expect(owner.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
});

test('a demo email with a password of its own, and new accounts, sign in as usual', async () => {
  const own = await login(production, 'employee@demo-shop.com', 'a password of my own');
  const products = await post(production, '{ products { totalCount } }', { authorization: `Bearer ${own.body.data.login.token}`, 'x-tenant': 'demo-shop' });
  expect(products.body.data.products.totalCount).toBe(5);
  const signUp = await post(production, 'mutation { signUp(input: { email: "new@example.com", password: "long enough", name: "New" }) { token } }');
  const me = await post(production, '{ me { email } }', { authorization: `Bearer ${signUp.body.data.signUp.token}` });
  expect(me.body.data.me.email).toBe('new@example.com');
});
