// What a gateway process prints is JSON log lines (and its banner), whatever goes
// wrong: a start that cannot have its port says in one line which setting to change,
// and a client breaking the WebSocket protocol has its socket closed, with no stack
// printed and the gateway serving on.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { freePort, runMain, spawnGateway } from '../support/gatewayProcess';

const root = mkdtempSync(path.join(tmpdir(), 'tenantgraph-output-'));
chmodSync(root, 0o755); // as root, the embedded server runs as user postgres and must reach it
const dataDir = path.join(root, 'data');
const postmasterPid = path.join(dataDir, 'postgres', 'postmaster.pid');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function environment(ports: { http: number; pg: number }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(ports.http), EMBEDDED_PG_PORT: String(ports.pg), DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'info', ...extra };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  delete env.REDIS_URL;
  return env;
}

const freePorts = async () => ({ http: await freePort(), pg: await freePort() });

const isJson = (line: string) => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};

/** Lines that are neither JSON log lines nor the banner's. */
const strayLines = (output: string) => output.split('\n').filter((line) => line.trim() && !isJson(line) && !/^ {2}(tenantgraph is serving|Open )/.test(line));

/** The logged errors and worse. */
const failures = (output: string) =>
  output
    .split('\n')
    .filter(isJson)
    .map((line) => JSON.parse(line) as { level: number; msg: string })
    .filter((entry) => entry.level >= 50);

/** Holds `port` of 127.0.0.1 the way another program would, while `work` runs. */
async function whileTaken<T>(port: number, work: () => Promise<T>): Promise<T> {
  const other = net.createServer();
  await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
  try {
    return await work();
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
}

test('a busy PORT is one JSON line naming PORT, and the embedded PostgreSQL started before it is stopped again', async () => {
  const ports = await freePorts();
  const { code, stdout, stderr } = await whileTaken(ports.http, () => runMain([], environment(ports)));
  expect(code).toBe(1);
  expect(strayLines(stdout + stderr)).toEqual([]);
  expect(failures(stdout + stderr)).toEqual([
    expect.objectContaining({ level: 60, msg: `PORT ${ports.http} is in use by another program on 127.0.0.1: stop it, or set PORT to a free port` }),
  ]);
  expect(existsSync(postmasterPid)).toBe(false);
}, 120_000);

test('a busy EMBEDDED_PG_PORT is one JSON line naming EMBEDDED_PG_PORT', async () => {
  const ports = await freePorts();
  const { code, stdout, stderr } = await whileTaken(ports.pg, () => runMain([], environment(ports)));
  expect(code).toBe(1);
  expect(strayLines(stdout + stderr)).toEqual([]);
  expect(failures(stdout + stderr)).toEqual([
    expect.objectContaining({ level: 60, msg: `EMBEDDED_PG_PORT ${ports.pg} is in use by another program: stop it, or set EMBEDDED_PG_PORT to a free port` }),
  ]);
}, 120_000);

test('a WebSocket message over MAX_BODY_BYTES closes that socket with 1009, prints nothing but JSON, and the gateway serves on', async () => {
  const gateway = await spawnGateway(environment(await freePorts(), { MAX_BODY_BYTES: '10000' }));
  try {
    const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', resolve));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(20_000) } }));
    expect(await closed).toBe(1009);

    const plans = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ plans { code } }' }) });
    expect(((await plans.json()) as any).data.plans).toHaveLength(4);
  } finally {
    expect(await gateway.stop()).toBe(0);
  }
  expect(strayLines(gateway.output())).toEqual([]);
  expect(failures(gateway.output())).toEqual([]);
  const warnings = gateway
    .output()
    .split('\n')
    .filter((line) => line.includes('MAX_BODY_BYTES'));
  expect(warnings.map((line) => JSON.parse(line))).toEqual([
    expect.objectContaining({ level: 40, code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', msg: 'a WebSocket message over MAX_BODY_BYTES closed its socket (1009)' }),
  ]);
}, 120_000);
