// PostgreSQL connections for a server pool: one database each, every wait bounded.
import pg from 'pg';
import type { ConnectionDriver } from './serverPool';
import { withDatabase } from './urls';

export interface PostgresDriverOptions {
  /** The server, e.g. postgresql://user:pw@host:5432/postgres; the database part is replaced per connection. */
  url: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  /**
   * Behind a transaction-pooling PgBouncer: no startup options (it refuses them), so
   * the statement timeout is enforced by this side alone.
   */
  pooled: boolean;
  /** The pg client class to connect with (pg.Client; tests count statements with a subclass). */
  Client?: typeof pg.Client;
}

export function postgresDriver(options: PostgresDriverOptions): ConnectionDriver<pg.Client> {
  const { connectTimeoutMs, statementTimeoutMs, pooled } = options;
  return {
    async connect(database) {
      const client = new (options.Client ?? pg.Client)({
        connectionString: withDatabase(options.url, database),
        connectionTimeoutMillis: connectTimeoutMs,
        // The server cancels a runaway statement itself; query_timeout covers a server that no longer answers at all.
        ...(pooled ? {} : { statement_timeout: statementTimeoutMs }),
        query_timeout: statementTimeoutMs + 1000,
        keepAlive: true,
      });
      // Until the pool listens (onBroken), an error of this connection is the pending connect's to report.
      client.on('error', () => {});
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      return client;
    },
    close: (client) => client.end(),
    onBroken: (client, listener) => client.on('error', listener),
  };
}
