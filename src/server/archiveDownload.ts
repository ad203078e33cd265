// GET /exports/<id>/archive?expires=&signature=: a tenant archive, streamed from the
// archive store to whoever holds a valid link (portability/exportLinks.ts). The link is
// the credential: a malformed id, a forged or expired link and an archive that cannot
// be had (not ready, deleted, gone from the store) are refused alike, with 403, so a
// link tells nothing of exports it was not made for.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import { isUuid } from '../ids';
import { ArchiveMissingError } from '../portability/archiveStore';
import { isValidLink } from '../portability/exportLinks';
import type { Services } from '../services';
import { errorBody, sendJson, type RouteHandler } from './httpServer';

const PATH = /^\/exports\/([^/]+)\/archive$/;

type DownloadServices = Pick<Services, 'platform' | 'archives' | 'secrets' | 'log'>;

const refuse = (res: ServerResponse) =>
  sendJson(res, 403, errorBody(ErrorCode.FORBIDDEN, 'this download link does not work: it expired, is not whole, or its archive was deleted; ask for a new one'));

/** `<tenant slug>-<yyyy-mm-dd>-<id>.tar.gz`: slugs and ids are safe in a header as they are. */
const fileName = (id: string, slug: string | undefined, createdAt: Date) => `${slug ?? 'tenant'}-${createdAt.toISOString().slice(0, 10)}-${id}.tar.gz`;

async function download(services: DownloadServices, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  const id = PATH.exec(url.pathname)?.[1];
  if (id === undefined) return sendJson(res, 404, errorBody('NOT_FOUND', `nothing at ${url.pathname}: archives are at /exports/<id>/archive`));
  if (!isUuid(id) || !isValidLink(services, id, url.searchParams.get('expires'), url.searchParams.get('signature'))) return refuse(res);
  let found;
  try {
    found = await services.platform.tenantExport.findUnique({
      where: { id },
      select: { status: true, deletedAt: true, storageKey: true, sizeBytes: true, sha256: true, createdAt: true, tenant: { select: { slug: true } } },
    });
  } catch (err) {
    services.log.warn({ err, exportId: id }, 'the export of a download link could not be looked up');
    return sendJson(res, 503, errorBody(ErrorCode.DATABASE_UNAVAILABLE, 'the platform database cannot be reached right now: try again shortly'));
  }
  if (!found || found.status !== 'READY' || found.deletedAt || !found.storageKey) return refuse(res);
  const headers: Record<string, string> = {
    'content-type': 'application/gzip',
    'content-disposition': `attachment; filename="${fileName(id, found.tenant?.slug, found.createdAt)}"`,
    // The link is someone's credential: no shared cache may keep what it opened.
    'cache-control': 'private, no-store',
    ...(found.sizeBytes !== null ? { 'content-length': String(found.sizeBytes) } : {}),
    ...(found.sha256 ? { 'x-archive-sha256': found.sha256 } : {}),
  };
  if (req.method === 'HEAD') {
    res.writeHead(200, headers);
    return void res.end();
  }
  let archive: Readable;
  try {
    archive = await services.archives.open(found.storageKey);
  } catch (error) {
    if (error instanceof ArchiveMissingError) {
      services.log.warn({ exportId: id, key: found.storageKey }, 'a READY export has no archive in the archive store: its links are refused');
      return refuse(res);
    }
    const code = (error as GraphQLError).extensions?.code;
    if (code !== ErrorCode.STORE_UNAVAILABLE) throw error;
    services.log.warn({ err: (error as GraphQLError).originalError, exportId: id }, 'the archive store failed a download');
    return sendJson(res, 503, errorBody(ErrorCode.STORE_UNAVAILABLE, (error as Error).message));
  }
  res.writeHead(200, headers);
  try {
    await pipeline(archive, res);
  } catch (err) {
    // The headers are gone: cutting the connection short is how the client learns (its length does not add up).
    services.log.info({ err, exportId: id }, 'a download ended before the whole archive was sent');
  }
}

export const archiveDownload =
  (services: DownloadServices): RouteHandler =>
  (req, res) =>
    download(services, req, res);
