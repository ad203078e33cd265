// One direct MySQL/MariaDB connection for work that is not a request (migrations,
// schema checks), the counterpart of withClient for PostgreSQL: connecting is
// bounded, the session runs in UTC (DATETIME columns hold UTC, as Prisma writes
// them), and the connection is always ended.
import mariadb, { type ConnectionConfig } from 'mariadb';
import { mysqlConnection, type SqlConnection } from './sqlConnection';

const CONNECT_TIMEOUT_MS = 10_000;

/** mariadb connection options for a `mysql://` or `mariadb://` URL; its path is the database. */
export function mysqlConnectionConfig(url: string): ConnectionConfig {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.slice(1));
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    ...(database ? { database } : {}),
    connectTimeout: CONNECT_TIMEOUT_MS,
    timezone: 'Z',
    initSql: "SET time_zone = '+00:00'",
    bigIntAsNumber: true,
    insertIdAsNumber: true,
  };
}

export async function withMysql<T>(url: string, work: (connection: SqlConnection) => Promise<T>): Promise<T> {
  const connection = await mariadb.createConnection(mysqlConnectionConfig(url));
  // A connection the server drops while idle here must not crash the process.
  connection.on('error', () => {});
  try {
    return await work(mysqlConnection(connection));
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}
