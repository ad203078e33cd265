// Tenant reads answered by planned statements (statement.ts), run on the tenant's
// connection: one round trip each, then the values are shaped into the answer
// (shape.ts). A root field is one statement however deep it nests; rows a resolver
// must read by id (a relation of a row no plan made) come a batch at a time.
import type { GraphQLResolveInfo } from 'graphql';
import { notFound } from '../errors';
import type { MemberRole } from '../generated/platform/enums';
import { inTenantSchema, onTenantConnection, type MysqlTarget, type PostgresTarget, type TenantTarget } from '../db/tenantTarget';
import { mysql, postgresql } from './dialect';
import { rootPlan, type RowPlan } from './plan';
import { Shaper, type Row } from './shape';
import { render, type Sql } from './sql';
import { StatementWriter, listStatement, readsPlainRows, type ListArgs } from './statement';
import { preparedName } from './statementNames';
import type { WhereInput } from './where';

export type RootRead =
  | { kind: 'list'; args: ListArgs; /** Conditions of the field's own arguments, AND-ed with its where. */ extra?: WhereInput[] }
  | { kind: 'one'; id: string; /** For the NOT_FOUND message: "product". */ what: string };

// Every value comes back as the server writes it: the shaper decodes by column.
const RAW_TEXT = { getTypeParser: () => (text: string) => text };

const dialectOf = (target: TenantTarget) => (target.engine === 'mysql' ? mysql : postgresql);

const poolTenantOf = (target: TenantTarget) => (target.engine === 'postgresql' ? target.poolTenant?.tenantId : undefined);

/** Answers a tenant root field (a list or one row) for the tenant at `target`. */
export async function plannedRead(target: TenantTarget, role: MemberRole, info: GraphQLResolveInfo, read: RootRead, nestRelations: boolean): Promise<unknown> {
  const dialect = dialectOf(target);
  const plan = rootPlan(info, nestRelations);
  const writer = new StatementWriter(dialect, info.variableValues, role, poolTenantOf(target));
  const shaper = new Shaper(writer.runs, dialect);
  if (plan.kind === 'one') {
    if (read.kind !== 'one') throw new Error(`${info.fieldName} answers one row: read it by id`);
    const [row] = await run(target, writer.byIds(plan.plan, [read.id]));
    if (!row) throw notFound(read.what);
    return shaper.row(plan.plan, row, 0)[0];
  }
  if (read.kind !== 'list') throw new Error(`${info.fieldName} answers a list: read it with list arguments`);
  const list = plan.plan;
  const sql = listStatement(writer, list, read.args, read.extra);
  if (sql === null) return shaper.connection(list, [], 0)[0];
  const rows = await run(target, sql);
  return readsPlainRows(list) ? shaper.rows(list, rows) : shaper.connection(list, rows[0], 0)[0];
}

/** Rows of `plan.model` by id, as `plan` asks for them: one statement for the batch. */
export async function plannedRowsById(
  target: TenantTarget,
  role: MemberRole,
  plan: RowPlan,
  ids: readonly string[],
  variables: Record<string, unknown>,
): Promise<Map<string, Row>> {
  const dialect = dialectOf(target);
  const writer = new StatementWriter(dialect, variables, role, poolTenantOf(target));
  const shaper = new Shaper(writer.runs, dialect);
  const rows = await run(target, writer.byIds(plan, ids));
  return new Map(rows.map((values) => shaper.row(plan, values, 0)[0]).map((row) => [row.id as string, row]));
}


async function run(target: TenantTarget, sql: Sql): Promise<unknown[][]> {
  const { text, values } = render(sql, dialectOf(target).placeholder);
  const statement = inTenantSchema(text, target);
  return target.engine === 'mysql' ? onMysql(target, statement, values) : onPostgres(target, statement, values);
}

async function onPostgres(target: PostgresTarget, text: string, values: unknown[]): Promise<unknown[][]> {
  const result = await onTenantConnection(target, (client) => {
    const name = target.preparedStatements ? preparedName(client, text) : undefined;
    return client.query<unknown[]>({ text, values, rowMode: 'array', types: RAW_TEXT, ...(name ? { name } : {}) });
  });
  return result.rows;
}

async function onMysql(target: MysqlTarget, sql: string, values: unknown[]): Promise<unknown[][]> {
  return onTenantConnection(target, (connection) =>
    connection.query({ sql, rowsAsArray: true, dateStrings: true, bigIntAsNumber: true, decimalAsNumber: false, autoJsonMap: false }, values),
  );
}
