// A tenant root field answered by one statement (plannedStatement.ts), run on the
// tenant's connection: one round trip, then the row is shaped into the answer.
import type { GraphQLResolveInfo } from 'graphql';
import { inTenantSchema, onTenantConnection, type MysqlTarget, type PostgresTarget, type TenantTarget } from '../db/tenantTarget';
import { mysql, postgresql } from './dialect';
import { plannedStatement, type PlannedRow, type RootRead } from './plannedStatement';
import { preparedName } from './statementNames';

/** Answers `read` for the tenant at `target` with one statement, shaped as the field's type. */
export async function plannedRead(target: TenantTarget, info: GraphQLResolveInfo, read: RootRead, nestRelations: boolean): Promise<unknown> {
  const { text, values, shape } = plannedStatement(info, read, target.engine === 'mysql' ? mysql : postgresql, nestRelations);
  if (text === null) return shape({});
  const sql = inTenantSchema(text, target);
  return shape(await (target.engine === 'mysql' ? onMysql(target, sql, values) : onPostgres(target, sql, values)));
}

async function onPostgres(target: PostgresTarget, sql: string, values: unknown[]): Promise<PlannedRow> {
  const name = target.preparedStatements ? preparedName(sql) : undefined;
  const result = await onTenantConnection(target, (client) => client.query<PlannedRow>({ text: sql, values, ...(name ? { name } : {}) }));
  return result.rows[0] ?? {};
}

async function onMysql(target: MysqlTarget, sql: string, values: unknown[]): Promise<PlannedRow> {
  const rows: Array<Record<string, unknown>> = await onTenantConnection(target, (connection) => connection.query({ sql, bigIntAsNumber: true }, values));
  // JSON is text to the MySQL protocol; the count is a number already.
  const row = rows[0] ?? {};
  if (row.nodes === null) throw new Error('a list of this answer is larger than the MySQL server sends at once (max_allowed_packet)');
  return {
    ...(row.totalCount !== undefined ? { totalCount: Number(row.totalCount) } : {}),
    ...(row.nodes !== undefined ? { nodes: parseJson(row.nodes) as PlannedRow['nodes'] } : {}),
    ...(row.node !== undefined ? { node: parseJson(row.node) } : {}),
  };
}

const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
