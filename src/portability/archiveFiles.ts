// Where archives are while they are written or received (a spool folder under DATA_DIR,
// on the local disk whatever the store), and the key each has in the archive store.
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

/** The temporary file an export is written to (or an upload received into, or a restore reads) on this machine. */
export const spoolPath = (config: Pick<Config, 'dataDir'>, name: string): string => path.resolve(config.dataDir, 'spool', `${name}.tar.gz`);

/** Makes the folder of a spool file. */
export const spoolReady = (file: string) => mkdir(path.dirname(file), { recursive: true });

/** An export's key in the archive store. */
export const archiveKeyOf = (exportId: string) => `${exportId}.tar.gz`;

/**
 * Removes what a run of the job that spools `name` left when its process died: the
 * archive and the folder of table files beside it (writeArchive's `.<file>-XXXXXX`).
 */
export async function clearSpool(config: Pick<Config, 'dataDir'>, name: string): Promise<void> {
  const file = spoolPath(config, name);
  const folder = path.dirname(file);
  const leftovers = (await readdir(folder).catch(() => [])).filter((entry) => entry === path.basename(file) || entry.startsWith(`.${path.basename(file)}-`));
  await Promise.all(leftovers.map((entry) => rm(path.join(folder, entry), { recursive: true, force: true })));
}
