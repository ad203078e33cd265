// The test server an engine's tenants live on, reached by the test itself (not
// through the gateway): to make, break and look for tenant databases.
import type { Engine } from '../../src/engine';
import { quoteMysqlIdent } from '../../src/db/identifiers';
import { withMysql } from '../../src/db/withMysql';
import { onServer } from './database';
import { MYSQL_URL } from './mysqlDatabase';

export interface TenantServer {
  /** Its name in the test gateway's TENANT_SERVERS (startTestGateway({ engine })). */
  name: string;
  /** host:port, as the db command shows it. */
  host: string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** The server's words for a database that is not there. */
  missingDatabase(name: string): string;
  /** The databases whose names start with `prefix`, sorted. */
  databases(prefix: string): Promise<string[]>;
}

export function tenantServer(engine: Engine, serverUrl: string): TenantServer {
  if (engine === 'postgresql') {
    return {
      name: 'default',
      host: new URL(serverUrl).host,
      createDatabase: (name) => onServer(`CREATE DATABASE "${name}"`).then(() => undefined),
      dropDatabase: (name) => onServer(`DROP DATABASE "${name}" WITH (FORCE)`).then(() => undefined),
      missingDatabase: (name) => `database "${name}" does not exist`,
      async databases(prefix) {
        const { rows } = await onServer('SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1', [prefix]);
        return rows.map((r) => r.datname as string);
      },
    };
  }
  const run = (sql: string, values?: unknown[]) => withMysql(MYSQL_URL!, (connection) => connection.query<{ name: string }>(sql, values));
  return {
    name: 'mysql',
    host: new URL(MYSQL_URL!).host,
    createDatabase: (name) => run(`CREATE DATABASE ${quoteMysqlIdent(name)}`).then(() => undefined),
    dropDatabase: (name) => run(`DROP DATABASE ${quoteMysqlIdent(name)}`).then(() => undefined),
    missingDatabase: (name) => `Unknown database '${name}'`,
    async databases(prefix) {
      const rows = await run('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ? ORDER BY 1', [`${prefix}%`]);
      return rows.map((r) => r.name);
    },
  };
}
