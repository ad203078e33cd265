// Connections to one database server, shared by every tenant on it.
//
// A pool follows the server, not the tenant: its connections may point at any
// database there (one per DATABASE tenant, or the shared one of SCHEMA tenants), and
// together they never exceed `maxConnections`. node-postgres pools one database
// each, so they cannot cap a server that holds a thousand databases; this does:
//
// - acquire(database, owner) takes an idle connection to that database, else opens
//   one while the server is under its cap. At the cap it waits for a connection of
//   that database to come back when one is busy (each busy one takes one waiter),
//   else closes an idle connection of the database used least recently and opens
//   one in its place, else waits (first come, first served), until
//   `acquireTimeoutMs` passes. A new connection costs the server a backend and that
//   backend its catalog caches, so connections move between databases only when
//   they must, and the busiest database (the shared one of SCHEMA tenants) keeps its.
// - One owner (a tenant) holds at most `maxPerOwner` connections at once, so a burst
//   for one tenant leaves the rest of the server to the others.
// - Connections idle for `idleMs` are closed: an idle tenant holds none.
// - Every wait on the server is bounded: connecting, each statement, closing, and the queue.
//
// What a connection is comes from the engine's driver (postgresDriver.ts,
// mysqlDriver.ts). A MySQL connection reaches every database of its server, so its
// driver ignores the database and MySQL tenants all share one bucket.
import { DatabaseUnavailableError } from './databaseUnavailable';

/** Opens and closes one engine's connections; `connect` bounds its own wait and each statement's. */
export interface ConnectionDriver<C> {
  connect(database: string): Promise<C>;
  close(client: C): Promise<void>;
  /** Calls `listener` when the connection breaks on its own (the server restarted while it was idle). */
  onBroken(client: C, listener: () => void): void;
}

/** Called with the text of every statement sent on a tenant connection (tests count and read them there). */
export type StatementObserver = (sql: string, database: string) => void;

export interface ServerPoolOptions<C> {
  driver: ConnectionDriver<C>;
  maxConnections: number;
  maxPerOwner: number;
  idleMs: number;
  acquireTimeoutMs: number;
}

export interface PooledConnection<C> {
  readonly client: C;
  /** Give it back; pass the error when the connection may be broken, and it is closed instead. */
  release(error?: unknown): void;
}

interface Connection<C> {
  client: C;
  database: string;
  idleSince: number;
  broken: boolean;
}

interface Waiter<C> {
  database: string;
  owner: string;
  resolve(connection: PooledConnection<C>): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

export class ServerConnectionPool<C = unknown> {
  /** Idle connections by database, longest idle first. */
  private readonly idle = new Map<string, Array<Connection<C>>>();
  /** Databases by their last use, least recent first (a Map iterates in insertion order; each use re-inserts). */
  private readonly recency = new Map<string, true>();
  private readonly heldBy = new Map<string, number>();
  private readonly openPerDatabase = new Map<string, number>();
  private readonly waiters: Array<Waiter<C>> = [];
  private readonly sweeper: NodeJS.Timeout;
  private openCount = 0;
  private idleTotal = 0;
  private waitsTotal = 0;
  private timeoutsTotal = 0;
  private closed = false;

  constructor(private readonly options: ServerPoolOptions<C>) {
    this.sweeper = setInterval(() => this.closeIdle(), Math.min(Math.max(options.idleMs / 2, 250), 10_000));
    this.sweeper.unref();
  }

  /** Connections open to the server now, busy or idle. */
  get open(): number {
    return this.openCount;
  }

