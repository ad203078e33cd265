// The connection pool of one database server, against a real PostgreSQL: its cap
// holds under a burst over many databases, one owner cannot take the whole server,
// idle connections go away, and every wait ends.
import { randomBytes } from 'node:crypto';
import { DatabaseUnavailableError } from '../../src/db/databaseUnavailable';
import type pg from 'pg';
import { postgresDriver, type PostgresDriverOptions } from '../../src/db/postgresDriver';
import { ServerConnectionPool, type ServerPoolOptions } from '../../src/db/serverPool';
import { withDatabase } from '../../src/db/urls';
import { onServer, testServerUrl } from '../support/database';
import { peakWhile } from '../support/peak';

const prefix = `tgp${randomBytes(3).toString('hex')}_`;
const databases = Array.from({ length: 6 }, (_, i) => `${prefix}db${i}`);
const server = () => withDatabase(testServerUrl(), 'postgres');
const pools: Array<ServerConnectionPool<pg.Client>> = [];

function pool(options: Partial<Omit<ServerPoolOptions<pg.Client>, 'driver'> & PostgresDriverOptions> = {}) {
  const { url = server(), connectTimeoutMs = 5000, statementTimeoutMs = 5000, ...rest } = options;
  const made = new ServerConnectionPool({
    driver: postgresDriver({ url, connectTimeoutMs, statementTimeoutMs, pooled: false }),
    maxConnections: 4,
    maxPerOwner: 4,
    idleMs: 60_000,
    acquireTimeoutMs: 10_000,
    ...rest,
  });
  pools.push(made);
  return made;
}

/** Connections PostgreSQL has open to this file's databases, counted by the server itself. */
async function serverSideConnections(): Promise<number> {
  const { rows } = await onServer('SELECT count(*)::int AS n FROM pg_stat_activity WHERE starts_with(datname, $1)', [prefix]);
  return rows[0].n;
}

async function query(p: ServerConnectionPool<pg.Client>, database: string, owner: string, sql = 'SELECT current_database() AS db') {
  const connection = await p.acquire(database, owner);
  try {
    return (await connection.client.query(sql)).rows[0];
  } finally {
    connection.release();
  }
}

