// PostgreSQL connections for a server pool: one database each, every wait bounded.
import pg from 'pg';
import type { ConnectionDriver, StatementObserver } from './serverPool';
import { hookPostgresClient } from './statementHooks';
import { withDatabase, withLogin } from './urls';

/** A database reached as a login of its own (the pool database, as its row-level-security role). */
export interface DatabaseLogin {
  database: string;
  user: string;
  password: string;
}

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
  /** Connections to this database log in as its user instead of the server URL's. */
  login?: DatabaseLogin;
  observe?: StatementObserver;
}

function urlOf(options: PostgresDriverOptions, database: string): string {
  const { url, login } = options;
  const aimed = withDatabase(url, database);
  return login?.database === database ? withLogin(aimed, login.user, login.password) : aimed;
}

export function postgresDriver(options: PostgresDriverOptions): ConnectionDriver<pg.Client> {
  const { connectTimeoutMs, statementTimeoutMs, pooled } = options;
  return {
    async connect(database) {
      const client = new pg.Client({
        connectionString: urlOf(options, database),
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
      hookPostgresClient(client, database, options.observe);
      return client;
    },
    close: (client) => client.end(),
    onBroken: (client, listener) => client.on('error', listener),
  };
}
