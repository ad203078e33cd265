// The generated tenant graph answers what its lists promise, the same whichever way it
// reads. Two gateways on one platform, one planning every root field into one
// statement (the default), one with PLANNED_READS=false (root rows alone, each
// relation through its resolver, batched per level), get the same operations against
// a tenant filled with rows made for it (test/support/graphFixture.ts: ties, nulls,
// empty relations, several pages) and must answer byte for byte alike. On top of
// that, an oracle works out from every row read with Prisma what the answer should be
// (test/support/graphOracle.ts), so a mistake both paths share is caught too:
// - the corpus: every feature of a list (nodes and edges, pages both ways, sorts,
//   where, aggregates, groups, relations both ways, nulls and empty sets), each
//   answered with one statement per root field when planned, counted at the driver;
// - sorts: every row once, in the oracle's order, however it is paged (forward with
//   after, backward with before, between two cursors);
// - where: every operator, relations (some/none, to-one), and/or/not, the rows the
//   oracle keeps; aggregates and groups as the oracle sums them;
// - bad input: BAD_USER_INPUT with a message that says what to change.
// Once per engine and isolation mode: PostgreSQL with a database, with a schema and
// with rows in the pool's shared tables per tenant, MySQL with a database per tenant.
// In the pool the tenant has a neighbour holding the same rows under the same ids,
// then changed and added to: a row, count or sum of the neighbour's reaching any
// answer would part it from the oracle's.
import { Kind, getOperationAST, parse } from 'graphql';
import { modelNamed, type Model } from '../../src/model/tenantModel';
import { tenantEngines, tenantPlacements } from '../support/engines';
import { CORPUS, PAGE_INFO, type Case } from '../support/graphCorpus';
import { categoryIds, customerIds, fillGraphFixture, fixedId, productIds } from '../support/graphFixture';
import { aggregates, filtered, groups, readWorld, related, sorted, type AggregateAsk, type Row, type World } from '../support/graphOracle';
import { isTransactionControl } from '../support/statementCount';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

// Whole pages nest deeper and cost more than the default limits allow.
const LIMITS = { MAX_QUERY_COMPLEXITY: '1000000', MAX_QUERY_DEPTH: '16' };

/** The lists the oracle checks: their model and default order. */
const LISTS = {
  products: { model: modelNamed('Product'), order: ['ID_ASC'] },
  customers: { model: modelNamed('Customer'), order: ['ID_ASC'] },
  invoices: { model: modelNamed('Invoice'), order: ['ID_DESC'] },
  categories: { model: modelNamed('Category'), order: ['NAME_ASC'] },
} as const;
type ListName = keyof typeof LISTS;

/** Root fields that read the database (not __typename). */
const rootFields = (query: string) => getOperationAST(parse(query))!.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename').length;

const SORTS: Array<[ListName, string[]]> = [
  ['products', []],
  ['products', ['PRICE_ASC']],
  ['products', ['PRICE_DESC']],
  ['products', ['PRICE_DESC', 'NAME_ASC']],
  ['products', ['NAME_ASC', 'PRICE_DESC']],
  ['products', ['PRICE_ASC', 'ID_DESC']],
  ['products', ['DESCRIPTION_ASC']],
  ['products', ['DESCRIPTION_DESC', 'STOCK_ASC']],
  ['products', ['CATEGORY_ID_ASC', 'PRICE_ASC']],
  ['products', ['CATEGORY_ID_DESC']],
  ['products', ['CREATED_AT_DESC']],
  ['products', ['STOCK_ASC', 'COST_DESC']],
  ['products', ['TRACK_STOCK_DESC', 'NAME_DESC']],
  ['products', ['KIND_ASC', 'SKU_DESC']],
  ['products', ['ID_DESC']],
  ['customers', []],
  ['customers', ['NAME_ASC']],
  ['customers', ['EMAIL_DESC', 'NAME_ASC']],
  ['customers', ['PHONE_ASC']],
  ['customers', ['CREATED_AT_ASC', 'NAME_DESC']],
  ['invoices', []],
  ['invoices', ['TOTAL_DESC']],
  ['invoices', ['DUE_DATE_ASC']],
  ['invoices', ['DUE_DATE_DESC', 'TOTAL_ASC']],
  ['invoices', ['CUSTOMER_ID_ASC', 'ISSUE_DATE_DESC']],
  ['invoices', ['STATUS_ASC', 'ISSUE_DATE_DESC']],
  ['invoices', ['NOTES_DESC', 'AMOUNT_PAID_ASC']],
  ['categories', []],
  ['categories', ['PARENT_ID_ASC']],
  ['categories', ['CREATED_AT_DESC']],
];

