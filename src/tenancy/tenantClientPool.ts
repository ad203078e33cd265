// One Prisma client per live tenant, bounded.
//
// - acquire() is synchronous: the first requests for a tenant, however many arrive
//   at once, all get the one client it creates (Prisma connects lazily).
// - Above `maxClients`, the least recently used client with no request in flight
//   is closed. A client that is in use is never closed under a request; if every
//   client is busy the pool runs over its cap and shrinks back as they go idle.
// - Clients idle for `idleMs` are closed by a sweep.
// lru-cache cannot express "never evict what is in use", hence this small Map-based LRU
// (a Map iterates in insertion order; touching an entry re-inserts it at the end).
import type { TenantDb } from '../db/tenantClient';
import type { Logger } from '../logger';
import type { TenantRecord } from './tenantRegistry';

export interface Lease {
  readonly db: TenantDb;
  release(): void;
}

interface Entry {
  db: TenantDb;
  /** Identifies where the client points; a tenant that moved gets a new client. */
  location: string;
  inFlight: number;
  lastUsed: number;
  retired: boolean;
}

export interface TenantClientPoolOptions {
  maxClients: number;
  idleMs: number;
  open: (tenant: TenantRecord) => TenantDb;
  log: Logger;
}

const locationOf = (t: TenantRecord) => `${t.server}/${t.databaseName}/${t.schemaName}/${t.externalUrlCipher ?? ''}`;

export class TenantClientPool {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private closing = false;
  evictions = 0;

  constructor(private readonly options: TenantClientPoolOptions) {
    const every = Math.min(Math.max(options.idleMs / 2, 1000), 60_000);
    this.sweeper = setInterval(() => this.closeIdle(), every);
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  get inFlight(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.inFlight;
    return total;
  }

  acquire(tenant: TenantRecord): Lease {
    if (this.closing) throw new Error('the tenant client pool is closed');
    const location = locationOf(tenant);
    let entry = this.entries.get(tenant.id);
    if (entry && entry.location !== location) {
      this.retire(tenant.id, entry);
      entry = undefined;
    }
    if (entry) {
      this.entries.delete(tenant.id); // re-insert: now the most recently used
    } else {
      entry = { db: this.options.open(tenant), location, inFlight: 0, lastUsed: 0, retired: false };
    }
    this.entries.set(tenant.id, entry);
    entry.inFlight++;
    entry.lastUsed = Date.now();
    if (this.entries.size > this.options.maxClients) this.shrinkToCap();

    const held = entry;
    let released = false;
    return {
      db: held.db,
      release: () => {
        if (released) return;
        released = true;
        held.inFlight--;
        held.lastUsed = Date.now();
        if (held.retired && held.inFlight === 0) this.disconnect(held);
        else if (this.entries.size > this.options.maxClients) this.shrinkToCap();
      },
    };
  }

  /** Close the tenant's client once its requests finish (it was archived or moved). */
  evict(tenantId: string): void {
    const entry = this.entries.get(tenantId);
    if (entry) this.retire(tenantId, entry);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.sweeper);
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((entry) => entry.db.$disconnect().catch(() => {})));
  }

  private retire(tenantId: string, entry: Entry) {
    this.entries.delete(tenantId);
    entry.retired = true;
    if (entry.inFlight === 0) this.disconnect(entry);
  }

  private shrinkToCap() {
    for (const [tenantId, entry] of this.entries) {
      if (this.entries.size <= this.options.maxClients) return;
      if (entry.inFlight === 0) {
        this.entries.delete(tenantId);
        this.evictions++;
        this.disconnect(entry);
      }
    }
  }

  private closeIdle() {
    const cutoff = Date.now() - this.options.idleMs;
    for (const [tenantId, entry] of this.entries) {
      if (entry.inFlight === 0 && entry.lastUsed < cutoff) {
        this.entries.delete(tenantId);
        this.evictions++;
        this.disconnect(entry);
      }
    }
  }

  private disconnect(entry: Entry) {
    entry.db.$disconnect().catch((error: unknown) => this.options.log.warn({ err: error }, 'closing a tenant client failed'));
  }
}
