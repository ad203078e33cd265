// Download links of tenant archives, on their own: a link works for its export until
// it expires and for nothing else, and points at the gateway as its users reach it.
import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../src/auth/secretBox';
import { loadConfig } from '../../src/config';
import { parseKey } from '../../src/encryptionKey';
import { exportLink, isValidLink } from '../../src/portability/exportLinks';

const EXPORT = { id: '0190a0a0-0000-7000-8000-000000000001' };
const OTHER = { id: '0190a0a0-0000-7000-8000-000000000002' };
const NOW = Date.parse('2026-12-01T10:00:00Z');

const platform = (env: Record<string, string> = {}) => ({
  config: loadConfig({ PORT: '4100', EXPORT_URL_TTL: '15m', ...env }),
  secrets: createSecretBox(parseKey(randomBytes(32).toString('hex'))),
});

/** The query of a link, as the route reads it. */
const queryOf = (url: string) => {
  const params = new URL(url).searchParams;
  return [params.get('expires'), params.get('signature')] as const;
};

test('a link is /exports/<id>/archive on PUBLIC_URL, or on localhost at PORT, and expires EXPORT_URL_TTL later', () => {
  const local = platform();
  const link = exportLink(local, EXPORT, NOW);
  expect(link.url).toMatch(new RegExp(`^http://localhost:4100/exports/${EXPORT.id}/archive\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`));
  expect(link.expiresAt).toEqual(new Date(NOW + 15 * 60_000));
  expect(queryOf(link.url)[0]).toBe(String((NOW + 15 * 60_000) / 1000));
  expect(exportLink(platform({ PUBLIC_URL: 'https://api.example.com/' }), EXPORT, NOW).url).toMatch(/^https:\/\/api\.example\.com\/exports\//);
});

test('a link works for its export until it expires, and then no more', () => {
  const local = platform();
  const [expires, signature] = queryOf(exportLink(local, EXPORT, NOW).url);
  expect(isValidLink(local, EXPORT.id, expires, signature, NOW)).toBe(true);
  expect(isValidLink(local, EXPORT.id, expires, signature, NOW + 15 * 60_000 - 1)).toBe(true);
  expect(isValidLink(local, EXPORT.id, expires, signature, NOW + 15 * 60_000)).toBe(false);
});

test("a link does not work for another export, with another expiry, on another platform, or changed in any way", () => {
  const local = platform();
  const [expires, signature] = queryOf(exportLink(local, EXPORT, NOW).url);
  const [otherExpires, otherSignature] = queryOf(exportLink(local, OTHER, NOW).url);
  expect(isValidLink(local, OTHER.id, expires, signature, NOW)).toBe(false);
  expect(isValidLink(local, EXPORT.id, otherExpires, otherSignature, NOW)).toBe(false);
  expect(isValidLink(local, EXPORT.id, String(Number(expires) + 3600), signature, NOW)).toBe(false);
  expect(isValidLink(platform(), EXPORT.id, expires, signature, NOW)).toBe(false);
  const flipped = signature!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  for (const [e, s] of [
    [expires, flipped],
    [expires, signature!.slice(0, -1)],
    [expires, `${signature}A`],
    [expires, `${signature}=`],
    [expires, ''],
    [expires, null],
    [null, signature],
    ['', signature],
    [`${expires}.0`, signature],
    [`-${expires}`, signature],
    ['9'.repeat(13), signature],
  ] as const) {
    expect(isValidLink(local, EXPORT.id, e, s, NOW)).toBe(false);
  }
});
