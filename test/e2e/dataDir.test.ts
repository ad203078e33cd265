// One DATA_DIR, one embedded PostgreSQL, one process running it: a second `npm start`
// on the folder refuses and leaves the first alone, and `npm run db` works on the
// server of the folder it is given, at the port the gateway recorded there.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testServerUrl } from '../support/database';
import { runDb } from '../support/dbCommand';
import { freePort, runMain, spawnGateway, type GatewayProcess } from '../support/gatewayProcess';

const root = mkdtempSync(path.join(tmpdir(), 'tenantgraph-datadir-'));
chmodSync(root, 0o755); // as root, the embedded server runs as user postgres and must reach it
const dataDir = path.join(root, 'data');
const postmasterPid = path.join(dataDir, 'postgres', 'postmaster.pid');
const lockFile = path.join(dataDir, 'in-use.json');
/** Another PostgreSQL, answering where `npm run db` would look if it guessed: the test server. */
const decoyPort = new URL(testServerUrl()).port;

function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  delete env.REDIS_URL;
  return env;
}

const db = (args: string[], env: Record<string, string>) => runDb(args, environment(env));

const tenantsIn = (out: string) => ['arya-jewelry', 'demo-shop', 'talanou'].filter((slug) => out.split('\n').some((line) => line.startsWith(`${slug} `)));

let pgPort: string;
let first: GatewayProcess;

beforeAll(async () => {
  pgPort = String(await freePort());
  first = await spawnGateway(environment({ PORT: String(await freePort()), EMBEDDED_PG_PORT: pgPort }));
}, 120_000);

afterAll(async () => {
  await first?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('a second start on the same DATA_DIR refuses, naming the first by pid, and leaves its PostgreSQL untouched', async () => {
  const pidFileBefore = readFileSync(postmasterPid, 'utf8');
  const { code, stdout, stderr } = await runMain([], environment({ PORT: String(await freePort()), EMBEDDED_PG_PORT: pgPort }));
  const output = stdout + stderr;

  expect(code).toBe(1);
  expect(output.trim().split('\n')).toHaveLength(1);
  expect(JSON.parse(output)).toMatchObject({ level: 60, msg: expect.stringMatching(new RegExp(`^DATA_DIR is in use by the gateway with pid ${first.child.pid} \\(${dataDir}\\)`)) });
  expect(JSON.parse(output)).not.toHaveProperty('err'); // no stack
  expect(readFileSync(postmasterPid, 'utf8')).toBe(pidFileBefore);
  const plans = await fetch(first.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ plans { code } }' }) });
  expect(((await plans.json()) as any).data.plans).toHaveLength(4);
});

test('npm run db works on the running gateway\'s server, at the port it recorded, not on whatever answers at EMBEDDED_PG_PORT', async () => {
  const status = await db(['status'], { EMBEDDED_PG_PORT: decoyPort });
  expect(status.code).toBe(0);
  expect(tenantsIn(status.out)).toEqual(['arya-jewelry', 'demo-shop', 'talanou']);
  expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual({ pid: first.child.pid, by: 'gateway', postgresPort: Number(pgPort) });
});

test('once the gateway stopped, npm run db starts the folder\'s server itself, taking over a lock whose process is gone', async () => {
  expect(await first.stop()).toBe(0);
  expect(existsSync(lockFile)).toBe(false);
  // What a gateway killed hard leaves behind: a lock naming a process that no longer exists.
  const gone = spawn('true');
  await new Promise((resolve) => gone.on('exit', resolve));
  writeFileSync(lockFile, JSON.stringify({ pid: gone.pid, by: 'gateway', postgresPort: Number(decoyPort) }));

  const status = await db(['status'], { EMBEDDED_PG_PORT: pgPort });
  expect(status.code).toBe(0);
  expect(tenantsIn(status.out)).toEqual(['arya-jewelry', 'demo-shop', 'talanou']);
  expect(existsSync(lockFile)).toBe(false);
  expect(existsSync(postmasterPid)).toBe(false); // stopped again
});
