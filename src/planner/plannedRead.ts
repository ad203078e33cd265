// A tenant root field answered by one statement (plannedStatement.ts), run on the
// tenant's connection: one round trip, then the row is shaped into the answer.
import type { GraphQLResolveInfo } from 'graphql';
import { inTenantSchema, onTenantConnection, type TenantTarget } from '../db/tenantTarget';
import { postgresql } from './dialect';
import { plannedStatement, type PlannedRow, type RootRead } from './plannedStatement';
import { preparedName } from './statementNames';

/** Answers `read` for the tenant at `target` with one statement, shaped as the field's type. */
export async function plannedRead(target: TenantTarget, info: GraphQLResolveInfo, read: RootRead, nestRelations: boolean): Promise<unknown> {
  const { text, values, shape } = plannedStatement(info, read, postgresql, nestRelations);
  if (text === null) return shape({});
  const sql = inTenantSchema(text, target);
  const name = target.preparedStatements ? preparedName(sql) : undefined;
  const result = await onTenantConnection(target, (client) => client.query<PlannedRow>({ text: sql, values, ...(name ? { name } : {}) }));
  return shape(result.rows[0] ?? {});
}
