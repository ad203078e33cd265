// POST /exports?tenant=<slug>: an OWNER or ADMIN of the tenant (or a platform admin,
// for any tenant or none) uploads an archive from elsewhere; it is checked whole,
// kept in the archive store and recorded as a READY export. Everyone else is refused
// before a byte of the body is read; an archive that is not valid, too large, or
// never finished arriving leaves nothing behind: no row, no stored archive, no
// temporary file.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eventually } from '../support/eventually';
import { downloadUrl, sampleArchive, sha256 } from '../support/exports';
import { startS3Server, type TestS3Server } from '../support/s3Server';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { exportTenantArchive } from '../../src/portability/tenantArchives';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';

const MAX_BYTES = 1024 * 1024;
const IDLE_MS = 500;

let dataDir: string;
let gw: TestGateway;
let s3: TestS3Server;
let archive: Buffer;
let shop: TenantRecord;
let shopId: string;
let apiKey: string;
const people: Record<'owner' | 'ADMIN' | 'MEMBER' | 'VIEWER' | 'otherOwner' | 'platformAdmin', TestUser> = {} as never;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tenantgraph-uploads-'));
  s3 = await startS3Server();
  gw = await startTestGateway({ env: { DATA_DIR: dataDir, EXPORT_UPLOAD_MAX_MB: '1', EXPORT_UPLOAD_IDLE_MS: String(IDLE_MS) } });
  for (const who of ['owner', 'ADMIN', 'MEMBER', 'VIEWER', 'otherOwner'] as const) people[who] = await gw.createUser();
  people.platformAdmin = await gw.createUser({ platformAdmin: true });
  const members = (['ADMIN', 'MEMBER', 'VIEWER'] as const).map((role) => [people[role], role] as [TestUser, typeof role]);
  shop = await gw.createTenant({ slug: 'shop', owner: people.owner, members });
  shopId = shop.id;
  await gw.createTenant({ slug: 'other', owner: people.otherOwner });
  const key = await gw.request('mutation { createApiKey(name: "uploader", role: ADMIN) { key } }', { token: people.owner.token, tenant: 'shop' });
  apiKey = key.body.data.createApiKey.key;
  archive = await sampleArchive(path.join(dataDir, 'sample.tar.gz'));
}, 120_000);
afterAll(async () => {
  await gw?.close();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  connection: string | null;
  body: { id?: string; errors?: Array<{ message: string; extensions: { code: string } }>; [key: string]: unknown };
}

async function post(
  body: Buffer | ReadableStream<Uint8Array>,
  { token, tenant, headers = {}, on = gw }: { token?: string; tenant?: string; headers?: Record<string, string>; on?: TestGateway } = {},
): Promise<Answer> {
  const response = await fetch(`${new URL(on.url).origin}/exports${tenant ? `?tenant=${tenant}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/gzip', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, connection: response.headers.get('connection'), body: (await response.json()) as Answer['body'] };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0].extensions.code;
const listed = (folder: string) => readdir(path.join(dataDir, folder)).catch(() => []);
const exportCount = () => gw.services.platform.tenantExport.count();

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Runs `refused` and checks that it left nothing: no export row, no stored archive, no temporary file. */
async function leavesNothing(refused: () => Promise<void>) {
  const [rows, stored] = [await exportCount(), await listed('exports')];
  await refused();
  expect(await exportCount()).toBe(rows);
  expect(await listed('exports')).toEqual(stored);
  await eventually(async () => (await listed('spool')).length === 0, 5000);
}

test("the tenant's OWNER uploads an archive: 201 with the new export, kept as sent, recorded READY with what its manifest says, and audited", async () => {
  const answer = await post(archive, { token: people.owner.token, tenant: 'shop' });
  expect(answer.status).toBe(201);
  expect(answer.body).toEqual({ id: expect.any(String), sha256: sha256(archive), sizeBytes: archive.length, tables: 2, rows: 4 });
  const id = answer.body.id!;
  expect(await gw.services.platform.tenantExport.findUniqueOrThrow({ where: { id } })).toMatchObject({
    tenantId: shopId,
    origin: 'UPLOADED',
    status: 'READY',
    storageKey: `${id}.tar.gz`,
    sizeBytes: BigInt(archive.length),
    sha256: sha256(archive),
    tables: 2,
    rows: 4,
    migration: '20261204204500_sort_indexes',
    engine: 'postgresql',
    finishedAt: expect.any(Date),
    deletedAt: null,
  });
  expect(await read(await gw.services.archives.open(`${id}.tar.gz`))).toEqual(archive);
  const download = await fetch(downloadUrl(gw, id));
  expect(Buffer.from(await download.arrayBuffer())).toEqual(archive);
  const audit = await gw.services.platform.auditLog.findFirstOrThrow({ where: { target: id } });
  expect(audit).toMatchObject({ tenantId: shopId, actorId: people.owner.id, action: 'uploadExport' });
  expect(await listed('spool')).toEqual([]);
});

test("a tenant's own archive, as an export writes it, uploads as it was written", async () => {
  const file = path.join(dataDir, 'shop.tar.gz');
  const written = await exportTenantArchive(gw.services, shop, file);
  const answer = await post(await readFile(file), { token: people.owner.token, tenant: 'shop' });
  expect(answer.status).toBe(201);
  expect(answer.body).toEqual({ id: expect.any(String), sha256: written.sha256, sizeBytes: written.sizeBytes, tables: written.tables, rows: written.rows });
  expect(written.rows).toBeGreaterThan(0);
});

test("the tenant's ADMIN may upload too", async () => {
  expect((await post(archive, { token: people.ADMIN.token, tenant: 'shop', headers: { 'content-type': 'application/octet-stream' } })).status).toBe(201);
});

test('a platform admin may upload to any tenant, or to none; an unknown tenant is 404 TENANT_NOT_FOUND to them', async () => {
  expect((await post(archive, { token: people.platformAdmin.token, tenant: 'other' })).status).toBe(201);
  const unowned = await post(archive, { token: people.platformAdmin.token });
  expect(unowned.status).toBe(201);
  expect((await gw.services.platform.tenantExport.findUniqueOrThrow({ where: { id: unowned.body.id } })).tenantId).toBeNull();
  await leavesNothing(async () => {
    const unknown = await post(archive, { token: people.platformAdmin.token, tenant: 'no-such-shop' });
    expect({ status: unknown.status, code: codeOf(unknown) }).toEqual({ status: 404, code: 'TENANT_NOT_FOUND' });
  });
});

describe('refused before the body is read', () => {
  test.each([
    ['no credential', 401, 'UNAUTHENTICATED', () => ({ tenant: 'shop' })],
    ['a token that is not one', 401, 'UNAUTHENTICATED', () => ({ token: 'not-a-token', tenant: 'shop' })],
    ["another tenant's OWNER", 403, 'FORBIDDEN', () => ({ token: people.otherOwner.token, tenant: 'shop' })],
    ['a MEMBER', 403, 'FORBIDDEN', () => ({ token: people.MEMBER.token, tenant: 'shop' })],
    ['a VIEWER', 403, 'FORBIDDEN', () => ({ token: people.VIEWER.token, tenant: 'shop' })],
    ["the tenant's own API key", 403, 'FORBIDDEN', () => ({ tenant: 'shop', headers: { 'x-api-key': apiKey } })],
    ['an API key in Authorization', 403, 'FORBIDDEN', () => ({ tenant: 'shop', headers: { authorization: `ApiKey ${apiKey}` } })],
    ['a tenant that does not exist, to anyone but a platform admin', 403, 'FORBIDDEN', () => ({ token: people.owner.token, tenant: 'no-such-shop' })],
    ['no tenant, from anyone but a platform admin', 400, 'BAD_USER_INPUT', () => ({ token: people.owner.token })],
    ['a body that is not declared an archive', 415, 'BAD_REQUEST', () => ({ token: people.owner.token, tenant: 'shop', headers: { 'content-type': 'application/json' } })],
  ])('%s: %i %s, and nothing kept', async (_who, status, code, options) => {
    await leavesNothing(async () => {
      const answer = await post(archive, options());
      expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status, code });
      expect(answer.connection).toBe('close');
    });
  });

  test("a tenant that is not the caller's is refused exactly as one that does not exist", async () => {
    const theirs = await post(archive, { token: people.otherOwner.token, tenant: 'shop' });
    const none = await post(archive, { token: people.otherOwner.token, tenant: 'no-such-shop' });
    expect(theirs.body.errors![0].extensions).toEqual(none.body.errors![0].extensions);
    expect(theirs.body.errors![0].message.replace('shop', 'no-such-shop')).toBe(none.body.errors![0].message);
  });
});

describe('an archive that is not valid: 400 ARCHIVE_INVALID, and nothing kept', () => {
  /** The archive with `from` changed to `to` (of the same length) inside its tar, then gzip'd again: whole as gzip and tar, changed in content. */
  const rewritten = (from: string, to: string) => {
    const tarred = gunzipSync(archive);
    const at = tarred.indexOf(from);
    expect(at).toBeGreaterThan(0);
    return gzipSync(Buffer.concat([tarred.subarray(0, at), Buffer.from(to), tarred.subarray(at + from.length)]));
  };

  test.each([
    ['a byte of it flipped', () => Buffer.from(archive.map((byte, i) => (i === Math.floor(archive.length / 2) ? byte ^ 0xff : byte)))],
    ['a row changed and the whole gzip rewritten', () => rewritten('Widget 1', 'Wodget 1')],
    ['cut short', () => archive.subarray(0, archive.length - 100)],
    ['not an archive at all', () => Buffer.from('hello, this is not a tar.gz')],
  ])('%s', async (_how, tampered) => {
    await leavesNothing(async () => {
      const answer = await post(tampered(), { token: people.owner.token, tenant: 'shop' });
      expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 400, code: 'ARCHIVE_INVALID' });
    });
  });
});

