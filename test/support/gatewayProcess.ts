// A real gateway process (`node dist/src/main.js`), for behaviour that is about
// processes: `npm start` on a bare machine, several instances side by side, a
// worker killed mid-job, SIGTERM with requests in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { TestDatabases } from './database';

export const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** A gateway process's own platform on the test server: its database, names and fresh secrets; tests add what they are about. */
export const processEnv = (dbs: TestDatabases) => ({
  DATABASE_URL: dbs.platformUrl,
  JWT_SECRET: randomBytes(32).toString('hex'),
  ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  TENANT_DB_PREFIX: dbs.prefix,
  REDIS_KEY_PREFIX: `${dbs.prefix}:`,
  SHARED_SCHEMA_DATABASE: `${dbs.prefix}shared`,
  POOL_DATABASE: `${dbs.prefix}pool`,
});

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals | null>;
  stop(): Promise<number | NodeJS.Signals | null>;
}

/**
 * Runs `main` (this project's main.js, or a deployment's) with exactly `env` and waits
 * for its banner. `ownProcessGroup` leads a process group of its own, as a shell runs a
 * foreground command: Ctrl-C in a terminal is then `process.kill(-child.pid, 'SIGINT')`,
 * to the whole group.
 */
export async function spawnGateway(env: NodeJS.ProcessEnv, { ownProcessGroup = false, main = MAIN } = {}): Promise<GatewayProcess> {
  if (!existsSync(main)) throw new Error(`${main} is missing: \`npm test\` builds it first (npm run build)`);
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: ownProcessGroup });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner after 60 s:\n${output}`)), 60_000);
    const seen = () => {
      const match = /serving GraphQL at (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', seen);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    exited,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A gateway in test mode on a free port of 127.0.0.1, with `env` on top; nothing else is inherited but PATH. */
export async function startGatewayProcess(env: Record<string, string>, main = MAIN): Promise<GatewayProcess> {
  const port = await freePort();
  return spawnGateway({ PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'test', DEMO: 'false', LOG_LEVEL: 'warn', ...env }, { main });
}

/** Runs main.js with exactly `env` to its exit, for starts that must not get as far as serving. */
export async function runMain(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}