  get idleCount(): number {
    return this.idleTotal;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Acquires that had to wait for a connection, since the pool was made. */
  get waits(): number {
    return this.waitsTotal;
  }

  /** Acquires that waited `acquireTimeoutMs` in vain, since the pool was made. */
  get timeouts(): number {
    return this.timeoutsTotal;
  }

  /** The most connections it opens to the server. */
  get maxConnections(): number {
    return this.options.maxConnections;
  }

  /** Connections `owner` holds now. */
  heldByOwner(owner: string): number {
    return this.heldBy.get(owner) ?? 0;
  }

  acquire(database: string, owner: string): Promise<PooledConnection<C>> {
    if (this.closed) return Promise.reject(new DatabaseUnavailableError('the connection pool is closed'));
    this.recency.delete(database);
    this.recency.set(database, true);
    const now = this.tryAcquire(database, owner);
    if (now) return now;
    return new Promise((resolve, reject) => {
      const waiter: Waiter<C> = {
        database,
        owner,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.timeoutsTotal++;
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new DatabaseUnavailableError(`no connection to the database server came free within ${this.options.acquireTimeoutMs} ms`));
        }, this.options.acquireTimeoutMs),
      };
      this.waitsTotal++;
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new DatabaseUnavailableError('the connection pool is closed'));
    }
    const idle = [...this.idle.values()].flat();
    this.idle.clear();
    this.idleTotal = 0;
    await Promise.all(idle.map((c) => this.destroy(c)));
  }

  /** A connection now, or undefined when the caller must wait. */
  private tryAcquire(database: string, owner: string): Promise<PooledConnection<C>> | undefined {
    if (this.heldByOwner(owner) >= this.options.maxPerOwner) return undefined;
    const list = this.idle.get(database);
    if (list) {
      // The most recently used: the warmest, and it leaves the longest idle ones to the sweeper.
      const reusable = list.pop()!;
      if (list.length === 0) this.idle.delete(database);
      this.idleTotal--;
      return Promise.resolve(this.lease(reusable, owner));
    }
    if (this.openCount >= this.options.maxConnections) {
      if (this.busyFor(database) > this.waitingFor(database)) return undefined;
      const victim = this.leastRecentlyUsedIdle();
      if (!victim) return undefined;
      // The server counts the victim until it has gone: connect after, or it sees cap + 1.
      return this.openNew(database, owner, this.destroy(victim));
    }
    return this.openNew(database, owner);
  }

  /** Takes out (for closing) the longest-idle connection of the least recently used database that has one. */
  private leastRecentlyUsedIdle(): Connection<C> | undefined {
    for (const database of this.recency.keys()) {
      const list = this.idle.get(database);
      if (list) return this.takeIdle(list[0]);
    }
    return undefined;
  }

  /** Takes a place under the cap now and connects once `freed` (the close of the connection it replaces) is done. */
  private openNew(database: string, owner: string, freed?: Promise<void>): Promise<PooledConnection<C>> {
    this.openCount++;
    this.count(this.openPerDatabase, database, +1);
    this.hold(owner, +1);
    const { driver } = this.options;
    return (freed ? freed.then(() => driver.connect(database)) : driver.connect(database)).then(
      (client) => {
        const connection: Connection<C> = { client, database, idleSince: 0, broken: false };
        // A connection that fails while idle (the server restarted) must not crash the process.
        driver.onBroken(client, () => {
          connection.broken = true;
          if (this.takeIdle(connection)) void this.destroy(connection);
        });
        return this.lease(connection, owner, true);
      },
      (error: unknown) => {
        this.openCount--;
        this.count(this.openPerDatabase, database, -1);
        this.hold(owner, -1);
        this.serveWaiters();
        throw new DatabaseUnavailableError('the database server could not be reached', { cause: error });
      },
    );
  }

  private lease(connection: Connection<C>, owner: string, alreadyHeld = false): PooledConnection<C> {
    if (!alreadyHeld) this.hold(owner, +1);
    let released = false;
    return {
      client: connection.client,
      release: (error?: unknown) => {
        if (released) return;
        released = true;
        this.hold(owner, -1);
        if (error !== undefined || connection.broken || this.closed) void this.destroy(connection);
        else this.putIdle(connection);
        this.serveWaiters();
      },
    };
  }

  private putIdle(connection: Connection<C>) {
    connection.idleSince = Date.now();
    const list = this.idle.get(connection.database);
    if (list) list.push(connection);
    else this.idle.set(connection.database, [connection]);
    this.idleTotal++;
  }

  /** Takes `connection` out of the idle lists; undefined when it was not idle. */
  private takeIdle(connection: Connection<C>): Connection<C> | undefined {
    const list = this.idle.get(connection.database);
    const at = list ? list.indexOf(connection) : -1;
    if (!list || at === -1) return undefined;
    list.splice(at, 1);
    if (list.length === 0) this.idle.delete(connection.database);
    this.idleTotal--;
    return connection;
  }

  private async destroy(connection: Connection<C>) {
    this.openCount--;
    this.count(this.openPerDatabase, connection.database, -1);
    if (!this.openPerDatabase.has(connection.database) && !this.waitingFor(connection.database)) this.recency.delete(connection.database);
    // A server that stopped answering may never acknowledge the close; whoever waits
    // for this place waits no longer than a queued acquire would.
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.acquireTimeoutMs);
    });
    await Promise.race([this.options.driver.close(connection.client).catch(() => {}), givenUp]);
    clearTimeout(timer);
  }

  private hold(owner: string, delta: number) {
    this.count(this.heldBy, owner, delta);
  }

  private count(counts: Map<string, number>, key: string, delta: number) {
    const n = (counts.get(key) ?? 0) + delta;
    if (n <= 0) counts.delete(key);
    else counts.set(key, n);
  }

  /** Connections to `database` in use now. */
  private busyFor(database: string): number {
    return (this.openPerDatabase.get(database) ?? 0) - (this.idle.get(database)?.length ?? 0);
  }

  private waitingFor(database: string): number {
    let n = 0;
    for (const waiter of this.waiters) if (waiter.database === database) n++;
    return n;
  }

  /** Hands freed capacity to the waiters, oldest first, skipping those that must still wait. */
  private serveWaiters() {
    for (let i = 0; i < this.waiters.length; ) {
      // Out of the queue while it is tried: it does not count as waiting behind itself.
      const [waiter] = this.waiters.splice(i, 1);
      const connection = this.tryAcquire(waiter.database, waiter.owner);
      if (!connection) {
        this.waiters.splice(i++, 0, waiter);
        continue;
      }
      clearTimeout(waiter.timer);
      connection.then(waiter.resolve, waiter.reject);
    }
  }

  private closeIdle() {
    const cutoff = Date.now() - this.options.idleMs;
    for (const list of [...this.idle.values()]) {
      // Each list is longest idle first: stop at the first one still fresh.
      while (list.length > 0 && list[0].idleSince <= cutoff) void this.destroy(this.takeIdle(list[0])!);
    }
  }
}
