// Servers a benchmark measures run in processes of their own, so each one's CPU and
// memory are its own: started here, their peak memory read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withDatabase } from '../src/db/urls';

export interface BenchProcess {
  name: string;
  url: string;
  child: ChildProcess;
}

/** Starts `node <command>` and waits until its output matches `ready`; the url is `ready`'s first group, or `url`. */
export async function startProcess(name: string, command: string[], env: NodeJS.ProcessEnv, ready: RegExp, url?: string): Promise<BenchProcess> {
  const child = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const found = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(url ?? match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  return { name, url: found, child };
}

export async function stopProcesses(processes: BenchProcess[]): Promise<void> {
  for (const { child } of processes) child.kill('SIGTERM');
  await Promise.all(processes.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
}

/** The most memory the process has held (VmHWM): its peak RSS, load included. */
export function peakRssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Settings of a production gateway on a platform of its own (named by a random prefix) on `server`, and `settings`. */
export function productionGateway(server: string, settings: Record<string, string> = {}) {
  const prefix = `tgbench${randomBytes(3).toString('hex')}_`;
  const platformUrl = withDatabase(server, `${prefix}platform`);
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: platformUrl,
    TENANT_DB_PREFIX: prefix,
    SHARED_SCHEMA_DATABASE: `${prefix}shared`,
    POOL_DATABASE: `${prefix}pool`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    METRICS_TOKEN: randomBytes(16).toString('hex'),
    LOG_LEVEL: 'warn',
    ...settings,
  };
  /**
   * Starts the gateway (`main`: this project's dist/src/main.js, or a deployment's, which
   * runs that release) with these settings, `extra` and node `flags`, on a port the system
   * chooses (it prints its URL): a port picked at random can be one a benchmark's own
   * client connections hold, as they come from the same range.
   */
  const start = (extra: Record<string, string> = {}, flags: string[] = [], main = path.resolve(__dirname, '../src/main.js')) =>
    startProcess('gateway', [...flags, main], { PATH: process.env.PATH, ...env, HOST: '127.0.0.1', PORT: '0', ...extra }, /serving GraphQL at (\S+)/);
  return { prefix, platformUrl, env, start };
}
