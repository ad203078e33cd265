// Tenant API keys for server-to-server clients. A key is `tg_live_<43 random
// characters>`, shown once when created; the platform keeps only its SHA-256 and
// a short prefix to tell keys apart. A high-entropy random key needs no slow hash:
// SHA-256 keeps verification to one hash and, thanks to the cache, one map lookup.
//
// Verified keys are cached by hash for API_KEY_CACHE_SECONDS: revoking a key drops it
// from every process's cache at once (announced on the event bus: tenantChanges.ts),
// and within that time should the announcement be lost.
import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/platformClient';
import type { MemberRole } from '../generated/platform/client';
import type { Logger } from '../logger';

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

const UNKNOWN = 'UNKNOWN';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, SHOWN), hash: hashApiKey(key) };
}

export class ApiKeyVerifier {
  private readonly cache: LRUCache<string, VerifiedKey | typeof UNKNOWN>;

  constructor(
    private readonly platform: PlatformDb,
    ttlMs: number,
    private readonly log: Logger,
  ) {
    this.cache = new LRUCache({ max: 50_000, ttl: Math.max(ttlMs, 1), fetchMethod: (hash) => this.read(hash) });
  }

  /** The key's tenant and role, or undefined for a key that is malformed, unknown or revoked. */
  async verify(key: string): Promise<VerifiedKey | undefined> {
    if (!KEY_SHAPE.test(key)) return undefined;
    const found = await this.cache.fetch(hashApiKey(key));
    return found === UNKNOWN ? undefined : found;
  }

  /** Forget a key at once in this process (it was revoked). */
  forget(hash: string): void {
    this.cache.delete(hash);
  }

  clear(): void {
    this.cache.clear();
  }

  private async read(hash: string): Promise<VerifiedKey | typeof UNKNOWN> {
    const row = await this.platform.apiKey.findUnique({ where: { hash }, include: { tenant: { select: { slug: true } } } });
    if (!row || row.revokedAt) return UNKNOWN;
    // Marked once per cache window rather than per request: lastUsedAt is as fresh as API_KEY_CACHE_SECONDS.
    this.platform.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
      .catch((error: unknown) => this.log.warn({ err: error, apiKeyId: row.id }, 'could not mark an API key as used'));
    return { id: row.id, tenantId: row.tenantId, tenantSlug: row.tenant.slug, role: row.role, name: row.name, prefix: row.prefix };
  }
}
