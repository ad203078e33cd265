// What a gateway process keeps of the platform database's rows that every request
// needs (tenants, custom domains, memberships, API keys, sessions, plans): read on a
// miss, kept for a while, forgotten when the change feed says they changed. Every such
// cache is one of these, so they all follow the same two rules:
//
// - A key forgotten while its value is being read: what that read returns may be
//   from before the change, so the requests waiting on it get the value read again,
//   by a read that began after the change. Never the old value, never an error.
// - A TTL of 0 keeps nothing: every lookup reads.
//
// Concurrent misses of one key share one read; a read that fails fails its waiters
// and is not kept.
import { LRUCache } from 'lru-cache';

export interface ReadThroughCacheOptions<V> {
  /** Reads a key's value from where it is kept. */
  read(key: string): Promise<V>;
  /** How long a value read is trusted; 0: nothing is kept. */
  ttlMs: number;
  /** The most values kept; the least recently used go first. */
  max: number;
}

interface Read<V> {
  value: Promise<V>;
  /** The key was forgotten while this read ran: its value may predate the change. */
  outdated: boolean;
}

export class ReadThroughCache<V> {
  // Wrapped, so that "none" (undefined, null) is a value that can be kept too.
  private readonly values: LRUCache<string, { value: V }> | undefined;
  private readonly reads = new Map<string, Read<V>>();
  private readonly read: (key: string) => Promise<V>;

  constructor({ read, ttlMs, max }: ReadThroughCacheOptions<V>) {
    this.read = read;
    this.values = ttlMs > 0 ? new LRUCache({ max, ttl: ttlMs }) : undefined;
  }

  async get(key: string): Promise<V> {
    if (!this.values) return this.read(key);
    const first = await this.keptOrRead(key);
    // What is kept or read from now on was read after the change that outdated the first read.
    return first.outdated ? (await this.keptOrRead(key)).value : first.value;
  }

  /** The value kept for `key`, without reading or refreshing it. */
  peek(key: string): V | undefined {
    return this.values?.peek(key)?.value;
  }

  keys(): string[] {
    return [...(this.values?.keys() ?? [])];
  }

  /** Forget `key`: its next lookup reads it again, and so do the lookups waiting on a read of it now. */
  invalidate(key: string): void {
    this.values?.delete(key);
    const running = this.reads.get(key);
    if (!running) return;
    running.outdated = true;
    this.reads.delete(key);
  }

  /** Forget every key, as `invalidate` does each. */
  clear(): void {
    this.values?.clear();
    for (const running of this.reads.values()) running.outdated = true;
    this.reads.clear();
  }

  private async keptOrRead(key: string): Promise<{ value: V; outdated: boolean }> {
    const kept = this.values!.get(key);
    if (kept) return { value: kept.value, outdated: false };
    const read = this.readOf(key);
    const value = await read.value;
    return { value, outdated: read.outdated };
  }

  private readOf(key: string): Read<V> {
    const running = this.reads.get(key);
    if (running) return running;
    const read: Read<V> = { value: this.read(key), outdated: false };
    read.value = read.value
      .then((value) => {
        if (!read.outdated) this.values!.set(key, { value });
        return value;
      })
      .finally(() => {
        if (this.reads.get(key) === read) this.reads.delete(key);
      });
    this.reads.set(key, read);
    return read;
  }
}
