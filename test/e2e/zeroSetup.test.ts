// `npm start` on a machine with nothing: no DATABASE_URL, so an embedded PostgreSQL
// in the data folder, the demo tenants provisioned, and the printed curl works.
// A second start reuses the folder.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAIN as main, freePort, runMain, spawnGateway } from '../support/gatewayProcess';

const root = mkdtempSync(path.join(tmpdir(), 'tenantgraph-start-'));
chmodSync(root, 0o755); // as root, the embedded server runs as user postgres and must reach it
const dataDir = path.join(root, 'data');

function start(ports: { http: number; pg: number }) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(ports.http), EMBEDDED_PG_PORT: String(ports.pg), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  return spawnGateway(env);
}

async function stop(child: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return response.json() as Promise<any>;
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

test('starts on an embedded PostgreSQL with the demo tenants, and again from the same folder', async () => {
  if (!existsSync(main)) throw new Error('dist/ is missing: `npm test` builds it first (npm run build)');
  const ports = { http: await freePort(), pg: await freePort() };
  const first = await start(ports);
  try {
    expect(first.output()).toContain('admin@talanou.com');
    expect(first.output()).toContain('platform@demo.com');
    expect(first.output()).toContain('admin@demo-gym.com');
    expect(first.output()).toContain('curl -s');

    const login = await post(first.url, 'mutation { login(email: "admin@talanou.com", password: "admin123") { token } }');
    const auth = { authorization: `Bearer ${login.data.login.token}` };
    const products = await post(first.url, '{ products(first: 3) { totalCount edges { node { name kind } } } }', { ...auth, 'x-tenant': 'talanou' });
    expect(products.data.products.totalCount).toBe(8);
    expect(products.data.products.edges[0].node).toEqual({ name: 'طلای آب‌شده ۱۸ عیار', kind: 'GOLD' });

    const arya = await post(first.url, 'mutation { login(email: "admin@arya-jewelry.com", password: "admin123") { token } }');
    const invoices = await post(first.url, '{ invoices { totalCount edges { node { customer { name } } } } }', {
      authorization: `Bearer ${arya.data.login.token}`,
      'x-tenant': 'arya-jewelry',
    });
    expect(invoices.data.invoices.totalCount).toBe(11);
    // The demo books: balanced, with sales to report and a statement partly matched.
    const books = await post(
      first.url,
      `{ trialBalance { totalDebit totalCredit } salesReport(from: "2020-01-01T00:00:00Z", to: "2040-01-01T00:00:00Z", groupBy: MONTH) { count }
         topProducts(from: "2020-01-01T00:00:00Z", to: "2040-01-01T00:00:00Z") { units } bankAccounts { nodes { id } } }`,
      { ...auth, 'x-tenant': 'talanou' },
    );
    expect(books.data.trialBalance.totalDebit).toBe(books.data.trialBalance.totalCredit);
    expect(books.data.salesReport.count).toBe(14);
    expect(books.data.topProducts.length).toBeGreaterThan(3);
    const lines = async (matched: boolean) =>
      (await post(first.url, `{ bankStatementLines(bankAccountId: "${books.data.bankAccounts.nodes[0].id}", matched: ${matched}) { totalCount } }`, { ...auth, 'x-tenant': 'talanou' }))
        .data.bankStatementLines.totalCount;
    expect(await lines(true)).toBeGreaterThan(0);
    expect(await lines(false)).toBeGreaterThan(0);
    const admin = await post(first.url, 'mutation { login(email: "platform@demo.com", password: "admin123") { token } }');
    const tenants = await post(first.url, '{ tenants { nodes { slug isolation status } } }', { authorization: `Bearer ${admin.data.login.token}` });
    expect(tenants.data.tenants.nodes).toEqual([
      { slug: 'arya-jewelry', isolation: 'SCHEMA', status: 'ACTIVE' },
      { slug: 'demo-gym', isolation: 'POOL', status: 'ACTIVE' },
      { slug: 'demo-shop', isolation: 'POOL', status: 'ACTIVE' },
      { slug: 'talanou', isolation: 'DATABASE', status: 'ACTIVE' },
    ]);
  } finally {
    expect(await stop(first.child)).toBe(0);
  }

  const second = await start(ports);
  try {
    const login = await post(second.url, 'mutation { login(email: "admin@demo-shop.com", password: "admin123") { token } }');
    const products = await post(second.url, '{ products { totalCount } }', { authorization: `Bearer ${login.data.login.token}`, 'x-tenant': 'demo-shop' });
    expect(products.data.products.totalCount).toBe(5); // kept, not seeded twice
    const gym = await post(second.url, 'mutation { login(email: "admin@demo-gym.com", password: "admin123") { token } }');
    const week = await post(second.url, '{ classSessions { totalCount } bookings { totalCount } }', { authorization: `Bearer ${gym.data.login.token}`, 'x-tenant': 'demo-gym' });
    expect(week.data).toEqual({ classSessions: { totalCount: 11 }, bookings: { totalCount: 15 } });
  } finally {
    expect(await stop(second.child)).toBe(0);
  }
});

test('in production there are no demo users, and no start without JWT_SECRET', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir };
  delete env.JWT_SECRET;
  const { code, stderr } = await runMain([], env);
  expect(code).toBe(1);
  expect(stderr).toContain('JWT_SECRET is required');
});
