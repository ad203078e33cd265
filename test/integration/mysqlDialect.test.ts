// The planner's MySQL dialect answers exactly as the PostgreSQL one does. Two tenants
// hold the same rows (graphFixture.ts: fixed ids and moments), one on PostgreSQL and
// one on MySQL; every root field of the corpus (graphCorpus.ts) is planned and read
// for each (plannedRead, no resolver in between) and the shaped answers must be equal,
// but for cursors, which hold sort values as each engine writes them. The dialect
// alone, on the same rows: tenantGraph.test.ts compares whole answers of each engine
// with the oracle.
import { getNamedType, getNullableType, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { Connection } from 'mariadb';
import type { Engine } from '../../src/engine';
import { connectMysql } from '../../src/db/mysqlConnect';
import type { TenantTarget } from '../../src/db/tenantTarget';
import { modelOfType } from '../../src/model/tenantModel';
import { mysql } from '../../src/planner/dialect';
import { plannedRead, type RootRead } from '../../src/planner/plannedRead';
import { render } from '../../src/planner/sql';
import { gatewaySchema } from '../../src/schema/buildSchema';
import { CORPUS } from '../support/graphCorpus';
import { fillGraphFixture } from '../support/graphFixture';
import { MYSQL_SKIPPED, MYSQL_URL } from '../support/mysqlDatabase';
import { startTestGateway, type TestGateway } from '../support/testGateway';

/** The arguments of every generated list and row; a root field with others (filter, search) needs its resolver, so it is left to tenantGraph.test.ts. */
const PLANNED_ARGUMENTS = new Set(['first', 'after', 'last', 'before', 'orderBy', 'where', 'id']);

const run = MYSQL_URL ? describe : describe.skip;
if (!MYSQL_URL) test.skip(MYSQL_SKIPPED, () => {});

run('the MySQL dialect', () => {
  let gw: TestGateway;
  const targets = new Map<Engine, TenantTarget>();
  const schema = gatewaySchema();

  beforeAll(async () => {
    gw = await startTestGateway({ engine: 'mysql' });
    const owner = await gw.createUser();
    for (const engine of ['postgresql', 'mysql'] as const) {
      const tenant = await gw.createTenant({ slug: `dialect-${engine}`, engine, owner });
      const lease = gw.services.pool.acquire(tenant);
      try {
        await fillGraphFixture(lease.db);
        targets.set(engine, lease.target);
      } finally {
        lease.release();
      }
    }
  });
  afterAll(() => gw?.close());

  /** Each root field of `query` as graphql-js would resolve it: its resolve info and what it reads. */
  function rootFields(query: string, variables: Record<string, unknown> = {}): Array<{ key: string; info: GraphQLResolveInfo; read: RootRead }> {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) throw coerced.errors[0];
    const queryType = schema.getQueryType()!;
    return operation.selectionSet.selections
      .filter((node): node is FieldNode => node.kind === 'Field' && node.name.value !== '__typename')
      .filter((node) => (node.arguments ?? []).every((a) => PLANNED_ARGUMENTS.has(a.name.value)))
      .map((node) => {
        const field = queryType.getFields()[node.name.value];
        const args = getArgumentValues(field, node, coerced.coerced);
        const returned = getNamedType(field.type).name;
        const key = node.alias?.value ?? node.name.value;
        const info = {
          fieldName: node.name.value,
          fieldNodes: [node],
          fragments,
          variableValues: coerced.coerced,
          schema,
          returnType: field.type,
          parentType: queryType,
          path: { key },
        };
        const read: RootRead = modelOfType(returned) ? { kind: 'one', id: args.id as string, what: returned } : { kind: 'list', args };
        return { key, info: info as unknown as GraphQLResolveInfo, read };
      });
  }

  /** The answer with every cursor replaced by whether there was one. */
  const withoutCursors = (answer: unknown): unknown =>
    JSON.parse(JSON.stringify(answer), (key, value) => (['cursor', 'startCursor', 'endCursor'].includes(key) ? typeof value === 'string' && value !== '' : value));

  const read = (engine: Engine, info: GraphQLResolveInfo, rootRead: RootRead) =>
    plannedRead(targets.get(engine)!, 'OWNER', info, rootRead, true).then(withoutCursors, (error: Error) => ({ refused: error.message }));

  test.each(CORPUS.filter(([, , , engines]) => !engines || engines.includes('mysql')))('%s: the same answer from both dialects', async (...[, query, variables]) => {
    const fields = rootFields(query, variables);
    for (const { key, info, read: rootRead } of fields) {
      const [fromPostgres, fromMysql] = await Promise.all([read('postgresql', info, rootRead), read('mysql', info, rootRead)]);
      expect({ key, answer: fromMysql }).toEqual({ key, answer: fromPostgres });
    }
  });

  test('the corpus gives this test more than 50 root fields to read, lists and rows', () => {
    const planned = CORPUS.flatMap(([, query, variables]) => rootFields(query, variables));
    expect(planned.length).toBeGreaterThan(50);
    expect(planned.some(({ info }) => getNullableType(info.returnType).toString().endsWith('Connection'))).toBe(true);
  });

  test('a list is [] without rows, and NULL (never a shorter or empty list) when it is larger than the server sends at once', async () => {
    // Set up as the gateway's own sessions are (lists need group_concat_max_len lifted).
    const connection: Connection = await connectMysql(MYSQL_URL!, { connectTimeoutMs: 3000 });
    try {
      const list = (value: string, where: string) =>
        render(mysql.list({ values: [value], table: 'information_schema.COLLATIONS', alias: 'c', joins: '', where, order: 'c.ID' }), mysql.placeholder).text;
      // Every collation with a megabyte each: far over max_allowed_packet.
      const huge = list("REPEAT('x', 1000000)", '');
      const none = list('c.ID', 'c.ID < 0');
      const [row] = await connection.query(`SELECT ${huge} IS NULL AS overflowed, ${none} AS empty`);
      expect({ overflowed: Number(row.overflowed), empty: row.empty }).toEqual({ overflowed: 1, empty: [] });
    } finally {
      await connection.end();
    }
  });
});
