// Checks a whole tenant data archive before anyone relies on it: the gzip and the tar
// read to their end, the manifest valid and of a known format, exactly the files it
// lists in the order it lists them (none missing, none twice, none more), and every
// table file's rows, row count and SHA-256 as it says. Streams the archive once.
import { ArchiveInvalid } from './archiveInvalid';
import type { ArchiveManifest } from './archiveManifest';
import { openArchive } from './archiveEntries';
import { tableFileRows } from './tableFileRows';

export async function verifyArchive(path: string): Promise<ArchiveManifest> {
  const files = await openArchive(path);
  const { manifest } = files;
  const listed = manifest.tables.map((t) => t.file);
  try {
    for (const [index, table] of manifest.tables.entries()) {
      const file = await files.next();
      if (!file) throw new ArchiveInvalid(`the archive has no ${table.file}, which the manifest lists`);
      if (file.name !== table.file) {
        const at = listed.indexOf(file.name);
        if (at === -1) throw new ArchiveInvalid(`the archive holds ${file.name}, which the manifest does not list`);
        if (at < index) throw new ArchiveInvalid(`the archive holds ${file.name} twice`);
        throw new ArchiveInvalid(`the archive has no ${table.file} before ${file.name}, as the manifest lists them`);
      }
      for await (const _row of tableFileRows(file.content, table));
    }
    const extra = await files.next();
    if (extra) {
      throw new ArchiveInvalid(
        listed.includes(extra.name) ? `the archive holds ${extra.name} twice` : `the archive holds ${extra.name}, which the manifest does not list`,
      );
    }
    return manifest;
  } finally {
    files.close();
  }
}
