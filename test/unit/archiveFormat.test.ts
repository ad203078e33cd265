// The archive format on its own, no database: what is written reads back the same,
// row for row, and an archive changed in any way after it was written is refused
// with ARCHIVE_INVALID, by verifyArchive and by a reader loading its rows.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { ErrorCode } from '../../src/errors';
import { MAX_LINE_BYTES } from '../../src/portability/tableFileRows';
import { readArchive } from '../../src/portability/readArchive';
import { verifyArchive } from '../../src/portability/verifyArchive';
import { writeArchive, type TableRows } from '../../src/portability/writeArchive';
import type { ArchiveHeader, ArchiveManifest, ArchiveRow } from '../../src/portability/archiveManifest';

const HEADER: ArchiveHeader = {
  tenant: { id: '0190a0a0-0000-7000-8000-0000000000aa', slug: 'acme', name: 'Acme' },
  migration: '20261204204500_sort_indexes',
  engine: 'postgresql',
  isolation: 'DATABASE',
  takenAt: '2026-12-01T10:00:00.000Z',
};

const CATEGORIES: ArchiveRow[] = [
  { id: 'c1', name: 'Tools', parentId: null },
  { id: 'c2', name: 'Saws, "hand" & power\nline two', parentId: 'c1' },
];
const PRODUCTS: ArchiveRow[] = Array.from({ length: 2500 }, (_, i) => ({
  id: `p${String(i).padStart(5, '0')}`,
  price: `${i}.50`,
  trackStock: i % 2 === 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  attributes: { size: i, tags: ['a', 'ü'] },
}));

async function* rowsOf(rows: ArchiveRow[]) {
  yield* rows;
}
async function* tables(): AsyncGenerator<TableRows> {
  yield { model: 'Category', table: 'Category', columns: ['id', 'name', 'parentId'], rows: rowsOf(CATEGORIES) };
  yield { model: 'Product', table: 'Product', columns: ['id', 'price', 'trackStock', 'createdAt', 'attributes'], rows: rowsOf(PRODUCTS) };
  yield { model: 'Counter', table: 'Counter', columns: ['name', 'value'], rows: rowsOf([]) };
}

let dir: string;
let archive: string;
let written: Awaited<ReturnType<typeof writeArchive>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archive-format-'));
  archive = join(dir, 'acme.tar.gz');
  written = await writeArchive(archive, HEADER, tables());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The archive's files in order, as name and bytes. */
async function filesOf(path: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const extract = tar.extract();
  const files: Array<{ name: string; bytes: Buffer }> = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      files.push({ name: entry.header.name, bytes: Buffer.concat(chunks) });
    }
  })();
  extract.end(gunzipSync(await readFile(path)));
  await done;
  return files;
}

/** An archive of these files, written beside the original. */
async function archiveOf(files: Array<{ name: string; bytes: Buffer }>, name: string): Promise<string> {
  const packer = tar.pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of packer) chunks.push(chunk as Buffer);
  })();
  for (const file of files) packer.entry({ name: file.name, size: file.bytes.length }, file.bytes);
  packer.finalize();
  await collected;
  const path = join(dir, name);
  await writeFile(path, gzipSync(Buffer.concat(chunks)));
  return path;
}

const text = (bytes: Buffer) => bytes.toString('utf8');
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const manifestOf = (files: Array<{ name: string; bytes: Buffer }>) => JSON.parse(text(files[0].bytes)) as ArchiveManifest;
const withManifest = (files: Array<{ name: string; bytes: Buffer }>, manifest: unknown) => [
  { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest)) },
  ...files.slice(1),
];

