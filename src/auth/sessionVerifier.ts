// Whether a session is still alive, asked on every request with an access token.
// Read from the platform database and trusted for SESSION_CACHE_SECONDS (a few
// seconds; cache/readThroughCache.ts): a logout or revocation drops the session from
// every process's cache at once (announced on the change feed: tenantChanges.ts), and
// this bounds the time a lost announcement leaves a revoked session's tokens working.
import { ReadThroughCache } from '../cache/readThroughCache';
import type { PlatformDb } from '../db/platformClient';
import { isUuid } from '../ids';
import type { ChangeFeed } from '../tenancy/tenantChanges';

interface SessionState {
  userId: string;
  expiresAt: number;
}

export class SessionVerifier {
  private readonly cache: ReadThroughCache<SessionState | null>;
  private readonly endedListeners = new Set<(sessionId: string) => void>();

  constructor(
    private readonly platform: PlatformDb,
    changes: ChangeFeed,
    ttlMs: number,
  ) {
    this.cache = new ReadThroughCache({ ttlMs, max: 50_000, read: (id) => this.read(id) });
    // An ended session (on any process): its tokens are refused from now, and whoever holds it open (a WebSocket) is told.
    changes.follow({ invalidate: (sessionId) => this.ended(sessionId), clear: () => this.cache.clear() }, (change) => change.sessionId);
  }

  /** Is the session open (not revoked, not expired) and the user's? */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const state = await this.cache.get(sessionId);
    return state !== null && state.userId === userId && state.expiresAt > Date.now();
  }

  /** Reads the session again on its next request (its expiry changed). */
  forget(sessionId: string): void {
    this.cache.invalidate(sessionId);
  }

  private ended(sessionId: string): void {
    this.cache.invalidate(sessionId);
    for (const listener of this.endedListeners) listener(sessionId);
  }

  /** Calls `listener` with every session ended from now on; returns how to stop. */
  onEnded(listener: (sessionId: string) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private async read(id: string): Promise<SessionState | null> {
    // An id that is not a UUID cannot be a session (and would make PostgreSQL refuse the query).
    if (!isUuid(id)) return null;
    const row = await this.platform.session.findUnique({ where: { id }, select: { userId: true, expiresAt: true, revokedAt: true } });
    if (!row || row.revokedAt) return null;
    return { userId: row.userId, expiresAt: row.expiresAt.getTime() };
  }
}