describe('over EXPORT_UPLOAD_MAX_MB: 413 PAYLOAD_TOO_LARGE, the connection closed, nothing kept', () => {
  const big = randomBytes(2 * MAX_BYTES);

  test('said by its content-length: refused before it is read', async () => {
    await leavesNothing(async () => {
      const answer = await post(big, { token: people.owner.token, tenant: 'shop' });
      expect({ status: answer.status, code: codeOf(answer), connection: answer.connection }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', connection: 'close' });
    });
  });

  test('sent without a length: refused once the bytes pass the limit', async () => {
    const chunks = Array.from({ length: 32 }, (_, i) => big.subarray((i * big.length) / 32, ((i + 1) * big.length) / 32));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    await leavesNothing(async () => {
      const answer = await post(stream, { token: people.owner.token, tenant: 'shop' });
      expect({ status: answer.status, code: codeOf(answer), connection: answer.connection }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE', connection: 'close' });
    });
  });
});

describe('a client that stops sending', () => {
  /** Sends the head of an upload of `archive` and the first `sent` bytes of it on a raw connection; `closed` resolves when the gateway closes it. */
  function partialUpload(sent: number) {
    const { port } = new URL(gw.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    const head = [
      'POST /exports?tenant=shop HTTP/1.1',
      'host: 127.0.0.1',
      `authorization: Bearer ${people.owner.token}`,
      'content-type: application/gzip',
      `content-length: ${archive.length}`,
      '',
      '',
    ].join('\r\n');
    socket.write(Buffer.concat([Buffer.from(head), archive.subarray(0, sent)]));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    socket.on('error', () => undefined);
    return { socket, closed };
  }

  test('is dropped after EXPORT_UPLOAD_IDLE_MS without a byte, its partial file removed', async () => {
    await leavesNothing(async () => {
      const started = Date.now();
      const { closed } = partialUpload(100);
      await eventually(async () => (await listed('spool')).length === 1, 5000);
      const at = await closed;
      expect(at - started).toBeGreaterThanOrEqual(IDLE_MS - 50);
      expect(at - started).toBeLessThan(IDLE_MS + 2000);
    });
  });

  test('that goes away mid-upload leaves no partial file', async () => {
    await leavesNothing(async () => {
      const { socket } = partialUpload(100);
      await eventually(async () => (await listed('spool')).length === 1, 5000);
      socket.destroy();
    });
  });
});

describe('with EXPORT_STORE_URL', () => {
  test('the archive goes to the S3 bucket', async () => {
    const onS3 = await startTestGateway({ sharing: gw, env: s3.env() });
    try {
      const answer = await post(archive, { token: people.owner.token, tenant: 'shop', on: onS3 });
      expect(answer.status).toBe(201);
      expect(await read(await onS3.services.archives.open(`${answer.body.id}.tar.gz`))).toEqual(archive);
    } finally {
      await onS3.close();
    }
  }, 60_000);

  test('a store that cannot be reached: 503 STORE_UNAVAILABLE, and no export row', async () => {
    const refused = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const dead = await startTestGateway({ sharing: gw, env: { ...s3.env(), AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${refused}`, EXPORT_STORE_TIMEOUT_MS: '500' } });
    try {
      await leavesNothing(async () => {
        const answer = await post(archive, { token: people.owner.token, tenant: 'shop', on: dead });
        expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 503, code: 'STORE_UNAVAILABLE' });
      });
    } finally {
      await dead.close();
    }
  }, 60_000);
});