beforeAll(async () => {
  for (const name of databases) await onServer(`CREATE DATABASE "${name}"`);
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  for (const name of databases) await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

test('a burst over six databases never opens more than the cap, on either side, and every statement reaches its own database', async () => {
  const p = pool({ maxConnections: 3, maxPerOwner: 3 });
  let peakSeenByPool = 0;
  const { peak: peakSeenByServer, result: answers } = await peakWhile(serverSideConnections, () =>
    Promise.all(
      Array.from({ length: 120 }, async (_, i) => {
        const database = databases[i % databases.length];
        const row = await query(p, database, `tenant-${i % databases.length}`, 'SELECT current_database() AS db, pg_sleep(0.002)');
        peakSeenByPool = Math.max(peakSeenByPool, p.open);
        return row.db === database;
      }),
    ),
  );
  expect(answers.every(Boolean)).toBe(true);
  expect(peakSeenByPool).toBeLessThanOrEqual(3);
  expect(peakSeenByServer).toBeLessThanOrEqual(3);
  expect(p.waiting).toBe(0);
});

test('a connection moved to another database is closed before its replacement opens, so the server never sees the cap exceeded', async () => {
  // The real driver, with a close that takes a while, as a busy server's teardown does.
  const real = postgresDriver({ url: server(), connectTimeoutMs: 5000, statementTimeoutMs: 5000, pooled: false });
  let live = 0;
  let peakLive = 0;
  const p = new ServerConnectionPool<pg.Client>({
    driver: {
      connect: async (database) => {
        peakLive = Math.max(peakLive, ++live);
        return real.connect(database);
      },
      close: async (client) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await real.close(client);
        live--;
      },
      onBroken: real.onBroken,
    },
    maxConnections: 2,
    maxPerOwner: 2,
    idleMs: 60_000,
    acquireTimeoutMs: 10_000,
  });
  pools.push(p);
  for (let round = 0; round < 3; round++) {
    await Promise.all(databases.map((database, i) => query(p, database, `tenant-${i}`)));
  }
  expect(peakLive).toBeLessThanOrEqual(2);
});

test('a close the server never acknowledges holds up the replacement no longer than the queue timeout', async () => {
  const real = postgresDriver({ url: server(), connectTimeoutMs: 5000, statementTimeoutMs: 5000, pooled: false });
  const unacknowledged: pg.Client[] = [];
  const p = new ServerConnectionPool<pg.Client>({
    driver: { ...real, close: (client) => (unacknowledged.push(client), new Promise<void>(() => {})) },
    maxConnections: 1,
    maxPerOwner: 1,
    idleMs: 60_000,
    acquireTimeoutMs: 300,
  });
  pools.push(p);
  await query(p, databases[0], 'a');
  const started = Date.now();
  expect(await query(p, databases[1], 'b')).toEqual({ db: databases[1] });
  expect(Date.now() - started).toBeLessThan(1500);
  await p.close();
  await Promise.all(unacknowledged.map((client) => client.end()));
});

test('one owner holds at most its share: the others are served while its burst waits', async () => {
  const p = pool({ maxConnections: 4, maxPerOwner: 2 });
  const greedy = Array.from({ length: 20 }, () => query(p, databases[0], 'greedy', 'SELECT pg_sleep(0.05)'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(p.heldByOwner('greedy')).toBe(2);
  const started = Date.now();
  await query(p, databases[1], 'modest');
  // Served from the free half of the server, not after the greedy owner's 20 x 50 ms.
  expect(Date.now() - started).toBeLessThan(500);
  await Promise.all(greedy);
});

test('idle connections are closed: an idle tenant holds none', async () => {
  const p = pool({ idleMs: 200 });
  await Promise.all(databases.slice(0, 3).map((db, i) => query(p, db, `t${i}`)));
  expect(p.open).toBe(3);
  await new Promise((resolve) => setTimeout(resolve, 700));
  expect(p.open).toBe(0);
  expect(await serverSideConnections()).toBe(0);
});

test('a connection the server ended is not handed out again', async () => {
  const p = pool();
  const connection = await p.acquire(databases[2], 'a');
  const { rows } = await connection.client.query('SELECT pg_backend_pid() AS pid');
  connection.release();
  await onServer('SELECT pg_terminate_backend($1)', [rows[0].pid]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const again = await query(p, databases[2], 'a', 'SELECT pg_backend_pid() AS pid');
  expect(again.pid).not.toBe(rows[0].pid);
});

test('waits end: a full server answers DatabaseUnavailableError after the queue timeout, a runaway statement after the statement timeout', async () => {
  const p = pool({ maxConnections: 1, acquireTimeoutMs: 300, statementTimeoutMs: 300 });
  const held = await p.acquire(databases[3], 'holder');
  await expect(p.acquire(databases[3], 'other')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  // What the console's Servers view shows: one request waited, and gave up.
  expect({ waits: p.waits, timeouts: p.timeouts, maxConnections: p.maxConnections }).toEqual({ waits: 1, timeouts: 1, maxConnections: 1 });
  held.release();
  await expect(query(p, databases[3], 'slow', 'SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' }); // cancelled by the server
  expect(await query(p, databases[3], 'next')).toEqual({ db: databases[3] });
});

test('a server that does not exist fails fast with DatabaseUnavailableError, and frees its place', async () => {
  const p = pool({ url: 'postgresql://postgres@127.0.0.1:1/postgres', maxConnections: 1 });
  await expect(p.acquire('x', 'a')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  await expect(p.acquire('x', 'a')).rejects.toBeInstanceOf(DatabaseUnavailableError);
  expect(p.open).toBe(0);
});
