// Opening a connection to a MySQL 8 or MariaDB server, set up the way every
// statement of ours expects, whoever opens it (request pools, migrations, the db
// command):
// - time_zone UTC, as Prisma stores DateTime;
// - ANSI_QUOTES, so an identifier quoted "like this" names the same column on both
//   engines (raw statements are written once) while backticks keep working;
// - READ COMMITTED, the isolation PostgreSQL gives by default, so a transaction sees
//   what others committed the same way on both engines;
// - group_concat_max_len at its largest: the planner builds each to-many list with
//   GROUP_CONCAT, which otherwise cuts it short (1 KB on MySQL, 1 MB on MariaDB);
// - on MySQL 8, table sizes read fresh from information_schema (it caches them for a
//   day by default), as storage limits measure them;
// - a statement timeout on the server (MariaDB's max_statement_time; MySQL 8's
//   max_execution_time covers SELECT), and on this side a socket timeout for a server
//   that stopped answering at all.
import mariadb, { type Connection, type ConnectionConfig } from 'mariadb';

export interface MysqlConnectOptions {
  connectTimeoutMs: number;
  /** Omitted: no statement timeout (migrations, which may run long). */
  statementTimeoutMs?: number;
}

/** mariadb's connection settings from a `mysql://` or `mariadb://` URL; its database, if any, becomes the default one. */
export function mysqlConfig(url: string): ConnectionConfig {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    ...(database ? { database } : {}),
  };
}

export async function connectMysql(url: string, options: MysqlConnectOptions): Promise<Connection> {
  const { statementTimeoutMs } = options;
  const connection = await mariadb.createConnection({
    ...mysqlConfig(url),
    connectTimeout: options.connectTimeoutMs,
    ...(statementTimeoutMs ? { socketTimeout: statementTimeoutMs + 1000 } : {}),
    timezone: 'Z',
  });
  try {
    const mariadbServer = connection.info?.isMariaDB() ?? false;
    const settings = ["time_zone = '+00:00'", "sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')", 'group_concat_max_len = 4294967295'];
    if (!mariadbServer) settings.push('information_schema_stats_expiry = 0');
    if (statementTimeoutMs) settings.push(mariadbServer ? `max_statement_time = ${statementTimeoutMs / 1000}` : `max_execution_time = ${statementTimeoutMs}`);
    await connection.query(`SET ${settings.join(', ')}`);
    await connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
  } catch (error) {
    await connection.end().catch(() => connection.destroy());
    throw error;
  }
  return connection;
}
