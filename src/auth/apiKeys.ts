// Tenant API keys for server-to-server clients. A key is `tg_live_<43 random
// characters>`, shown once when created; the platform keeps only its SHA-256 and
// a short prefix to tell keys apart. A high-entropy random key needs no slow hash:
// SHA-256 keeps verification to one hash and, thanks to the cache, one map lookup.
//
// Verified keys are cached by hash for API_KEY_CACHE_SECONDS (cache/readThroughCache.ts):
// revoking a key drops it from every process's cache at once (announced on the change
// feed: tenantChanges.ts), and within that time should the announcement be lost.
import { createHash, randomBytes } from 'node:crypto';
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import type { MemberRole } from '../generated/platform/client';
import type { Logger } from '../logger';
import type { ChangeFeed } from '../tenancy/tenantChanges';

const KEY_PREFIX = 'tg_live_';
const KEY_SHAPE = /^tg_live_[A-Za-z0-9_-]{43}$/;
/** Characters kept in clear: `tg_live_` and four of the random part. */
const SHOWN = KEY_PREFIX.length + 4;

export interface VerifiedKey {
  id: string;
  tenantId: string;
  tenantSlug: string;
  role: MemberRole;
  name: string;
  prefix: string;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, SHOWN), hash: hashApiKey(key) };
}

export class ApiKeyVerifier {
  private readonly cache: ReadThroughCache<VerifiedKey | null>;

  constructor(
    private readonly platform: PlatformDb,
    changes: ChangeFeed,
    ttlMs: number,
    private readonly log: Logger,
  ) {
    this.cache = new ReadThroughCache({ ttlMs, max: 50_000, read: (hash) => this.read(hash) });
    changes.follow(this.cache, (change) => change.apiKeyHash);
  }

  /** The key's tenant and role, or undefined for a key that is malformed, unknown or revoked. */
  async verify(key: string): Promise<VerifiedKey | undefined> {
    if (!KEY_SHAPE.test(key)) return undefined;
    return (await this.cache.get(hashApiKey(key))) ?? undefined;
  }

  private async read(hash: string): Promise<VerifiedKey | null> {
    const row = await this.platform.apiKey.findUnique({ where: { hash }, include: { tenant: { select: { slug: true } } } });
    if (!row || row.revokedAt) return null;
    // Marked once per cache window rather than per request: lastUsedAt is as fresh as API_KEY_CACHE_SECONDS.
    this.platform.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
      .catch((error: unknown) => this.log.warn({ err: error, apiKeyId: row.id }, 'could not mark an API key as used'));
    return { id: row.id, tenantId: row.tenantId, tenantSlug: row.tenant.slug, role: row.role, name: row.name, prefix: row.prefix };
  }
}
