// The archive store of one machine: a file per key in DATA_DIR/exports. A put copies
// the file to a temporary name beside its place, flushes it to disk and renames it
// there, so a reader sees the old archive or the whole new one, never part of one;
// a crash leaves at most a temporary file, whose name (a leading dot) is never a key.
// Gateways on several machines do not see each other's folders: they need EXPORT_STORE_URL.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { ArchiveMissingError, checkedKey, storeUnavailable, type ArchiveStore } from './archiveStore';

/** Flushes what was written to `target` (a file, or a folder's list of names) to the disk. */
async function flush(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class LocalArchiveStore implements ArchiveStore {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = path.resolve(dataDir, 'exports');
  }

  private pathOf(key: string): string {
    return path.join(this.folder, checkedKey(key));
  }

  async put(key: string, file: string): Promise<void> {
    const target = this.pathOf(key);
    const temporary = path.join(this.folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.mkdir(this.folder, { recursive: true });
      // A copy-on-write clone where the file system has them, a copy otherwise.
      await fs.copyFile(file, temporary, constants.COPYFILE_FICLONE);
      await flush(temporary);
      await fs.rename(temporary, target);
      await flush(this.folder);
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw storeUnavailable(error);
    }
  }

  async open(key: string): Promise<Readable> {
    const target = this.pathOf(key);
    try {
      // Opened here, not by the stream, so a missing file is this call's answer rather than a stream error later.
      const handle = await fs.open(target, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ArchiveMissingError(key);
      throw storeUnavailable(error);
    }
  }

  async remove(key: string): Promise<void> {
    const target = this.pathOf(key);
    try {
      await fs.rm(target, { force: true });
    } catch (error) {
      throw storeUnavailable(error);
    }
  }
}
