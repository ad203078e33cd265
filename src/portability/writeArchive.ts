// Writes a tenant data archive (docs/archive-format.md): a gzip'd tar of manifest.json
// and then one NDJSON file per table. A tar entry states its size before its bytes,
// and the manifest (with every table's row count and hash) comes first, so each
// table is spooled to a file of its own first, in a folder beside `path` that is
// removed whatever happens; the archive is packed from them into that folder too and
// only renamed to `path` once whole, so `path` never holds half an archive.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { ARCHIVE_FORMAT, MANIFEST_FILE, tableFile, type ArchivedTable, type ArchiveHeader, type ArchiveManifest, type ArchiveRow } from './archiveManifest';

/** One table's rows as the writer takes them: each row an object with (at least) `columns`, values in the neutral form. */
export interface TableRows {
  model: string;
  table: string;
  columns: string[];
  rows: AsyncIterable<ArchiveRow>;
}

export interface WrittenArchive {
  manifest: ArchiveManifest;
  /** Of the whole archive file, as a reader can check it before opening it. */
  sha256: string;
  sizeBytes: number;
  tables: number;
  rows: number;
}

/** A table written to its spool file, `bytes` long. */
interface Spooled {
  table: ArchivedTable;
  spool: string;
  bytes: number;
}

/** A tenant's data: readable by the gateway's own user alone. */
const FILE_MODE = 0o600;

/** Lines are gathered into writes of about this many characters. */
const WRITE_CHARS = 64 * 1024;

export async function writeArchive(path: string, header: ArchiveHeader, tables: AsyncIterable<TableRows>): Promise<WrittenArchive> {
  const work = await mkdtemp(join(dirname(path), `.${basename(path)}-`));
  try {
    const spooled: Spooled[] = [];
    for await (const source of tables) spooled.push(await spoolTable(source, join(work, `${spooled.length}.ndjson`)));
    const manifest: ArchiveManifest = { format: ARCHIVE_FORMAT, ...header, tables: spooled.map((s) => s.table) };
    const packed = join(work, 'archive.tar.gz');
    const { sha256, sizeBytes } = await pack(packed, manifest, spooled);
    await rename(packed, path);
    return { manifest, sha256, sizeBytes, tables: spooled.length, rows: spooled.reduce((sum, s) => sum + s.table.rows, 0) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes a table's NDJSON to `spool`: one line per row, its columns in order. */
async function spoolTable({ model, table, columns, rows }: TableRows, spool: string): Promise<Spooled> {
  const out = createWriteStream(spool, { mode: FILE_MODE });
  const hash = createHash('sha256');
  let count = 0;
  let bytesWritten = 0;
  let buffered = '';
  const flush = async () => {
    const bytes = Buffer.from(buffered, 'utf8');
    buffered = '';
    hash.update(bytes);
    bytesWritten += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  try {
    for await (const row of rows) {
      const line: ArchiveRow = {};
      for (const column of columns) {
        if (row[column] === undefined) throw new Error(`a row of ${table} has no value for ${column}`);
        line[column] = row[column];
      }
      buffered += `${JSON.stringify(line)}\n`;
      count++;
      if (buffered.length >= WRITE_CHARS) await flush();
    }
    await flush();
    out.end();
    await once(out, 'close');
  } finally {
    out.destroy();
  }
  return { table: { table, model, file: tableFile(table), columns, rows: count, sha256: hash.digest('hex') }, spool, bytes: bytesWritten };
}

/** Packs the manifest and the spooled tables into a gzip'd tar at `file`; its hash and size as written. */
async function pack(file: string, manifest: ArchiveManifest, spooled: Spooled[]) {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  const packer = tar.pack();
  const written = pipeline(packer, createGzip(), measure, createWriteStream(file, { mode: FILE_MODE }));
  // Entries dated when the data was taken, not when it was packed.
  const mtime = new Date(manifest.takenAt);
  const entry = (name: string, size: number, done: (error?: Error | null) => void) => packer.entry({ name, size, mtime, mode: 0o644 }, done);
  const entries = (async () => {
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await new Promise<void>((resolve, reject) => entry(MANIFEST_FILE, text.length, (e) => (e ? reject(e) : resolve())).end(text));
    for (const { table, spool, bytes } of spooled) {
      await new Promise<void>((resolve, reject) => {
        const sink = entry(table.file, bytes, (e) => (e ? reject(e) : resolve()));
        pipeline(createReadStream(spool), sink).catch(reject);
      });
    }
    packer.finalize();
  })();
  entries.catch((error) => packer.destroy(error));
  await Promise.all([written, entries]);
  return { sha256: hash.digest('hex'), sizeBytes };
}
