// One direct connection to a database of either engine, as the migrator and the
// schema checks need it: run a statement, get its rows. Placeholders stay the
// engine's own ($1 on PostgreSQL, ? on MySQL): callers that write SQL for both
// already branch on `engine`.
import type { Connection } from 'mariadb';
import type pg from 'pg';
import type { Engine } from '../engine';

export interface SqlConnection {
  readonly engine: Engine;
  /** The rows a statement returns; none for statements that return none. */
  query<Row = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<Row[]>;
}

export function pgConnection(client: pg.ClientBase): SqlConnection {
  return {
    engine: 'postgresql',
    query: async <Row>(sql: string, values?: unknown[]) => (await client.query(sql, values)).rows as Row[],
  };
}

export function mysqlConnection(connection: Connection): SqlConnection {
  return {
    engine: 'mysql',
    async query<Row>(sql: string, values?: unknown[]) {
      const result = await connection.query({ sql, bigIntAsNumber: true, insertIdAsNumber: true }, values);
      // Statements without a result set answer with an OK packet, not rows.
      return (Array.isArray(result) ? result : []) as Row[];
    },
  };
}
