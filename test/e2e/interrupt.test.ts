// Ctrl-C in the terminal that runs `npm start`: the terminal sends SIGINT to the whole
// foreground process group, the embedded PostgreSQL included. The gateway must still
// drain and write out the API calls it counted, and only then stop that server.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, spawnGateway, type GatewayProcess } from '../support/gatewayProcess';

const root = mkdtempSync(path.join(tmpdir(), 'tenantgraph-interrupt-'));
chmodSync(root, 0o755); // as root, the embedded server runs as user postgres and must reach it
const dataDir = path.join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(ports: { http: number; pg: number }) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(ports.http), EMBEDDED_PG_PORT: String(ports.pg), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  delete env.REDIS_URL; // the counts live in this process until they are flushed
  return spawnGateway(env, { ownProcessGroup: true });
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await response.json()) as any;
}

/** The demo shop's owner, on the shop. */
async function signIn(gateway: GatewayProcess) {
  const login = await post(gateway.url, 'mutation { login(email: "admin@talanou.com", password: "admin123") { token } }');
  return { authorization: `Bearer ${login.data.login.token}`, 'x-tenant': 'talanou' };
}

async function callsToday(gateway: GatewayProcess): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  const { data } = await post(gateway.url, `{ usage(from: "${today}", to: "${today}") { apiCalls } }`, await signIn(gateway));
  return data.usage[0]?.apiCalls ?? 0;
}

test('Ctrl-C: every API call counted before it is in the books after a restart, and the shutdown reports no failure', async () => {
  const ports = { http: await freePort(), pg: await freePort() };
  const first = await start(ports);
  let before: number;
  try {
    before = await callsToday(first);
    const auth = await signIn(first);
    for (let i = 0; i < 20; i++) expect((await post(first.url, '{ products { totalCount } }', auth)).data.products.totalCount).toBe(8);
    process.kill(-first.child.pid!, 'SIGINT'); // well within USAGE_FLUSH_SECONDS: only the shutdown's flush writes them
    expect(await first.exited).toBe(0);
  } finally {
    await first.stop(); // if the test failed before its Ctrl-C
  }
  expect(first.output()).toMatch(/"failed":\[\]/);
  expect(first.output()).not.toMatch(/"level":50/);

  const second = await start(ports);
  try {
    expect(await callsToday(second)).toBe(before + 20);
  } finally {
    await second.stop();
  }
}, 180_000);
