// MySQL and MariaDB connections for a server pool. A connection reaches every
// database of its server (statements name the tenant's database themselves), so the
// database a caller asks for is not the connection's: all MySQL tenants of a server
// share its connections, under the same caps.
import type { Connection as MysqlConnection } from 'mariadb';
import { connectMysql } from './mysqlConnect';
import type { ConnectionDriver, StatementObserver } from './serverPool';
import { hookMysqlConnection } from './statementHooks';

/** The one bucket every MySQL connection of a server pool is kept in. */
export const ANY_DATABASE = '';

export interface MysqlDriverOptions {
  /** The server, e.g. mysql://user:pw@host:3306/ (a database in it is ignored). */
  url: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  observe?: StatementObserver;
}

export function mysqlDriver(options: MysqlDriverOptions): ConnectionDriver<MysqlConnection> {
  const url = new URL(options.url);
  url.pathname = '/';
  return {
    async connect() {
      const connection = await connectMysql(url.toString(), options);
      hookMysqlConnection(connection, options.observe);
      return connection;
    },
    close: (connection) => connection.end().catch(() => connection.destroy()),
    onBroken: (connection, listener) => connection.on('error', listener),
  };
}
