// The archive store on both of its backends, built from settings as a gateway builds
// it: DATA_DIR/exports, and an S3 bucket on a real S3-compatible server (s3rver on
// 127.0.0.1). What goes in comes out byte for byte, a large archive included (in
// parts on S3); a store that cannot be reached says STORE_UNAVAILABLE within its
// timeout, and an archive that is not there is told apart from that.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { GraphQLError } from 'graphql';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ArchiveMissingError, type ArchiveStore } from '../../src/portability/archiveStore';
import { createArchiveStore } from '../../src/portability/createArchiveStore';
import { ShutdownRegistry } from '../../src/shutdown';
import { startS3Server, type TestS3Server } from '../support/s3Server';

let work: string;
let s3: TestS3Server;
const shutdown = new ShutdownRegistry(createLogger('silent'));

function storeWith(env: Record<string, string>): ArchiveStore {
  return createArchiveStore(loadConfig({ DATA_DIR: work, ...env }), shutdown);
}

async function file(name: string, content: Buffer): Promise<string> {
  const at = path.join(work, name);
  await writeFile(at, content);
  return at;
}

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;
const UNAVAILABLE = { extensions: { code: 'STORE_UNAVAILABLE' } };

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tenantgraph-archives-'));
  s3 = await startS3Server();
});
afterAll(async () => {
  await shutdown.run(5000);
  await s3.close();
  await rm(work, { recursive: true, force: true });
});

describe.each([
  ['DATA_DIR/exports', () => ({})],
  ['an S3 bucket', () => s3.env('round-trip')],
])('in %s', (_where, env) => {
  let store: ArchiveStore;
  beforeAll(() => {
    store = storeWith(env());
  });

  test('gives back what was put, replaced by what is put next; after remove it is missing, and removing again is no error', async () => {
    const first = randomBytes(1000);
    const second = randomBytes(2000);
    await store.put('one.tar.gz', await file('first', first));
    expect(await read(await store.open('one.tar.gz'))).toEqual(first);
    await store.put('one.tar.gz', await file('second', second));
    expect(await read(await store.open('one.tar.gz'))).toEqual(second);
    await store.remove('one.tar.gz');
    await expect(store.open('one.tar.gz')).rejects.toBeInstanceOf(ArchiveMissingError);
    await expect(store.remove('one.tar.gz')).resolves.toBeUndefined();
  });

  test('a 20 MB archive comes back byte for byte', async () => {
    const big = randomBytes(20 * 1024 * 1024);
    await store.put('big.tar.gz', await file('big', big));
    expect(sha256(await read(await store.open('big.tar.gz')))).toBe(sha256(big));
    await store.remove('big.tar.gz');
  });

  test.each(['../escape.tar.gz', 'a/b.tar.gz', '.hidden', '', 'x'.repeat(201)])('refuses the key %j before touching anything', async (key) => {
    const source = await file('escaping', Buffer.from('x'));
    await expect(store.put(key, source)).rejects.toThrow('is not an archive store key');
    await expect(store.open(key)).rejects.toThrow('is not an archive store key');
    await expect(store.remove(key)).rejects.toThrow('is not an archive store key');
  });
});

test('DATA_DIR/exports holds each archive under its key and nothing else: no temporary file outlives a put, a failed one included', async () => {
  const store = storeWith({});
  await store.put('kept.tar.gz', await file('kept', randomBytes(100)));
  await expect(store.put('never.tar.gz', path.join(work, 'no-such-file'))).rejects.toMatchObject(UNAVAILABLE);
  expect(await readdir(path.join(work, 'exports'))).toEqual(['kept.tar.gz']);
});

test("two prefixes of one bucket are two stores: neither sees the other's archives", async () => {
  const a = storeWith(s3.env('tenants/a'));
  const b = storeWith(s3.env('tenants/b'));
  await a.put('same.tar.gz', await file('prefixed', Buffer.from('in a')));
  await expect(b.open('same.tar.gz')).rejects.toBeInstanceOf(ArchiveMissingError);
  expect((await read(await a.open('same.tar.gz'))).toString()).toBe('in a');
});

describe('an S3 endpoint that does not answer', () => {
  const TIMEOUT_MS = 400;
  let silent: net.Server;
  const held: net.Socket[] = [];
  let store: ArchiveStore;

  beforeAll(async () => {
    // Takes connections and never says a word.
    silent = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    store = storeWith({ ...s3.env(), AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`, EXPORT_STORE_TIMEOUT_MS: String(TIMEOUT_MS) });
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test.each([
    ['open', () => store.open('any.tar.gz'), TIMEOUT_MS + 1000],
    ['remove', () => store.remove('any.tar.gz'), TIMEOUT_MS + 1000],
    // An upload is bounded by silence per request (three tries), not as a whole.
    ['put', async () => store.put('any.tar.gz', await file('unsent', randomBytes(100))), 4 * TIMEOUT_MS + 2000],
  ])('%s fails with STORE_UNAVAILABLE within its timeout', async (_call, call, within) => {
    const started = Date.now();
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe('STORE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(within);
  });

  test('a refused connection fails at once, with the same code', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const refused = storeWith({ ...s3.env(), AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`, EXPORT_STORE_TIMEOUT_MS: '10000' });
    const started = Date.now();
    await expect(refused.open('any.tar.gz')).rejects.toMatchObject(UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