const WHERES: Array<[ListName, Record<string, unknown>]> = [
  ['products', { price: { eq: '10' } }],
  ['products', { price: { ne: '10' } }],
  ['products', { price: { lt: '25.5' } }],
  ['products', { price: { lte: '25.5' } }],
  ['products', { price: { gt: '99.99' } }],
  ['products', { price: { gte: '99.99' } }],
  ['products', { price: { in: ['0.5', '1000'] } }],
  ['products', { price: { notIn: ['10', '25.5'] } }],
  ['products', { price: { in: [] } }],
  ['products', { price: { notIn: [] } }],
  ['products', { price: { eq: null } }],
  ['products', { description: { eq: 'Golden' } }],
  ['products', { description: { ne: 'Golden' } }],
  ['products', { description: { lt: 'Golden' } }],
  ['products', { description: { gte: 'Golden' } }],
  ['products', { description: { isNull: true } }],
  ['products', { description: { isNull: false } }],
  ['products', { description: { contains: 'OLD' } }],
  ['products', { description: { startsWith: 'sil' } }],
  ['products', { description: { notIn: ['Golden'] } }],
  ['products', { name: { in: ['Amber', 'Cameo'] } }],
  ['products', { name: { contains: '%' } }],
  ['products', { sku: { gte: 'SKU-30' } }],
  ['products', { kind: { eq: 'GOLD' } }],
  ['products', { kind: { ne: 'SERVICE' } }],
  ['products', { kind: { in: ['COIN', 'STONE'] } }],
  ['products', { kind: { notIn: ['GOLD'] } }],
  ['products', { categoryId: { isNull: true } }],
  ['products', { categoryId: { eq: categoryIds.rings } }],
  ['products', { categoryId: { ne: categoryIds.rings } }],
  ['products', { categoryId: { in: [categoryIds.rings, categoryIds.coins] } }],
  ['products', { id: { in: productIds.slice(0, 3) } }],
  ['products', { id: { notIn: [productIds[0].toUpperCase()] } }],
  ['products', { trackStock: { eq: false } }],
  ['products', { trackStock: { ne: true } }],
  ['products', { stock: { gt: '2' } }],
  ['products', { cost: { lte: '2.25' } }],
  ['products', { createdAt: { gte: '2026-03-02T09:00:00Z' } }],
  ['products', { createdAt: { lt: '2026-03-01T09:03:00.000Z' } }],
  ['products', { createdAt: { eq: '2026-03-01T09:02:00Z' } }],
  ['products', { tags: { has: 'gold' } }],
  ['products', { tags: { has: 'none' } }],
  ['products', { category: { name: { eq: 'Rings' } } }],
  ['products', { category: { parent: { name: { eq: 'Jewellery' } } } }],
  ['products', { category: {} }],
  ['products', { not: { category: {} } }],
  ['products', { invoiceItems: { some: {} } }],
  ['products', { invoiceItems: { none: {} } }],
  ['products', { invoiceItems: { some: { invoice: { status: { eq: 'PAID' } } } } }],
  ['products', { usedIn: { some: {} } }],
  ['products', { components: { some: { quantity: { gt: '1' } } } }],
  ['products', { and: [{ price: { gte: '10' } }, { price: { lte: '99.99' } }] }],
  ['products', { or: [{ kind: { eq: 'GOLD' } }, { description: { isNull: true } }] }],
  ['products', { not: { description: { eq: 'Golden' } } }],
  ['products', { not: { or: [{ price: { eq: '10' } }, { description: { eq: 'Brassy' } }] } }],
  ['products', { or: [] }],
  ['products', { and: [] }],
  ['products', { not: {} }],
  ['products', { not: { price: { eq: null } } }],
  ['products', { not: { or: [{}, { price: { eq: '10' } }] } }],
  ['products', { or: [{}, { price: { eq: '10' } }] }],
  ['products', { price: { gte: '10' }, not: { and: [{ kind: { in: ['GOLD', 'COIN'] } }, { or: [{ tags: { has: 'gold' } }, { not: { categoryId: { isNull: false } } }] }] } }],
  ['customers', { email: { isNull: true } }],
  ['customers', { name: { eq: 'Ann' }, phone: { isNull: false } }],
  ['customers', { not: { email: { contains: 'B@' } } }],
  ['customers', { invoices: { some: { total: { gt: '100' } } } }],
  ['customers', { invoices: { none: {} } }],
  ['customers', { invoices: { some: { status: { eq: 'PAID' } }, none: { status: { eq: 'VOID' } } } }],
  ['customers', { orders: { none: {} } }],
  ['invoices', { customer: { name: { eq: 'Ann' } } }],
  ['invoices', { customer: { email: { isNull: true } } }],
  ['invoices', { not: { customer: {} } }],
  ['invoices', { dueDate: { lt: '2026-04-01T00:00:00Z' } }],
  ['invoices', { dueDate: { isNull: true } }],
  ['invoices', { status: { in: ['PAID', 'VOID'] } }],
  ['invoices', { notes: { ne: 'Noted' } }],
  ['invoices', { items: { some: { product: { kind: { eq: 'GOLD' } } } } }],
  ['invoices', { payments: { none: {} }, items: { some: {} } }],
  ['invoices', { total: { gte: '100' }, kind: { ne: 'SALE' } }],
  ['categories', { products: { none: {} } }],
  ['categories', { parent: { name: { eq: 'Jewellery' } } }],
  ['categories', { children: { some: {} } }],
  ['categories', { parentId: { isNull: true } }],
];

