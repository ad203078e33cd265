// Reading a tenant data archive table by table, as a load wants it: the manifest at
// once, then any table's rows as they stream out of the file, each row and at its
// end the whole file checked against the manifest (tableFileRows.ts). The files come
// in the order the manifest lists them, so asking for the tables in that order reads
// the archive once: the place reached is kept for the next table; asking for one
// already passed opens the file again.
import { ArchiveInvalid } from './archiveInvalid';
import type { ArchiveManifest, ArchiveRow } from './archiveManifest';
import { openArchive, type ArchiveFiles } from './archiveEntries';
import { tableFileRows } from './tableFileRows';

export interface ArchiveReader {
  manifest: ArchiveManifest;
  /** The rows of `table`; ArchiveInvalid, at the latest once they are all read, if its file is not as the manifest says. */
  rows(table: string): AsyncIterable<ArchiveRow>;
  /** Lets go of the file. */
  close(): void;
}

/** Files of the archive opened and read up to `next`, the index in the manifest of the table file that comes next. */
interface Place {
  files: ArchiveFiles;
  next: number;
}

export async function readArchive(path: string): Promise<ArchiveReader> {
  const first = await openArchive(path);
  const { manifest } = first;
  let kept: Place | undefined = { files: first, next: 0 };

  /** A place at or before table `index`: the kept one when it is not past it, else the archive opened anew. */
  async function placeBefore(index: number): Promise<Place> {
    const place = kept;
    kept = undefined;
    if (place && place.next <= index) return place;
    place?.files.close();
    return { files: await openArchive(path), next: 0 };
  }

  async function* rows(table: string): AsyncGenerator<ArchiveRow> {
    const index = manifest.tables.findIndex((t) => t.table === table);
    if (index === -1) throw new ArchiveInvalid(`the archive has no table ${table}`);
    const place = await placeBefore(index);
    let done = false;
    try {
      for (;;) {
        const file = await place.files.next();
        const expected = manifest.tables[place.next];
        if (!file) throw new ArchiveInvalid(`the archive ends before ${expected.file}`);
        if (file.name !== expected.file) throw new ArchiveInvalid(`the archive holds ${file.name} where the manifest lists ${expected.file}`);
        place.next++;
        if (place.next <= index) {
          await file.skip();
          continue;
        }
        yield* tableFileRows(file.content, expected);
        done = true;
        return;
      }
    } finally {
      if (done && !kept) kept = place;
      else place.files.close();
    }
  }

  return {
    manifest,
    rows,
    close() {
      kept?.files.close();
      kept = undefined;
    },
  };
}
