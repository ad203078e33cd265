// The MySQL side of the test run: TEST_MYSQL_URL when set; otherwise, on a machine
// with a `mariadbd` binary, a throwaway MariaDB in a temporary folder, started for
// the run (as the embedded PostgreSQL is); otherwise none, and the MySQL runs skip.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function binary(name) {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/local/sbin', '/usr/bin'])) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

const answers = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** Starts a throwaway MariaDB when one can be; returns its URL and how to stop it, or undefined. */
export async function startThrowawayMariadb() {
  const server = binary('mariadbd');
  const install = binary('mariadb-install-db');
  if (!server || !install) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'tenantgraph-mariadb-'));
  const datadir = path.join(dir, 'data');
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  const installed = spawnSync(install, [`--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user], { stdio: 'ignore' });
  if (installed.status !== 0) return undefined;
  const port = await freePort();
  const child = spawn(server, [`--datadir=${datadir}`, `--port=${port}`, '--bind-address=127.0.0.1', `--socket=${path.join(dir, 'mysqld.sock')}`, '--skip-log-bin', ...user], {
    stdio: 'ignore',
    detached: false,
  });
  for (let i = 0; i < 100 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(port))) {
    child.kill('SIGKILL');
    return undefined;
  }
  return {
    url: `mariadb://root@127.0.0.1:${port}/`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
