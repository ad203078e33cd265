// Where archives are while they are written or received (a spool folder under DATA_DIR,
// on the local disk whatever the store), and the key each has in the archive store.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/** The temporary file an export is written to (or an upload received into) before it is stored. */
export function spoolPath(config: Pick<Config, 'dataDir'>, name: string): string {
  const dir = path.resolve(config.dataDir, 'spool');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.tar.gz`);
}

/** An export's key in the archive store. */
export const archiveKeyOf = (exportId: string) => `${exportId}.tar.gz`;
