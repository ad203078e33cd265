// A real PgBouncer (Debian's `pgbouncer` package), in transaction pooling mode by
// default, in front of the test server, in a folder of its own, for the tests of what users put
// before PostgreSQL when connections run short. Every database name is passed
// through to the server, so tenant databases made during the test are reachable.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../../src/db/urls';
import { freePort } from './gatewayProcess';

export const PGBOUNCER = process.env.PGBOUNCER_PATH ?? '/usr/sbin/pgbouncer';

/** Why the PgBouncer tests cannot run here, or undefined when they can. */
export const pgbouncerMissing = existsSync(PGBOUNCER) ? undefined : `no PgBouncer at ${PGBOUNCER}: apt-get install pgbouncer (or set PGBOUNCER_PATH) to run these tests`;

export interface TestPgBouncer {
  /** A server URL through PgBouncer: same user and password as `serverUrl`, database "postgres". */
  url: string;
  process: ChildProcess;
  /** Transactions PgBouncer carried, by database (its SHOW STATS). */
  transactionsByDatabase(): Promise<Map<string, number>>;
  /** SIGSTOP: it keeps every socket open and answers nothing, like a hung server. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** `transaction` pooling is what the gateway's pooled URLs are for; `session` behaves like the server itself. */
export async function startPgBouncer(serverUrl: string, mode: 'transaction' | 'session' = 'transaction'): Promise<TestPgBouncer> {
  if (pgbouncerMissing) throw new Error(pgbouncerMissing);
  const server = new URL(serverUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tenantgraph-pgbouncer-'));
  chmodSync(dir, 0o777); // run as root, it drops to user postgres and must write its log here
  const password = server.password ? ` password=${decodeURIComponent(server.password)}` : '';
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432} user=${decodeURIComponent(server.username)}${password}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      `admin_users = ${decodeURIComponent(server.username)}`,
      `pool_mode = ${mode}`,
      'max_client_conn = 1000',
      'default_pool_size = 20',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      // node-postgres sends extra_float_digits at every connection, and the gateway statement_timeout on
      // connections to a server's direct URL (a session-mode PgBouncer stands in for one here).
      'ignore_startup_parameters = extra_float_digits,statement_timeout',
    ].join('\n'),
  );
  chmodSync(ini, 0o644);
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', ini] : [ini];
  const child = spawn(PGBOUNCER, args, { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await reachable(port)); i++) await new Promise((r) => setTimeout(r, 50));
  const url = new URL(serverUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  url.pathname = '/postgres';
  return {
    url: url.toString(),
    process: child,
    async transactionsByDatabase() {
      const admin = new pg.Client({ connectionString: withDatabase(url.toString(), 'pgbouncer') });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ database: string; total_xact_count: string }>('SHOW STATS');
        return new Map(rows.map((r) => [r.database, Number(r.total_xact_count)]));
      } finally {
        await admin.end();
      }
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    async stop() {
      child.kill('SIGCONT');
      if (child.exitCode === null) await new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
