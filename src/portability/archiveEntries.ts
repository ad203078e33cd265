// An archive file opened as the sequence of its files, one after another as they
// stream out of the gzip'd tar, never more than a chunk of it in memory. What goes
// wrong in the gzip or the tar is the archive's fault (ArchiveInvalid); what goes
// wrong reading the file from the disk is not, and stays as it is.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ArchiveInvalid } from './archiveInvalid';
import { MANIFEST_FILE, parseManifest, type ArchiveManifest } from './archiveManifest';

/** A file as tar-stream gives it: a stream of its bytes with its header. */
type Entry = tar.Extract extends AsyncIterable<infer E> ? E : never;

/** The manifest is read into memory whole: no larger than this. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface ArchiveFile {
  name: string;
  /** Its bytes; read them (or `skip` it) before asking for the next file. */
  content: AsyncIterable<Buffer>;
  skip(): Promise<void>;
}

export interface ArchiveFiles {
  manifest: ArchiveManifest;
  /** The next file after the manifest, or undefined after the last. */
  next(): Promise<ArchiveFile | undefined>;
  close(): void;
}

/** The archive at `path`, its manifest read and checked. */
export async function openArchive(path: string): Promise<ArchiveFiles> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  const extract = tar.extract();
  file.on('error', (error) => extract.destroy(error));
  gunzip.on('error', (error) => extract.destroy(new ArchiveInvalid(`the archive is not a whole gzip file: ${error.message}`)));
  file.pipe(gunzip).pipe(extract);
  const entries = extract[Symbol.asyncIterator]();
  const close = () => {
    file.destroy();
    gunzip.destroy();
    extract.destroy();
  };

  async function next(): Promise<ArchiveFile | undefined> {
    let step: IteratorResult<Entry>;
    try {
      step = await entries.next();
    } catch (error) {
      throw archiveError(error);
    }
    if (step.done) return undefined;
    const entry = step.value;
    const { name, type } = entry.header;
    if (type !== 'file') throw new ArchiveInvalid(`the archive holds ${name}, a ${type}: it holds files only`);
    return { name, content: contentOf(entry), skip: () => drain(entry) };
  }

  try {
    const first = await next();
    if (!first) throw new ArchiveInvalid(`the archive holds no files, not even ${MANIFEST_FILE}`);
    if (first.name !== MANIFEST_FILE) throw new ArchiveInvalid(`the archive starts with ${first.name}, not ${MANIFEST_FILE}`);
    const manifest = parseManifest(await textOf(first));
    return { manifest, next, close };
  } catch (error) {
    close();
    throw error;
  }
}

async function* contentOf(entry: Entry): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of entry) yield chunk as Buffer;
  } catch (error) {
    throw archiveError(error);
  }
}

async function drain(entry: Entry): Promise<void> {
  for await (const _chunk of contentOf(entry));
}

async function textOf(file: ArchiveFile): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of file.content) {
    bytes += chunk.length;
    if (bytes > MAX_MANIFEST_BYTES) throw new ArchiveInvalid(`${MANIFEST_FILE} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function archiveError(error: unknown): unknown {
  if (error instanceof ArchiveInvalid) return error;
  // The file system's (ENOENT, EACCES, EIO): the archive may be fine.
  if (typeof error === 'object' && error !== null && 'syscall' in error) return error;
  return new ArchiveInvalid(`the archive is not a readable tar file: ${error instanceof Error ? error.message : String(error)}`);
}
