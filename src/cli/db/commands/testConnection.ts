// `db test-connection`: can this machine reach what the configuration names? The
// platform database, every tenant database server, and Redis when REDIS_URL is
// set; each with its round trip and server version, never a password.
import { Redis } from 'ioredis';
import pg from 'pg';
import { connectMysql } from '../../../db/mysqlConnect';
import { configuredTenantServers } from '../../../tenancy/databaseServers';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';
import { hostAndDatabase } from '../tenantLocation';

interface Target {
  name: string;
  check: () => Promise<string>;
}

const TIMEOUT_MS = 5000;

async function postgres(url: string): Promise<string> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return `ok in ${Date.now() - started} ms, ${hostAndDatabase(url)}, PostgreSQL ${rows[0].server_version}`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function mysql(url: string): Promise<string> {
  const started = Date.now();
  const connection = await connectMysql(url, { connectTimeoutMs: TIMEOUT_MS, statementTimeoutMs: TIMEOUT_MS });
  try {
    const [{ version }] = await connection.query<Array<{ version: string }>>('SELECT VERSION() AS version');
    const flavour = connection.info?.isMariaDB() ? 'MariaDB' : 'MySQL';
    return `ok in ${Date.now() - started} ms, ${hostAndDatabase(url)}, ${flavour} ${version}`;
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}

async function redis(url: string): Promise<string> {
  const started = Date.now();
  const client = new Redis(url, { lazyConnect: true, connectTimeout: TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {}); // the failed connect below says it
  try {
    await client.connect();
    const info = await client.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
    return `ok in ${Date.now() - started} ms, Redis ${version}`;
  } finally {
    client.disconnect();
  }
}

export async function testConnection(ctx: DbContext): Promise<Outcome> {
  const { config } = ctx;
  const servers = configuredTenantServers(config, ctx.platformUrl);
  const targets: Target[] = [
    { name: 'platform database', check: () => postgres(ctx.platformUrl) },
    ...servers.map((s) => ({ name: `tenant server ${s.name}`, check: () => (s.engine === 'mysql' ? mysql(s.url) : postgres(s.url)) })),
    ...(config.redisUrl ? [{ name: 'redis', check: () => redis(config.redisUrl!) }] : []),
  ];
  const results = await runTasks('test-connection', targets, { concurrency: targets.length, progress: ctx.progress, name: (t) => t.name }, (t) => t.check());
  return { results };
}