const AGGREGATES: Array<[ListName, AggregateAsk]> = [
  ['products', { sum: ['price', 'cost', 'stock', 'reserved'], avg: ['price', 'cost', 'stock'], min: ['price', 'stock', 'createdAt'], max: ['price', 'stock', 'createdAt'] }],
  ['invoices', { sum: ['total', 'amountPaid'], avg: ['total', 'amountPaid'], min: ['total', 'dueDate', 'issueDate'], max: ['total', 'dueDate', 'issueDate'] }],
];

const GROUPINGS: Array<[ListName, string[]]> = [
  ['products', ['KIND']],
  ['products', ['CATEGORY_ID']],
  ['products', ['PRICE']],
  ['products', ['TRACK_STOCK']],
  ['products', ['DESCRIPTION']],
  ['products', ['CREATED_AT']],
  ['products', ['CREATED_AT_TRUNCATED_TO_DAY']],
  ['products', ['CREATED_AT_TRUNCATED_TO_MONTH']],
  ['products', ['CATEGORY_ID', 'KIND']],
  ['invoices', ['STATUS']],
  ['invoices', ['CUSTOMER_ID']],
  ['invoices', ['DUE_DATE_TRUNCATED_TO_DAY', 'KIND']],
];

/** The aggregates selection that asks for `ask`. */
const aggregateSelection = (ask: AggregateAsk) =>
  `count ${(['sum', 'avg', 'min', 'max'] as const)
    .filter((kind) => ask[kind])
    .map((kind) => `${kind} { ${ask[kind]!.join(' ')} }`)
    .join(' ')}`;

const typeOf = (list: ListName) => LISTS[list].model.typeName;

/** The graph fixture under the same ids, every value then changed and rows added: what a pool tenant must never see of its neighbour. */
async function fillNeighbour(tenant: Awaited<ReturnType<TestGateway['createTenant']>>): Promise<void> {
  await planned.withTenantDb(tenant, async (db) => {
    await fillGraphFixture(db);
    await db.product.updateMany({ data: { name: 'Neighbour', price: '5', description: 'not yours', stock: '77' } });
    await db.customer.updateMany({ data: { name: 'Neighbour', email: 'n@example.com' } });
    await db.invoice.updateMany({ data: { total: '12345', status: 'VOID' } });
    // Category names are unique: each its own.
    for (const { id } of await db.category.findMany()) await db.category.update({ where: { id }, data: { name: `Neighbour ${id}` } });
    await db.product.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ id: fixedId(2, 900 + i), sku: `N-${i}`, name: 'Neighbour', kind: 'GOODS' as const, price: '5', currency: 'USD', categoryId: categoryIds.rings })),
    });
    await db.customer.createMany({ data: Array.from({ length: 4 }, (_, i) => ({ id: fixedId(3, 900 + i), name: 'Neighbour' })) });
  });
}

