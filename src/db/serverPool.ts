// Connections to one database server, shared by every tenant on it.
//
// A pool follows the server, not the tenant: its connections may point at any
// database there (one per DATABASE tenant, or the shared one of SCHEMA tenants), and
// together they never exceed `maxConnections`. node-postgres pools one database
// each, so they cannot cap a server that holds a thousand databases; this does:
//
// - acquire(database, owner) takes an idle connection to that database, else opens
//   one while the server is under its cap, else closes the longest-idle connection
//   to another database and opens one in its place, else waits (first come, first
//   served) until a connection comes back or `acquireTimeoutMs` passes.
// - One owner (a tenant) holds at most `maxPerOwner` connections at once, so a burst
//   for one tenant leaves the rest of the server to the others.
// - Connections idle for `idleMs` are closed: an idle tenant holds none.
// - Every wait on the server is bounded: connecting, each statement, and the queue.
import pg from 'pg';
import { DatabaseUnavailableError } from './databaseUnavailable';
import { withDatabase } from './urls';

export interface ServerPoolOptions {
  /** The server, e.g. postgresql://user:pw@host:5432/postgres; the database part is replaced per connection. */
  url: string;
  maxConnections: number;
  maxPerOwner: number;
  idleMs: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  acquireTimeoutMs: number;
  /**
   * Behind a transaction-pooling PgBouncer: no startup options (it refuses them), so
   * the statement timeout is enforced by this side alone.
   */
  pooled: boolean;
  /** The pg client class to connect with (pg.Client; tests count statements with a subclass). */
  Client?: typeof pg.Client;
}

export interface PooledConnection {
  readonly client: pg.Client;
  /** Give it back; pass the error when the connection may be broken, and it is closed instead. */
  release(error?: unknown): void;
}

interface Connection {
  client: pg.Client;
  database: string;
  idleSince: number;
  broken: boolean;
}

interface Waiter {
  database: string;
  owner: string;
  resolve(connection: PooledConnection): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

export class ServerConnectionPool {
  private readonly idle = new Map<string, Connection[]>();
  /** Every idle connection, longest idle first: the ones to close when another database needs room. */
  private readonly idleOrder = new Set<Connection>();
  private readonly heldBy = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private readonly sweeper: NodeJS.Timeout;
  private openCount = 0;
  private closed = false;

  constructor(private readonly options: ServerPoolOptions) {
    this.sweeper = setInterval(() => this.closeIdle(), Math.min(Math.max(options.idleMs / 2, 250), 10_000));
    this.sweeper.unref();
  }

  /** Connections open to the server now, busy or idle. */
  get open(): number {
    return this.openCount;
  }

  get idleCount(): number {
    return this.idleOrder.size;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Connections `owner` holds now. */
  heldByOwner(owner: string): number {
    return this.heldBy.get(owner) ?? 0;
  }

  acquire(database: string, owner: string): Promise<PooledConnection> {
    if (this.closed) return Promise.reject(new DatabaseUnavailableError('the connection pool is closed'));
    const now = this.tryAcquire(database, owner);
    if (now) return now;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        database,
        owner,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new DatabaseUnavailableError(`no connection to the database server came free within ${this.options.acquireTimeoutMs} ms`));
        }, this.options.acquireTimeoutMs),
      };
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
    const idle = [...this.idleOrder];
    this.idleOrder.clear();
    this.idle.clear();
    await Promise.all(idle.map((c) => this.destroy(c)));
  }

  /** A connection now, or undefined when the caller must wait. */
  private tryAcquire(database: string, owner: string): Promise<PooledConnection> | undefined {
    if (this.heldByOwner(owner) >= this.options.maxPerOwner) return undefined;
    const reusable = this.idle.get(database)?.pop();
    if (reusable) {
      this.idleOrder.delete(reusable);
      return Promise.resolve(this.lease(reusable, owner));
    }
    if (this.openCount >= this.options.maxConnections) {
      const [longestIdle] = this.idleOrder;
      if (!longestIdle) return undefined;
      this.takeIdle(longestIdle);
      void this.destroy(longestIdle);
    }
    return this.openNew(database, owner);
  }

  private openNew(database: string, owner: string): Promise<PooledConnection> {
    this.openCount++;
    this.hold(owner, +1);
    const { connectTimeoutMs, statementTimeoutMs, pooled } = this.options;
    const client = new (this.options.Client ?? pg.Client)({
      connectionString: withDatabase(this.options.url, database),
      connectionTimeoutMillis: connectTimeoutMs,
      // The server cancels a runaway statement itself; query_timeout covers a server that no longer answers at all.
      ...(pooled ? {} : { statement_timeout: statementTimeoutMs }),
      query_timeout: statementTimeoutMs + 1000,
      keepAlive: true,
    });
    const connection: Connection = { client, database, idleSince: 0, broken: false };
    // A connection that fails while idle (the server restarted) must not crash the process.
    client.on('error', () => {
      connection.broken = true;
      if (this.idleOrder.has(connection)) {
        this.takeIdle(connection);
        void this.destroy(connection);
      }
    });
    return client.connect().then(
      () => this.lease(connection, owner, true),
      (error: unknown) => {
        this.openCount--;
        this.hold(owner, -1);
        void client.end().catch(() => {});
        this.serveWaiters();
        throw new DatabaseUnavailableError('the database server could not be reached', { cause: error });
      },
    );
  }

  private lease(connection: Connection, owner: string, alreadyHeld = false): PooledConnection {
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

  private putIdle(connection: Connection) {
    connection.idleSince = Date.now();
    const list = this.idle.get(connection.database);
    if (list) list.push(connection);
    else this.idle.set(connection.database, [connection]);
    this.idleOrder.add(connection);
  }

  private takeIdle(connection: Connection) {
    this.idleOrder.delete(connection);
    const list = this.idle.get(connection.database);
    if (!list) return;
    const at = list.indexOf(connection);
    if (at !== -1) list.splice(at, 1);
    if (list.length === 0) this.idle.delete(connection.database);
  }

  private async destroy(connection: Connection) {
    this.openCount--;
    await connection.client.end().catch(() => {});
  }

  private hold(owner: string, delta: number) {
    const held = (this.heldBy.get(owner) ?? 0) + delta;
    if (held <= 0) this.heldBy.delete(owner);
    else this.heldBy.set(owner, held);
  }

  /** Hands freed capacity to the waiters, oldest first, skipping owners still at their limit. */
  private serveWaiters() {
    for (let i = 0; i < this.waiters.length; ) {
      const waiter = this.waiters[i];
      const connection = this.tryAcquire(waiter.database, waiter.owner);
      if (!connection) {
        i++;
        continue;
      }
      this.waiters.splice(i, 1);
      clearTimeout(waiter.timer);
      connection.then(waiter.resolve, waiter.reject);
    }
  }

  private closeIdle() {
    const cutoff = Date.now() - this.options.idleMs;
    for (const connection of this.idleOrder) {
      if (connection.idleSince > cutoff) break; // the rest are newer
      this.takeIdle(connection);
      void this.destroy(connection);
    }
  }
}
