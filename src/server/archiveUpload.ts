// POST /exports?tenant=<slug>: an archive of a tenant's data from elsewhere (another
// platform, a backup kept outside), sent as the raw bytes of the .tar.gz. The caller
// signs in as for /graphql and must be allowed `data.export` in that tenant; a platform
// admin may also leave the tenant out. Nothing of the body is read before that. The
// body goes to a file under DATA_DIR as it arrives (EXPORT_UPLOAD_MAX_MB at most, the
// upload dropped after EXPORT_UPLOAD_IDLE_MS without a byte), then is checked whole,
// stored and recorded (portability/uploadedExport.ts): 201 with the new export.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode, forbidden, gatewayError, httpStatusOf, type ErrorCode as Code } from '../errors';
import { storeUnavailable } from '../portability/archiveStore';
import { spoolPath, spoolReady } from '../portability/archiveFiles';
import { recordUploadedExport } from '../portability/uploadedExport';
import type { GatewayContext } from '../schema/context';
import type { Services } from '../services';
import { errorBody, requestCredentials, requestIdOfRequest, sendJson, type RouteHandler } from './httpServer';
import { BodyIncompleteError, BodyTooLargeError, receiveFile } from './receiveFile';
import { createRequestContext } from './requestContext';

const ARCHIVE_TYPES = ['application/gzip', 'application/x-gzip', 'application/octet-stream'];

/** The tenant the upload is for (null: none, a platform admin's choice), or the refusal. */
async function uploadTenant(context: GatewayContext): Promise<string | null> {
  const user = context.requireUser();
  if (!context.requested.slug) {
    if (user.platformAdmin) return null;
    throw gatewayError(ErrorCode.BAD_USER_INPUT, 'name the tenant the archive is for: POST /exports?tenant=<slug>');
  }
  try {
    return (await context.access('data.export')).tenant.id;
  } catch (error) {
    // To anyone but a platform admin, a tenant that is not theirs is refused as one they may not upload to.
    const missing = error instanceof GraphQLError && error.extensions.code === ErrorCode.TENANT_NOT_FOUND;
    if (missing && !user.platformAdmin) throw forbidden(`you may not upload archives to "${context.requested.slug}"`);
    throw error;
  }
}

/** The body in `file`; a disk that cannot take it is the store's failure, not the client's. */
async function receiveArchive(req: IncomingMessage, file: string, limits: { maxBytes: number; idleMs: number }) {
  try {
    await spoolReady(file);
    return await receiveFile(req, file, limits);
  } catch (error) {
    if (error instanceof BodyTooLargeError || error instanceof BodyIncompleteError) throw error;
    throw storeUnavailable(error);
  }
}

/** The status a refusal answers with: 404 for an unknown tenant (only platform admins see that), else the code's. */
const statusOf = (code: Code) => (code === ErrorCode.TENANT_NOT_FOUND ? 404 : (httpStatusOf[code] ?? 400));

async function upload(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = requestIdOfRequest(req);
  const log = services.log.child({ requestId });
  // Until the body is read whole, an answer closes the connection: what the client is still sending is not read.
  let bodyRead = false;
  const answer = (status: number, body: unknown) =>
    sendJson(res, status, body, { 'x-request-id': requestId, 'cache-control': 'no-store', ...(bodyRead ? {} : { connection: 'close' }) });
  const { uploadMaxBytes: maxBytes, uploadIdleMs: idleMs } = services.config.portability;
  const file = spoolPath(services.config, `upload-${randomUUID()}`);
  try {
    const slug = new URL(req.url ?? '/', 'http://gateway').searchParams.get('tenant') ?? undefined;
    const context = await createRequestContext(services, requestCredentials(req, requestId, slug));
    const tenantId = await uploadTenant(context);
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!ARCHIVE_TYPES.includes(type)) {
      return answer(415, errorBody('BAD_REQUEST', `send the archive's bytes as the body, with content-type ${ARCHIVE_TYPES.slice(0, 2).join(' or ')}`));
    }
    if (Number(req.headers['content-length']) > maxBytes) return answer(413, errorBody(ErrorCode.PAYLOAD_TOO_LARGE, `the archive is over EXPORT_UPLOAD_MAX_MB (${maxBytes} bytes)`));
    const received = await receiveArchive(req, file, { maxBytes, idleMs });
    bodyRead = true;
    const uploaded = await recordUploadedExport(services, { tenantId, by: context.requireUser(), file, ...received });
    log.info({ exportId: uploaded.id, tenant: context.requested.slug ?? null, sizeBytes: uploaded.sizeBytes }, 'archive uploaded');
    answer(201, uploaded);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return answer(413, errorBody(ErrorCode.PAYLOAD_TOO_LARGE, `the archive is over EXPORT_UPLOAD_MAX_MB (${maxBytes} bytes)`));
    if (error instanceof BodyIncompleteError) {
      log.info({ reason: error.message }, 'an upload was dropped before its end');
      return void req.destroy();
    }
    const code = error instanceof GraphQLError ? (error.extensions.code as Code | undefined) : undefined;
    if (!code) throw error;
    const refusal = error as GraphQLError;
    if (code === ErrorCode.STORE_UNAVAILABLE) log.warn({ err: refusal.originalError }, 'the archive store failed an upload');
    answer(statusOf(code), errorBody(code, refusal.message));
  } finally {
    await rm(file, { force: true });
  }
}

export const archiveUpload =
  (services: Services): RouteHandler =>
  (req, res) =>
    upload(services, req, res);