let planned: TestGateway;
let resolved: TestGateway;
let owner: TestUser;
/** Statements the planned gateway sent to tenant databases. */
let plannedStatements = 0;
const countStatement = (text: string) => {
  if (!isTransactionControl(text)) plannedStatements++;
};

beforeAll(async () => {
  planned = await startTestGateway({ engine: tenantEngines.at(-1), env: LIMITS, observeTenantStatements: countStatement });
  resolved = await startTestGateway({ sharing: planned, env: { PLANNED_READS: 'false', ...LIMITS } });
  owner = await planned.createUser();
});
afterAll(async () => {
  await resolved?.close();
  await planned?.close();
});

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  const slug = `graph-${engine}-${isolation.toLowerCase()}`;
  let world: World;

  beforeAll(async () => {
    if (isolation === 'POOL') await fillNeighbour(await planned.createTenant({ slug: `${slug}-neighbour`, engine, isolation, owner }));
    const tenant = await planned.createTenant({ slug, engine, isolation, owner });
    const lease = planned.services.pool.acquire(tenant);
    try {
      await fillGraphFixture(lease.db);
      world = await readWorld(lease.db, ['Category', 'Product', 'BomComponent', 'Customer', 'Invoice', 'InvoiceItem', 'Payment', 'Order']);
    } finally {
      lease.release();
    }
    // The first request of each gateway opens its connections.
    await both('{ products(first: 1) { totalCount } }');
  });

  /**
   * The answer of both gateways, which must be the same. Errors are compared by message
   * and code: a nested list's refusal comes from that list on the resolver path, not
   * from its root field.
   */
  async function both(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse['body']> {
    const answers = await Promise.all([planned, resolved].map((gw) => gw.request(query, { token: owner.token, tenant: slug, variables })));
    const [a, b] = answers.map(({ status, body }) => ({ status, data: body.data, errors: body.errors?.map(({ message, extensions }) => ({ message, extensions })) }));
    expect({ query, variables, answer: b }).toEqual({ query, variables, answer: a });
    return answers[0].body;
  }

  async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
    const body = await both(query, variables);
    expect({ query, variables, errors: body.errors }).toEqual({ query, variables, errors: undefined });
    return body.data;
  }

  const rowsOf = (list: ListName) => world.get(LISTS[list].model.name)!;
  const ids = (rows: Row[]) => rows.map((r) => r.id);

  describe('the corpus: both paths answer alike, planned in one statement per root field', () => {
    test.each(CORPUS.filter(([, , , engines]) => !engines || engines.includes(engine)))('%s', async (...[, query, variables]: Case) => {
      const before = plannedStatements;
      const body = await both(query, variables);
      if (!body.errors) expect(plannedStatements - before).toBe(rootFields(query));
      else expect(body.errors.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    });

    test('the corpus sees what it was made for: ties, nulls, empty relations, several pages', async () => {
      const { products, customers, categories } = await ok(`{
        products(orderBy: [PRICE_ASC], first: 100) { totalCount nodes { price description category { id } invoiceItems { totalCount } } }
        customers(first: 100) { nodes { invoices { totalCount } } }
        categories { nodes { products { totalCount } } } }`);
      const prices = products.nodes.map((p: any) => p.price);
      expect(new Set(prices).size).toBeLessThan(prices.length / 4);
      expect(products.totalCount).toBeGreaterThan(40);
      expect(products.nodes.filter((p: any) => p.description === null).length).toBeGreaterThan(5);
      expect(products.nodes.filter((p: any) => p.category === null).length).toBeGreaterThan(5);
      expect(products.nodes.filter((p: any) => p.invoiceItems.totalCount === 0).length).toBeGreaterThan(5);
      expect(customers.nodes.filter((c: any) => c.invoices.totalCount === 0).length).toBeGreaterThan(2);
      expect(categories.nodes.filter((c: any) => c.products.totalCount === 0).length).toBeGreaterThan(1);
    });

    if (engine === 'mysql')
      test('a nested groupedAggregates is refused on MySQL, saying what to do instead', async () => {
        const body = await both('{ categories { nodes { products { groupedAggregates(groupBy: [KIND]) { keys } } } } }');
        expect(body.errors?.[0]).toMatchObject({
          message: expect.stringMatching(/not available on MySQL tenants; ask for it on the root list/),
          extensions: { code: 'BAD_USER_INPUT' },
        });
      });
  });

  describe('sorts: every row once, in order, however it is paged', () => {
    const listQuery = (list: ListName) =>
      `query($o: [${typeOf(list)}OrderBy!], $first: Int, $after: String, $last: Int, $before: String) {
        ${list}(orderBy: $o, first: $first, after: $after, last: $last, before: $before) { totalCount ${PAGE_INFO} edges { cursor node { id } } } }`;

    test.each(SORTS)('%s by %j', async (list, orderBy) => {
      const expected = ids(sorted(LISTS[list].model, rowsOf(list), orderBy, LISTS[list].order));
      const page = async (args: Record<string, unknown>) => (await ok(listQuery(list), { o: orderBy, ...args }))[list];

      const all = await page({ first: 100 });
      expect(all.edges.map((e: any) => e.node.id)).toEqual(expected);
      expect(all.totalCount).toBe(expected.length);

      // Forward: first 5 after the last page's end.
      const forward: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 30; pages++) {
        const { edges, pageInfo } = await page({ first: 5, after });
        forward.push(...edges.map((e: any) => e.node.id));
        expect(pageInfo).toMatchObject({ hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null });
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(forward).toEqual(expected);

      // Backward: last 5 before the last page's start.
      const backward: string[] = [];
      let before: string | null = null;
      for (let pages = 0; pages < 30; pages++) {
        const { edges, pageInfo } = await page({ last: 5, before });
        backward.unshift(...edges.map((e: any) => e.node.id));
        expect(pageInfo.hasNextPage).toBe(before !== null);
        if (!pageInfo.hasPreviousPage) break;
        before = pageInfo.startCursor;
      }
      expect(backward).toEqual(expected);

      // Between two cursors: the rows strictly between, from either end.
      const [from, to] = [all.edges[1].cursor, all.edges[expected.length - 2].cursor];
      expect((await page({ after: from, before: to, first: 100 })).edges.map((e: any) => e.node.id)).toEqual(expected.slice(2, -2));
      expect((await page({ after: from, before: to, last: 2 })).edges.map((e: any) => e.node.id)).toEqual(expected.slice(-4, -2));
    });

    test('a nested list pages both ways with its own cursors', async () => {
      const customer = customerIds[1];
      const query = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { customer(id: $id) {
        invoices(orderBy: [TOTAL_DESC], first: $first, after: $after, last: $last, before: $before) { ${PAGE_INFO} nodes { id } } } }`;
      const customerModel = LISTS.customers.model;
      const row = rowsOf('customers').find((c) => c.id === customer)!;
      const expected = ids(sorted(LISTS.invoices.model, related(world, customerModel, row, 'invoices'), ['TOTAL_DESC'], []));
      expect(expected.length).toBeGreaterThan(2);
      const forward: string[] = [];
      let after: string | null = null;
      do {
        const { invoices }: any = (await ok(query, { id: customer, first: 1, after })).customer;
        forward.push(...invoices.nodes.map((n: any) => n.id));
        after = invoices.pageInfo.hasNextPage ? invoices.pageInfo.endCursor : null;
      } while (after && forward.length <= expected.length);
      expect(forward).toEqual(expected);
      const backward: string[] = [];
      let before: string | null = null;
      do {
        const { invoices }: any = (await ok(query, { id: customer, last: 2, before })).customer;
        backward.unshift(...invoices.nodes.map((n: any) => n.id));
        before = invoices.pageInfo.hasPreviousPage ? invoices.pageInfo.startCursor : null;
      } while (before && backward.length <= expected.length);
      expect(backward).toEqual(expected);
    });
  });

  describe('where: the rows the oracle keeps', () => {
    test.each(WHERES)('%s where %j', async (list, where) => {
      const { model, order } = LISTS[list];
      const expected = ids(sorted(model, filtered(world, model, rowsOf(list), where), [], order));
      const data = await ok(`query($w: ${typeOf(list)}Where) { ${list}(where: $w, first: 100) { totalCount nodes { id } } }`, { w: where });
      expect(data[list].nodes.map((n: any) => n.id)).toEqual(expected);
      expect(data[list].totalCount).toBe(expected.length);
    });
  });

  describe('aggregates and groups: what the oracle sums', () => {
    const someWheres = (list: ListName) => [undefined, ...WHERES.filter(([l]) => l === list).map(([, where]) => where)].filter((_, i) => i % 4 === 0);

    test.each(AGGREGATES)('%s: %j, for several wheres', async (list, ask) => {
      const { model } = LISTS[list];
      for (const where of someWheres(list)) {
        const data = await ok(`query($w: ${typeOf(list)}Where) { ${list}(where: $w, first: 1) { totalCount aggregates { ${aggregateSelection(ask)} } } }`, { w: where });
        const expected = aggregates(model, filtered(world, model, rowsOf(list), where), ask);
        expect({ where, answer: data[list] }).toEqual({ where, answer: { totalCount: expected.count, aggregates: expected } });
      }
    });

    test.each(GROUPINGS)('%s grouped by %j', async (list, groupBy) => {
      const { model } = LISTS[list];
      const ask = AGGREGATES.find(([l]) => l === list)![1];
      for (const where of someWheres(list).slice(0, 3)) {
        const data = await ok(
          `query($w: ${typeOf(list)}Where, $g: [${typeOf(list)}GroupBy!]!) { ${list}(where: $w) { groupedAggregates(groupBy: $g) { keys ${aggregateSelection(ask)} } } }`,
          { w: where, g: groupBy },
        );
        expect({ where, groups: data[list].groupedAggregates }).toEqual({ where, groups: groups(model, filtered(world, model, rowsOf(list), where), groupBy, ask) });
      }
    });

    test('nested lists: each parent its own page, count and sums', async () => {
      const invoiceAsk: AggregateAsk = { sum: ['total'], max: ['dueDate'] };
      const { customers } = await ok(`{ customers(first: 100) { nodes { id
        invoices(orderBy: [TOTAL_DESC], first: 2, where: { status: { ne: VOID } }) { totalCount aggregates { ${aggregateSelection(invoiceAsk)} } pageInfo { hasNextPage hasPreviousPage } nodes { id } } } } }`);
      const customerModel = LISTS.customers.model;
      const invoiceModel = LISTS.invoices.model;
      for (const node of customers.nodes) {
        const row = rowsOf('customers').find((c) => c.id === node.id)!;
        const kept = sorted(invoiceModel, filtered(world, invoiceModel, related(world, customerModel, row, 'invoices'), { status: { ne: 'VOID' } }), ['TOTAL_DESC'], []);
        expect(node.invoices).toEqual({
          totalCount: kept.length,
          aggregates: aggregates(invoiceModel, kept, invoiceAsk),
          pageInfo: { hasNextPage: kept.length > 2, hasPreviousPage: false },
          nodes: ids(kept.slice(0, 2)).map((id) => ({ id })),
        });
      }
      const { categories } = await ok(
        '{ categories { nodes { id products(orderBy: [PRICE_ASC, NAME_DESC], last: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } } } } }',
      );
      const categoryModel: Model = LISTS.categories.model;
      for (const node of categories.nodes) {
        const row = rowsOf('categories').find((c) => c.id === node.id)!;
        const kept = sorted(LISTS.products.model, related(world, categoryModel, row, 'products'), ['PRICE_ASC', 'NAME_DESC'], []);
        expect(node.products).toEqual({
          totalCount: kept.length,
          pageInfo: { hasNextPage: false, hasPreviousPage: kept.length > 2 },
          nodes: ids(kept.slice(-2)).map((id) => ({ id })),
        });
      }
    });
  });

  describe('bad input: BAD_USER_INPUT saying what to change', () => {
    async function refusal(query: string, variables?: Record<string, unknown>) {
      const body = await both(query, variables);
      expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      return body.errors![0].message;
    }

    test('a cursor of another order, or of no list at all', async () => {
      const cursorOf = async (orderBy: string) => (await ok(`{ products(orderBy: [${orderBy}], first: 2) { pageInfo { endCursor } } }`)).products.pageInfo.endCursor;
      const byName = await cursorOf('NAME_ASC');
      const byCreation = await cursorOf('CREATED_AT_ASC');
      expect(await refusal(`{ products(orderBy: [PRICE_DESC], after: "${byCreation}") { nodes { id } } }`)).toBe('after is not a cursor of this list in this order');
      expect(await refusal(`{ products(orderBy: [DESCRIPTION_ASC], before: "${byName}", last: 2) { nodes { id } } }`)).toBe('before is not a cursor of this list in this order');
      expect(await refusal(`{ products(after: "${byName}") { nodes { id } } }`)).toBe('after is not a cursor of this list in this order');
      expect(await refusal('{ products(after: "bm90IGEgY3Vyc29y") { totalCount } }')).toBe('after is not a cursor of this list in this order');
    });

    test('first and last together, a page over 100 or under 0', async () => {
      expect(await refusal('{ products(first: 2, last: 2) { nodes { id } } }')).toBe('ask for first or last, not both');
      expect(await refusal('{ products(first: 101) { nodes { id } } }')).toBe('first must be between 0 and 100');
      expect(await refusal('{ categories { nodes { products(last: 101) { nodes { id } } } } }')).toBe('last must be between 0 and 100');
      expect(await refusal('{ products(last: -1) { totalCount } }')).toBe('last must be between 0 and 100');
    });

    test('an unknown order or enum value', async () => {
      expect(await refusal('query($o: [ProductOrderBy!]) { products(orderBy: $o) { totalCount } }', { o: ['PRICE_SIDEWAYS'] })).toMatch(
        /"PRICE_SIDEWAYS" does not exist in "ProductOrderBy" enum/,
      );
      expect(await refusal('query($w: ProductWhere) { products(where: $w) { totalCount } }', { w: { kind: { eq: 'PLATINUM' } } })).toMatch(
        /"PLATINUM" does not exist in "ProductKind" enum/,
      );
      expect(await refusal('query($g: [ProductGroupBy!]!) { products { groupedAggregates(groupBy: $g) { keys } } }', { g: ['NAME_TRUNCATED_TO_DAY'] })).toMatch(
        /does not exist in "ProductGroupBy" enum/,
      );
      expect(await refusal('{ products { groupedAggregates(groupBy: []) { keys } } }')).toBe('groupBy needs at least one value');
    });

    test('in with more than 1000 values', async () => {
      const prices = (n: number) => Array.from({ length: n }, (_, i) => `${i}.5`);
      const query = 'query($w: ProductWhere) { products(where: $w) { totalCount } }';
      expect((await ok(query, { w: { price: { in: prices(1000) } } })).products.totalCount).toBeGreaterThan(0);
      expect(await refusal(query, { w: { price: { in: prices(1001) } } })).toBe('where.price.in: at most 1000 values');
      expect(await refusal(query, { w: { not: { id: { notIn: Array.from({ length: 1001 }, () => productIds[0]) } } } })).toBe('where.not.id.notIn: at most 1000 values');
    });

    test('a where nested more than 8 deep', async () => {
      const query = 'query($w: ProductWhere) { products(where: $w) { totalCount } }';
      const nots = (depth: number): Record<string, unknown> => (depth === 0 ? { price: { gte: '0' } } : { not: nots(depth - 1) });
      expect((await ok(query, { w: nots(8) })).products.totalCount).toBe(rowsOf('products').length);
      expect(await refusal(query, { w: nots(9) })).toBe(`where${'.not'.repeat(9)}: conditions nest at most 8 deep`);
      // A product in a category with a product in a category ...: each relation is a level.
      const viaRelations = (depth: number): Record<string, unknown> =>
        depth === 0 ? { price: { gte: '0' } } : { category: depth === 1 ? {} : { products: { some: viaRelations(depth - 2) } } };
      expect((await ok(query, { w: viaRelations(8) })).products.totalCount).toBeGreaterThan(0);
      expect(await refusal(query, { w: viaRelations(9) })).toMatch(/^where(\.category\.products\.some)+\.category: conditions nest at most 8 deep$/);
    });
  });
});
