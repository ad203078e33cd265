// Where archives are while they are written or received (a spool folder under DATA_DIR,
// on the local disk whatever the store), and the key each has in the archive store.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

/** The temporary file an export is written to (or an upload received into, or a restore reads) on this machine. */
export const spoolPath = (config: Pick<Config, 'dataDir'>, name: string): string => path.resolve(config.dataDir, 'spool', `${name}.tar.gz`);

/** Makes the folder of a spool file. */
export const spoolReady = (file: string) => mkdir(path.dirname(file), { recursive: true });

/** An export's key in the archive store. */
export const archiveKeyOf = (exportId: string) => `${exportId}.tar.gz`;
