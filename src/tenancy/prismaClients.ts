// A few Prisma clients, lent to tenants one at a time.
//
// A Prisma client is costly (about 6 MB and 5-10 ms before its first answer) and a
// tenant is not, so clients are not per tenant: each is bound to one tenant while
// that tenant's requests use it (requests of one tenant share it, as Prisma batches
// within a client), and an idle client is rebound to whichever tenant needs one next.
// Requests of two tenants never share a client at the same moment, so nothing Prisma
// batches or caches can mix them.
//
// - Above `max`, idle clients are closed; when every client is busy a new one is made
//   anyway (never fail a request to honour the cap) and closed once idle again.
// - Clients idle for `idleMs` are closed by a sweep.
// - A client serves one engine: an idle one is only rebound to a tenant of its engine.
import type { Engine } from '../engine';
import type { BoundTenantClient, TenantDb } from '../db/tenantClient';
import type { TenantTarget } from '../db/tenantTarget';
import type { Logger } from '../logger';

interface Entry {
  db: TenantDb;
  client: BoundTenantClient;
  /** The target the client is bound to now. */
  key: string;
  users: number;
  lastUsed: number;
}

export interface PrismaClientLease {
  readonly db: TenantDb;
  release(): void;
}

export interface PrismaClientPoolOptions {
  max: number;
  idleMs: number;
  create: (engine: Engine) => BoundTenantClient;
  log: Logger;
}

export class PrismaClientPool {
  /** Least recently used first (a Set iterates in insertion order; each use re-inserts). */
  private readonly entries = new Set<Entry>();
  private readonly byTarget = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private closing = false;
  /** Clients made so far (the cost this pool exists to keep down). */
  created = 0;

  constructor(private readonly options: PrismaClientPoolOptions) {
    this.sweeper = setInterval(() => this.closeIdle(), Math.min(Math.max(options.idleMs / 2, 1000), 60_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.entries.size;
  }

  get inUse(): number {
    let n = 0;
    for (const entry of this.entries) if (entry.users > 0) n++;
    return n;
  }

  acquire(target: TenantTarget): PrismaClientLease {
    if (this.closing) throw new Error('the tenant client pool is closed');
    const entry = this.byTarget.get(target.key) ?? this.rebindIdle(target) ?? this.create(target);
    this.entries.delete(entry);
    this.entries.add(entry);
    entry.users++;
    let released = false;
    return {
      db: entry.db,
      release: () => {
        if (released) return;
        released = true;
        entry.users--;
        entry.lastUsed = Date.now();
        if (this.entries.size > this.options.max) this.shrinkToCap();
      },
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.sweeper);
    const all = [...this.entries];
    this.entries.clear();
    this.byTarget.clear();
    await Promise.all(all.map((entry) => entry.db.$disconnect().catch(() => {})));
  }

  /** The least recently used idle client, now bound to `target`. */
  private rebindIdle(target: TenantTarget): Entry | undefined {
    for (const entry of this.entries) {
      if (entry.users > 0 || entry.client.engine !== target.engine) continue;
      this.byTarget.delete(entry.key);
      entry.key = target.key;
      entry.client.bind(target);
      this.byTarget.set(entry.key, entry);
      return entry;
    }
    return undefined;
  }

  private create(target: TenantTarget): Entry {
    const client = this.options.create(target.engine);
    client.bind(target);
    const entry: Entry = { db: client.db, client, key: target.key, users: 0, lastUsed: 0 };
    this.created++;
    this.entries.add(entry);
    this.byTarget.set(entry.key, entry);
    return entry;
  }

  private remove(entry: Entry) {
    this.entries.delete(entry);
    if (this.byTarget.get(entry.key) === entry) this.byTarget.delete(entry.key);
    entry.db.$disconnect().catch((error: unknown) => this.options.log.warn({ err: error }, 'closing a tenant client failed'));
  }

  private shrinkToCap() {
    for (const entry of this.entries) {
      if (this.entries.size <= this.options.max) return;
      if (entry.users === 0) this.remove(entry);
    }
  }

  private closeIdle() {
    const cutoff = Date.now() - this.options.idleMs;
    for (const entry of this.entries) {
      if (entry.users === 0 && entry.lastUsed < cutoff) this.remove(entry);
    }
  }
}
