// MySQL/MariaDB for tests, when the run has a server (TEST_MYSQL_URL, or the
// throwaway MariaDB of mysqlServer.mjs): each test file gets databases of its own,
// named with one random prefix, dropped when it is done. Without one, MySQL tests
// are skipped with MYSQL_SKIPPED as the reason.
import { randomBytes } from 'node:crypto';
import { connectMysql } from '../../src/db/mysqlConnect';
import { mysqlConnection, type SqlConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';

export const MYSQL_URL = process.env.TEST_MYSQL_URL || undefined;
export const MYSQL_SKIPPED = 'MySQL runs skipped: set TEST_MYSQL_URL (e.g. mariadb://root@127.0.0.1:3306/) or install MariaDB (mariadbd) to enable them';

export interface OpenSqlConnection extends SqlConnection {
  end(): Promise<void>;
}

export async function openMysql(url: string): Promise<OpenSqlConnection> {
  const connection = await connectMysql(url, { connectTimeoutMs: 5000 });
  return { ...mysqlConnection(connection), end: () => connection.end() };
}

export interface MysqlTestDatabases {
  /** Creates an empty database; resolves to its URL. */
  create(name: string): Promise<string>;
  drop(): Promise<void>;
}

export function mysqlTestDatabases(serverUrl: string): MysqlTestDatabases {
  const prefix = `tgt${randomBytes(4).toString('hex')}_`;
  const made: string[] = [];
  return {
    async create(name) {
      const database = `${prefix}${name}`;
      await withMysql(serverUrl, (sql) => sql.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
      made.push(database);
      return withDatabase(serverUrl, database);
    },
    async drop() {
      await withMysql(serverUrl, async (sql) => {
        for (const database of made) await sql.query(`DROP DATABASE IF EXISTS \`${database}\``);
      });
    },
  };
}
