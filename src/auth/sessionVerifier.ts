// Whether a session is still alive, asked on every request with an access token.
// Read from the platform database and trusted for SESSION_CACHE_SECONDS (a few
// seconds): a logout or revocation drops the session from every process's cache at
// once (announced on the event bus: tenantChanges.ts), and this bounds the time a
// lost announcement leaves a revoked session's tokens working.
import { LRUCache } from 'lru-cache';
import type { PlatformDb } from '../db/platformClient';
import { isUuid } from '../ids';

interface SessionState {
  userId: string;
  expiresAt: number;
}

const ENDED = 'ENDED';

export class SessionVerifier {
  private readonly cache: LRUCache<string, SessionState | typeof ENDED>;
  private readonly endedListeners = new Set<(sessionId: string) => void>();

  constructor(
    private readonly platform: PlatformDb,
    ttlMs: number,
  ) {
    this.cache = new LRUCache({ max: 50_000, ttl: Math.max(ttlMs, 1), fetchMethod: (id) => this.read(id) });
  }

  /** Is the session open (not revoked, not expired) and the user's? */
  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const state = await this.cache.fetch(sessionId);
    return state !== undefined && state !== ENDED && state.userId === userId && state.expiresAt > Date.now();
  }

  /** Reads the session again on its next request (its expiry changed). */
  forget(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  /** The session was ended (on any process): its tokens are refused from now, and whoever holds it open (a WebSocket) is told. */
  ended(sessionId: string): void {
    this.cache.delete(sessionId);
    for (const listener of this.endedListeners) listener(sessionId);
  }

  /** Calls `listener` with every session ended from now on; returns how to stop. */
  onEnded(listener: (sessionId: string) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  clear(): void {
    this.cache.clear();
  }

  private async read(id: string): Promise<SessionState | typeof ENDED> {
    // An id that is not a UUID cannot be a session (and would make PostgreSQL refuse the query).
    if (!isUuid(id)) return ENDED;
    const row = await this.platform.session.findUnique({ where: { id }, select: { userId: true, expiresAt: true, revokedAt: true } });
    if (!row || row.revokedAt) return ENDED;
    return { userId: row.userId, expiresAt: row.expiresAt.getTime() };
  }
}
