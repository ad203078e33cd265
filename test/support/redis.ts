// A real Redis for a test file: TEST_REDIS_URL when set (CI), otherwise a
// redis-server from PATH started on a free port for this file and stopped after;
// or, for outages, a redis-server of the file's own to kill and start again.
// Each test gateway keeps its keys under its own prefix and deletes them on close.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** A redis-server on `port`, started and answering. */
async function spawnRedisServer(port: number, args: string[] = []): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('error', () => reject(new Error('set TEST_REDIS_URL, or install redis-server, to run the Redis tests')));
    child.once('spawn', () => resolve());
  });
  const probe = new Redis(`redis://127.0.0.1:${port}`, { retryStrategy: (attempt) => (attempt > 50 ? null : 100) });
  await probe.ping();
  probe.disconnect();
  return child;
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill(signal))));

export async function startTestRedis(): Promise<TestRedis> {
  if (process.env.TEST_REDIS_URL) return { url: process.env.TEST_REDIS_URL, stop: async () => {} };
  const port = await freePort();
  const child = await spawnRedisServer(port, ['--appendonly', 'no']);
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopped(child) };
}

export interface KillableRedis extends TestRedis {
  /** Gone at once, as a crashed server or a lost host: SIGKILL. */
  kill(): Promise<void>;
  /** Back on the same port, with the data it had: it writes every change to disk before answering. */
  restart(): Promise<void>;
}

/** A redis-server of the test's own, always (never TEST_REDIS_URL: others use that one), to take away and bring back. */
export async function startKillableRedis(): Promise<KillableRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tenantgraph-redis-'));
  const durable = ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir];
  let child = await spawnRedisServer(port, durable);
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => stopped(child, 'SIGKILL'),
    async restart() {
      child = await spawnRedisServer(port, durable);
    },
    async stop() {
      await stopped(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deletes every key under `prefix`. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    for (let cursor = '0'; ; ) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      if ((cursor = next) === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}
