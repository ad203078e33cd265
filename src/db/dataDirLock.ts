// Which process runs a DATA_DIR's embedded PostgreSQL: the gateway (`npm start`), or
// an `npm run db` that started the server for itself. The process that starts the
// server writes DATA_DIR/in-use.json (its pid, and the server's port once it answers)
// and removes it when it stops. While that process lives, a second `npm start` on the
// folder refuses instead of disturbing the server under the first, and `npm run db`
// talks to the port the gateway recorded instead of guessing one.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';

export type DataDirUser = 'gateway' | 'db';

export interface DataDirHolder {
  pid: number;
  by: DataDirUser;
  /** Where its PostgreSQL answers; missing while it is still starting the server. */
  postgresPort?: number;
}

export interface DataDirClaim {
  /** The embedded server answers on `port`: `npm run db` may use it from now on. */
  recordPort(port: number): void;
  release(): void;
}

const DESCRIPTION: Record<DataDirUser, string> = { gateway: 'the gateway', db: '`npm run db`' };

/** A DATA_DIR that another live process holds: the user's to sort out, so a clear message and no stack. */
export class DataDirInUseError extends ConfigError {
  constructor(
    readonly holder: DataDirHolder,
    dataDir: string,
  ) {
    super(
      `DATA_DIR is in use by ${DESCRIPTION[holder.by]} with pid ${holder.pid} (${path.resolve(dataDir)}): ` +
        'stop it first, or give this process another DATA_DIR',
    );
  }
}

/** True while a process with this pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockFile = (dataDir: string) => path.resolve(dataDir, 'in-use.json');

function readHolder(file: string): DataDirHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DataDirHolder;
  } catch {
    return undefined; // none, or half-written by a process that died writing it
  }
}

/** The live process holding DATA_DIR, if any. */
export function dataDirHolder(dataDir: string): DataDirHolder | undefined {
  const holder = readHolder(lockFile(dataDir));
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder : undefined;
}

/**
 * Takes DATA_DIR for this process, or says who has it. A lock left by a process that
 * died (killed, crashed) is taken over. The file goes when the claim is released, and
 * at the latest when this process exits.
 */
export function claimDataDir(dataDir: string, by: DataDirUser): { claimed: DataDirClaim } | { heldBy: DataDirHolder } {
  const file = lockFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  let mine: DataDirHolder = { pid: process.pid, by };
  const write = (flag: 'wx' | 'w') => writeFileSync(file, JSON.stringify(mine), { flag });
  for (let attempt = 1; ; attempt++) {
    try {
      write('wx'); // atomic: of two processes starting at once, one creates the file
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = dataDirHolder(dataDir);
      if (holder) return { heldBy: holder };
      if (attempt === 2) throw error;
      rmSync(file, { force: true }); // its process is gone
    }
  }
  const release = () => {
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return {
    claimed: {
      recordPort(port) {
        mine = { ...mine, postgresPort: port };
        write('w');
      },
      release,
    },
  };
}
