// One direct MySQL/MariaDB connection for work that is not a request (migrations,
// schema checks), the counterpart of withClient for PostgreSQL: connecting is
// bounded, the session is set up as every MySQL session of ours (mysqlConnect.ts),
// no statement timeout (a migration may run long), and the connection is always ended.
import { connectMysql } from './mysqlConnect';
import { mysqlConnection, type SqlConnection } from './sqlConnection';

const CONNECT_TIMEOUT_MS = 10_000;

export async function withMysql<T>(url: string, work: (connection: SqlConnection) => Promise<T>): Promise<T> {
  const connection = await connectMysql(url, { connectTimeoutMs: CONNECT_TIMEOUT_MS });
  // A connection the server drops while idle here must not crash the process.
  connection.on('error', () => {});
  try {
    return await work(mysqlConnection(connection));
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}
