// MySQL/MariaDB for tests, when TEST_MYSQL_URL names a server: each test file gets
// databases of its own, named with one random prefix, dropped when it is done.
// Without it, MySQL tests are skipped with MYSQL_SKIPPED as the reason.
import { randomBytes } from 'node:crypto';
import mariadb from 'mariadb';
import { mysqlConnection, type SqlConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { mysqlConnectionConfig, withMysql } from '../../src/db/withMysql';

export const MYSQL_URL = process.env.TEST_MYSQL_URL;
export const MYSQL_SKIPPED = 'set TEST_MYSQL_URL (e.g. mariadb://root@127.0.0.1:3306/) to run the MySQL tests against MariaDB or MySQL';

export interface OpenSqlConnection extends SqlConnection {
  end(): Promise<void>;
}

export async function connectMysql(url: string): Promise<OpenSqlConnection> {
  const connection = await mariadb.createConnection(mysqlConnectionConfig(url));
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