async function collect(rows: AsyncIterable<ArchiveRow>): Promise<ArchiveRow[]> {
  const all: ArchiveRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

test('an archive reads back as written: the manifest first, each table its rows in order, its counts and hashes', async () => {
  const files = await filesOf(archive);
  expect(files.map((f) => f.name)).toEqual(['manifest.json', 'tables/Category.ndjson', 'tables/Product.ndjson', 'tables/Counter.ndjson']);
  expect(written).toMatchObject({ tables: 3, rows: 2502, sha256: sha256(await readFile(archive)), sizeBytes: (await readFile(archive)).length });
  const manifest = await verifyArchive(archive);
  expect(manifest).toEqual(written.manifest);
  expect(manifest).toMatchObject({ format: 1, ...HEADER });
  expect(manifest.tables.map(({ table, rows, columns }) => ({ table, rows, columns }))).toEqual([
    { table: 'Category', rows: 2, columns: ['id', 'name', 'parentId'] },
    { table: 'Product', rows: 2500, columns: ['id', 'price', 'trackStock', 'createdAt', 'attributes'] },
    { table: 'Counter', rows: 0, columns: ['name', 'value'] },
  ]);
  for (const table of manifest.tables) expect(table.sha256).toBe(sha256(files.find((f) => f.name === table.file)!.bytes));
  expect(text(files[1].bytes)).toBe('{"id":"c1","name":"Tools","parentId":null}\n{"id":"c2","name":"Saws, \\"hand\\" & power\\nline two","parentId":"c1"}\n');

  const reader = await readArchive(archive);
  try {
    // In the manifest's order, then back to one already passed.
    expect(await collect(reader.rows('Category'))).toEqual(CATEGORIES);
    expect(await collect(reader.rows('Product'))).toEqual(PRODUCTS);
    expect(await collect(reader.rows('Counter'))).toEqual([]);
    expect(await collect(reader.rows('Category'))).toEqual(CATEGORIES);
    await expect(collect(reader.rows('Nothing'))).rejects.toMatchObject({ extensions: { code: ErrorCode.ARCHIVE_INVALID } });
  } finally {
    reader.close();
  }
});

test('a failing table leaves no archive and no spooled files behind', async () => {
  const path = join(dir, 'failed.tar.gz');
  async function* failing(): AsyncGenerator<TableRows> {
    yield { model: 'Category', table: 'Category', columns: ['id'], rows: rowsOf([{ id: 'c1' }]) };
    yield {
      model: 'Product',
      table: 'Product',
      columns: ['id'],
      rows: (async function* () {
        yield { id: 'p1' };
        throw new Error('the snapshot broke');
      })(),
    };
  }
  const before = await readdir(dir);
  await expect(writeArchive(path, HEADER, failing())).rejects.toThrow('the snapshot broke');
  expect(await readdir(dir)).toEqual(before);
});

/** Each a way the archive is changed after it was written, and what the refusal says. */
const tamperings: Array<[string, (files: Array<{ name: string; bytes: Buffer }>) => Array<{ name: string; bytes: Buffer }>, RegExp]> = [
  [
    'a changed byte in a table file',
    (files) => files.map((f) => (f.name === 'tables/Product.ndjson' ? { ...f, bytes: Buffer.from(text(f.bytes).replace('"1.50"', '"1.60"')) } : f)),
    /tables\/Product.ndjson .*SHA-256/,
  ],
  [
    'a changed row count in the manifest',
    (files) => withManifest(files, { ...manifestOf(files), tables: manifestOf(files).tables.map((t) => (t.table === 'Product' ? { ...t, rows: 2499 } : t)) }),
    /tables\/Product.ndjson holds 2500 rows; the manifest says 2499/,
  ],
  [
    'a changed hash in the manifest',
    (files) =>
      withManifest(files, {
        ...manifestOf(files),
        tables: manifestOf(files).tables.map((t) => (t.table === 'Category' ? { ...t, sha256: sha256('other') } : t)),
      }),
    /tables\/Category.ndjson .*SHA-256/,
  ],
  ['a missing file', (files) => files.filter((f) => f.name !== 'tables/Counter.ndjson'), /no tables\/Counter.ndjson/],
  ['an extra file', (files) => [...files, { name: 'tables/Extra.ndjson', bytes: Buffer.from('') }], /tables\/Extra.ndjson, which the manifest does not list/],
  ['a file twice', (files) => [...files, files[1]], /tables\/Category.ndjson twice/],
  ['no manifest first', (files) => [...files.slice(1), files[0]], /starts with tables\/Category.ndjson, not manifest.json/],
  [
    'a line with an extra column (its hash made to match)',
    (files) => {
      const bytes = Buffer.from(text(files[1].bytes).replace('"parentId":null}', '"parentId":null,"secret":1}'));
      const manifest = manifestOf(files);
      manifest.tables[0].sha256 = sha256(bytes);
      return withManifest([files[0], { ...files[1], bytes }, ...files.slice(2)], manifest);
    },
    /tables\/Category.ndjson line 1 has a column secret the manifest does not list/,
  ],
  [
    'a line that is not an object (its hash made to match)',
    (files) => {
      const bytes = Buffer.from(text(files[1].bytes).replace(/^.*\n/, '["c1","Tools",null]\n'));
      const manifest = manifestOf(files);
      manifest.tables[0].sha256 = sha256(bytes);
      return withManifest([files[0], { ...files[1], bytes }, ...files.slice(2)], manifest);
    },
    /tables\/Category.ndjson line 1 is not a JSON object/,
  ],
  ['an unknown format version', (files) => withManifest(files, { ...manifestOf(files), format: 2 }), /format 2; this gateway reads format 1/],
  ['a manifest that is not valid', (files) => withManifest(files, { ...manifestOf(files), takenAt: 'yesterday' }), /manifest.json is not valid: takenAt/],
  [
    'a file name that is not its table',
    (files) =>
      withManifest(files, {
        ...manifestOf(files),
        tables: manifestOf(files).tables.map((t) => (t.table === 'Counter' ? { ...t, file: '../Counter.ndjson' } : t)),
      }),
    /manifest.json is not valid/,
  ],
];

test.each(tamperings)('refused with ARCHIVE_INVALID: %s', async (name, tamper, message) => {
  const path = await archiveOf(tamper(await filesOf(archive)), `${name.replace(/\W+/g, '-')}.tar.gz`);
  await expect(verifyArchive(path)).rejects.toMatchObject({ extensions: { code: ErrorCode.ARCHIVE_INVALID }, message: expect.stringMatching(message) });
});

test('a table whose file was changed is refused by a reader too, once its rows are read', async () => {
  const path = await archiveOf(tamperings[0][1](await filesOf(archive)), 'changed-for-reader.tar.gz');
  const reader = await readArchive(path);
  try {
    expect(await collect(reader.rows('Category'))).toEqual(CATEGORIES);
    await expect(collect(reader.rows('Product'))).rejects.toMatchObject({ extensions: { code: ErrorCode.ARCHIVE_INVALID } });
  } finally {
    reader.close();
  }
});

test('a truncated gzip is refused', async () => {
  const bytes = await readFile(archive);
  const path = join(dir, 'truncated.tar.gz');
  await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
  await expect(verifyArchive(path)).rejects.toMatchObject({ extensions: { code: ErrorCode.ARCHIVE_INVALID }, message: expect.stringMatching(/gzip/) });
  const reader = await readArchive(path);
  try {
    await expect(collect(reader.rows('Counter'))).rejects.toMatchObject({ extensions: { code: ErrorCode.ARCHIVE_INVALID } });
  } finally {
    reader.close();
  }
});

test("a file that is not gzip at all is refused; a missing file is not the archive's fault", async () => {
  const path = join(dir, 'plain.tar.gz');
  await writeFile(path, 'just some text, not an archive');
  await expect(verifyArchive(path)).rejects.toMatchObject({ extensions: { code: ErrorCode.ARCHIVE_INVALID } });
  await expect(verifyArchive(join(dir, 'nowhere.tar.gz'))).rejects.toMatchObject({ code: 'ENOENT' });
});

test('a line longer than any row is refused without being held whole', async () => {
  const files = await filesOf(archive);
  const long = Buffer.alloc(MAX_LINE_BYTES + 1, 'x');
  const manifest = manifestOf(files);
  manifest.tables[0].sha256 = sha256(long);
  const path = await archiveOf(withManifest([files[0], { name: files[1].name, bytes: long }, ...files.slice(2)], manifest), 'long-line.tar.gz');
  await expect(verifyArchive(path)).rejects.toMatchObject({ message: expect.stringMatching(/line 1 is longer than/) });
});
