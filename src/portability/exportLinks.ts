// Download links of tenant archives: GET /exports/<id>/archive?expires=<unix seconds>&signature=<sig>,
// where the signature is HMAC-SHA256 over "<id>.<expires>" with a secret every process
// of the platform derives alike. Whoever holds a link may download that one archive
// until it expires, without signing in (a browser, curl, a restore on another
// platform); a link is not bound to a person, so it is handed only to those the
// policy lets see the export, and lives EXPORT_URL_TTL.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { publicBaseUrl } from '../config';
import type { Services } from '../services';

export interface ExportLink {
  url: string;
  expiresAt: Date;
}

type LinkServices = Pick<Services, 'secrets'>;

const signature = (services: LinkServices, exportId: string, expires: number): Buffer =>
  createHmac('sha256', services.secrets.derive('export links')).update(`${exportId}.${expires}`).digest();

/** The path an export's archive is downloaded from; the query makes it a link. */
export const archivePath = (exportId: string) => `/exports/${exportId}/archive`;

/** A link to the export's archive, working for EXPORT_URL_TTL from `now`. */
export function exportLink(services: LinkServices & Pick<Services, 'config'>, exportRow: { id: string }, now = Date.now()): ExportLink {
  const expires = Math.ceil((now + services.config.portability.linkTtlMs) / 1000);
  const query = new URLSearchParams({ expires: String(expires), signature: signature(services, exportRow.id, expires).toString('base64url') });
  return { url: `${publicBaseUrl(services.config)}${archivePath(exportRow.id)}?${query}`, expiresAt: new Date(expires * 1000) };
}

/**
 * Whether `expires` and `signature` (a link's query, as sent) were made for this export
 * by this platform and have not expired at `now`. The signature is compared in
 * constant time, so its bytes cannot be found one at a time.
 */
export function isValidLink(services: LinkServices, exportId: string, expires: string | null, sent: string | null, now = Date.now()): boolean {
  if (!expires || !sent || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{1,100}$/.test(sent)) return false;
  const expected = signature(services, exportId, Number(expires));
  const given = Buffer.from(sent, 'base64url');
  const signed = given.length === expected.length && timingSafeEqual(given, expected);
  return signed && Number(expires) * 1000 > now;
}
