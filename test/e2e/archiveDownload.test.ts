// GET /exports/<id>/archive: a valid link downloads the archive byte for byte, from
// DATA_DIR/exports and from an S3 bucket alike; a link that is forged, another
// export's, expired, or to an archive that cannot be had is refused with 403 and the
// gateway's error body; a store that fails answers 503 STORE_UNAVAILABLE and the
// gateway serves on.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadUrl, sha256, storedExport } from '../support/exports';
import { startS3Server, type TestS3Server } from '../support/s3Server';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let dataDir: string;
let gw: TestGateway;
let s3: TestS3Server;
let tenantId: string;
const archive = randomBytes(256 * 1024);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tenantgraph-downloads-'));
  s3 = await startS3Server();
  gw = await startTestGateway({ env: { DATA_DIR: dataDir } });
  const owner = await gw.createUser();
  tenantId = (await gw.createTenant({ slug: 'shop', owner })).id;
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const today = () => new Date().toISOString().slice(0, 10);

async function expectRefused(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining('link'), extensions: { code: 'FORBIDDEN' } }] });
}

test('a valid link downloads the archive byte for byte, as an attachment named for the tenant, the day and the export', async () => {
  const { id } = await storedExport(gw, { tenantId, content: archive });
  const response = await fetch(downloadUrl(gw, id));
  expect(response.status).toBe(200);
  expect(Object.fromEntries(['content-type', 'content-disposition', 'content-length', 'x-archive-sha256', 'cache-control'].map((h) => [h, response.headers.get(h)]))).toEqual({
    'content-type': 'application/gzip',
    'content-disposition': `attachment; filename="shop-${today()}-${id}.tar.gz"`,
    'content-length': String(archive.length),
    'x-archive-sha256': sha256(archive),
    'cache-control': 'private, no-store',
  });
  expect(Buffer.from(await response.arrayBuffer())).toEqual(archive);
});

test('HEAD answers the headers alone; an export of no tenant is named "tenant"', async () => {
  const { id } = await storedExport(gw, { tenantId: null, content: archive });
  const response = await fetch(downloadUrl(gw, id), { method: 'HEAD' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="tenant-${today()}-${id}.tar.gz"`);
  expect(response.headers.get('content-length')).toBe(String(archive.length));
});

describe('refused with 403 FORBIDDEN', () => {
  let id: string;
  let url: URL;
  beforeAll(async () => {
    ({ id } = await storedExport(gw, { tenantId, content: archive }));
    url = new URL(downloadUrl(gw, id));
  });
  const withQuery = (change: (query: URLSearchParams) => void) => {
    const changed = new URL(url);
    change(changed.searchParams);
    return changed.toString();
  };

  test('a forged signature, a missing one, or an expiry moved later', async () => {
    const signature = url.searchParams.get('signature')!;
    await expectRefused(withQuery((q) => q.set('signature', `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`)));
    await expectRefused(withQuery((q) => q.delete('signature')));
    await expectRefused(withQuery((q) => q.set('expires', String(Number(q.get('expires')) + 3600))));
  });

  test("another export's signature", async () => {
    const other = new URL(downloadUrl(gw, (await storedExport(gw, { tenantId, content: archive })).id));
    await expectRefused(withQuery((q) => {
      q.set('expires', other.searchParams.get('expires')!);
      q.set('signature', other.searchParams.get('signature')!);
    }));
  });

  test('an expired link', async () => {
    await expectRefused(downloadUrl(gw, id, Date.now() - gw.services.config.portability.linkTtlMs - 1000));
  });

  test('a malformed export id, signed or not', async () => {
    await expectRefused(downloadUrl(gw, 'not-an-id'));
    await expectRefused(`${url.origin}/exports/not-an-id/archive${url.search}`);
  });

  test.each([
    ['DELETED', { status: 'DELETED', deletedAt: new Date() }],
    ['READY with deletedAt', { deletedAt: new Date() }],
    ['PENDING', { status: 'PENDING' }],
    ['FAILED', { status: 'FAILED' }],
  ] as const)('an export %s', async (_state, row) => {
    const { id: unavailable } = await storedExport(gw, { tenantId, content: archive, ...row });
    await expectRefused(downloadUrl(gw, unavailable));
  });

  test('a READY export whose archive is gone from the store, and an export that never was', async () => {
    await expectRefused(downloadUrl(gw, (await storedExport(gw, { tenantId })).id));
    await expectRefused(downloadUrl(gw, '0190a0a0-0000-7000-8000-00000000dead'));
  });
});

test('from an S3 bucket, the same archive comes back byte for byte', async () => {
  const onS3 = await startTestGateway({ sharing: gw, env: s3.env() });
  try {
    const { id } = await storedExport(onS3, { tenantId, content: archive });
    const response = await fetch(downloadUrl(onS3, id));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(archive);
  } finally {
    await onS3.close();
  }
}, 60_000);

test('a store that does not answer: 503 STORE_UNAVAILABLE within EXPORT_STORE_TIMEOUT_MS, and the gateway serves on', async () => {
  const held: net.Socket[] = [];
  const silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  const dead = await startTestGateway({ sharing: gw, env: { ...s3.env(), AWS_ENDPOINT_URL_S3: endpoint, EXPORT_STORE_TIMEOUT_MS: '500' } });
  try {
    const { id } = await storedExport(gw, { tenantId, content: archive });
    const started = Date.now();
    const response = await fetch(downloadUrl(dead, id));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'STORE_UNAVAILABLE' } }] });
    expect(Date.now() - started).toBeLessThan(2500);
    expect((await fetch(`${new URL(dead.url).origin}/healthz`)).status).toBe(200);
  } finally {
    await dead.close();
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
}, 60_000);
