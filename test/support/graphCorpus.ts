// Operations on the rows of graphFixture.ts that together use every feature of a list
// of the tenant graph: nodes and edges, pages both ways, sorts with ties, every kind
// of where, aggregates and groups, relations both ways, nulls and empty sets, rows by
// id. tenantGraph.test.ts asks them of the planned and the resolver path;
// mysqlDialect.test.ts plans each root field for both engines.
import { categoryIds, customerIds, productIds } from './graphFixture';

export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** [what it shows, the operation, its variables, the engines it runs on (all by default)]. */
export type Case = [string, string, Record<string, unknown>?, ('postgresql' | 'mysql')[]?];

export const CORPUS: Case[] = [
  // Lists: nodes and edges, the default page, pages both ways.
  ['a root list without first: its first 20 rows, in its default order', `{ products { totalCount ${PAGE_INFO} nodes { id sku } } }`],
  ['edges with cursors and nodes side by side', `{ products(first: 5) { edges { cursor node { id name price } } nodes { sku } ${PAGE_INFO} } }`],
  ['the last rows of a list', `{ invoices(last: 4) { ${PAGE_INFO} edges { cursor node { number total } } } }`],
  ['first: 0 answers no rows but the count', `{ products(first: 0) { totalCount ${PAGE_INFO} nodes { id } } }`],
  ['a sort with ties broken by id, and a second sort key', `{ products(orderBy: [PRICE_DESC, NAME_ASC], first: 30) { edges { cursor node { price name } } } }`],
  ['a sort on a nullable column: nulls last ascending', `{ products(orderBy: [DESCRIPTION_ASC], first: 50) { nodes { sku description } } }`],
  ['a sort on a nullable column: nulls first descending', `{ invoices(orderBy: [DUE_DATE_DESC, TOTAL_ASC], first: 50) { nodes { number dueDate total } } }`],
  [
    'orderBy and where as variables',
    'query($o: [CustomerOrderBy!], $w: CustomerWhere) { customers(orderBy: $o, where: $w) { totalCount nodes { name email } } }',
    { o: ['NAME_DESC', 'EMAIL_ASC'], w: { phone: { isNull: false } } },
  ],
  // Filters.
  [
    'every comparison on a decimal',
    '{ a: products(where: { price: { gt: "10", lte: "99.99" } }) { totalCount } b: products(where: { price: { gte: "1000" } }) { totalCount } c: products(where: { price: { lt: "10", ne: "0.5" } }) { totalCount } }',
  ],
  [
    'strings: contains and startsWith ignore case; LIKE wildcards are literal',
    '{ a: products(where: { description: { contains: "OLD" } }) { totalCount } b: products(where: { name: { startsWith: "cam" } }) { totalCount } c: products(where: { name: { contains: "%" } }) { totalCount } d: customers(where: { email: { contains: "_" } }) { totalCount } }',
  ],
  [
    'in and notIn, empty ones too',
    '{ a: products(where: { kind: { in: [GOLD, COIN] } }) { totalCount } b: products(where: { kind: { notIn: [GOLD] } }) { totalCount } c: products(where: { price: { in: [] } }) { totalCount nodes { id } } d: products(where: { price: { notIn: [] } }) { totalCount } }',
  ],
  [
    'isNull both ways, and a null operand as if left out',
    '{ a: products(where: { categoryId: { isNull: true } }) { totalCount } b: products(where: { description: { isNull: false } }) { totalCount } c: products(where: { price: { eq: null } }) { totalCount } }',
  ],
  [
    'a moment, a boolean and a JSON list of strings',
    '{ a: products(where: { createdAt: { gte: "2026-03-02T09:00:00Z" } }) { totalCount } b: products(where: { trackStock: { eq: false } }) { totalCount } c: products(where: { tags: { has: "sale" } }) { nodes { sku tags } } }',
  ],
  [
    'and, or, not, nested',
    '{ products(where: { or: [{ kind: { eq: GOLD } }, { and: [{ price: { gte: "25.5" } }, { not: { description: { eq: "Golden" } } }] }] }) { totalCount nodes { sku } } }',
  ],
  [
    'an empty or matches nothing, an empty and or not everything',
    '{ a: products(where: { or: [] }) { totalCount } b: products(where: { and: [] }) { totalCount } c: products(where: { not: {} }) { totalCount } }',
  ],
  [
    'a to-one relation by its own where (EXISTS), and its absence',
    '{ a: products(where: { category: { parent: { name: { eq: "Jewellery" } } } }) { totalCount } b: invoices(where: { not: { customer: {} } }) { totalCount nodes { number customer { name } } } }',
  ],
  [
    'to-many relations: some and none',
    '{ a: customers(where: { invoices: { some: { status: { eq: PAID } } } }) { nodes { name } } b: customers(where: { invoices: { none: {} } }) { nodes { name } } c: categories(where: { products: { none: {} }, children: { none: {} } }) { nodes { name } } }',
  ],
  [
    'a list filtered by a relation it also answers, nested two deep',
    '{ customers(where: { invoices: { some: { status: { in: [PAID, PARTIALLY_PAID] } } } }) { nodes { name invoices(orderBy: [TOTAL_DESC], where: { status: { in: [PAID, PARTIALLY_PAID] } }) { nodes { number total items { nodes { description product { sku } } } } } } } }',
  ],
  [
    'where together with a hand-written filter',
    '{ products(filter: { kind: JEWELRY }, where: { price: { gt: "10" } }) { totalCount nodes { sku } } customers(search: "ann", orderBy: [CREATED_AT_DESC]) { nodes { name } } invoices(filter: { status: PAID }, where: { total: { gt: "50" } }) { nodes { number } } }',
  ],
  [
    'a where that matches nothing: no rows, no pages, null aggregates, no groups',
    `{ products(where: { sku: { eq: "none" } }) { totalCount ${PAGE_INFO} edges { cursor } aggregates { count sum { price } avg { price } min { createdAt } max { price } } groupedAggregates(groupBy: [KIND]) { keys count } } }`,
  ],
  // Aggregates and groups.
  [
    'aggregates over the whole filtered list, not its page',
    '{ products(first: 2, where: { kind: { ne: SERVICE } }) { totalCount aggregates { count sum { price cost stock reserved } avg { price stock } min { price createdAt updatedAt } max { stock createdAt } } nodes { id } } }',
  ],
  [
    'grouped aggregates by an enum, a nullable reference and a boolean',
    '{ products { groupedAggregates(groupBy: [KIND]) { keys count sum { price } } byCategory: groupedAggregates(groupBy: [CATEGORY_ID, TRACK_STOCK]) { keys count avg { price } min { createdAt } max { stock } } } }',
  ],
  [
    'grouped aggregates by a moment truncated to its day and month',
    '{ invoices { groupedAggregates(groupBy: [ISSUE_DATE_TRUNCATED_TO_DAY]) { keys count sum { total amountPaid } } months: groupedAggregates(groupBy: [DUE_DATE_TRUNCATED_TO_MONTH, STATUS]) { keys count max { total } } } }',
  ],
  [
    'grouped aggregates by a decimal and a nullable string',
    '{ products { groupedAggregates(groupBy: [PRICE]) { keys count } byText: groupedAggregates(groupBy: [DESCRIPTION]) { keys count } } }',
  ],
  // Relations both ways.
  ['to-one relations, two levels, some missing', '{ products(first: 50) { nodes { sku category { name parent { name } } } } }'],
  [
    'to-many relations of the root rows, with empty ones',
    '{ customers(first: 20) { nodes { name invoices { totalCount nodes { number } } orders { totalCount nodes { number } } journalLines { totalCount } } } }',
  ],
  ['a tree both ways', '{ categories { nodes { name parent { name } children { totalCount nodes { name children { nodes { name } } } } } } }'],
  [
    'a product in every relation it has',
    '{ products(first: 50) { nodes { sku components { nodes { quantity component { sku } } } usedIn { nodes { product { sku } } } invoiceItems { totalCount nodes { invoice { number } } } orderItems { totalCount } stockMovements { totalCount } } } }',
  ],
  [
    'nested lists sorted, filtered and paged both ways, with cursors',
    `{ customers(first: 20) { nodes { name
      top: invoices(orderBy: [TOTAL_DESC], first: 2) { ${PAGE_INFO} edges { cursor node { number total } } }
      oldest: invoices(orderBy: [ISSUE_DATE_ASC], last: 1) { ${PAGE_INFO} nodes { number } }
      open: invoices(where: { status: { in: [ISSUED, PARTIALLY_PAID] } }) { totalCount nodes { number status } } } } }`,
  ],
  ['nested aggregates', '{ categories { nodes { name products { totalCount aggregates { count sum { price stock } avg { price } min { price } max { createdAt } } } } } }'],
  [
    'three levels of nested lists',
    '{ customers(first: 20) { nodes { name invoices { nodes { number items(orderBy: [LINE_TOTAL_DESC]) { nodes { position lineTotal product { sku category { name } } } } payments { nodes { amount method } } } } } } }',
  ],
  [
    'one list asked twice under aliases with different pages',
    '{ categories { nodes { name cheap: products(orderBy: [PRICE_ASC], first: 2) { nodes { price } } dear: products(orderBy: [PRICE_DESC], first: 2) { nodes { price } } } } }',
  ],
  ['grouped aggregates of a nested list', '{ categories { nodes { name products { groupedAggregates(groupBy: [KIND]) { keys count sum { price } } } } } }', {}, ['postgresql']],
  [
    'fragments, inline fragments, aliases and __typename',
    `query { products(first: 10) { __typename nodes { ...P ... on Product { x: name } } } } fragment P on Product { __typename id category { __typename ...C } components { nodes { id } } } fragment C on Category { name }`,
  ],
  [
    '@include and @skip on lists, relations and aggregates',
    'query($yes: Boolean!) { products(first: 5) { totalCount @skip(if: $yes) aggregates @include(if: $yes) { count } nodes { sku category @include(if: $yes) { name } components @skip(if: $yes) { totalCount } } } }',
    { yes: true },
  ],
  // Root fields of every model, and rows by id.
  [
    'root lists of the models without hand-written fields',
    '{ invoiceItems(first: 10, orderBy: [UNIT_PRICE_DESC]) { totalCount nodes { description invoice { number } } } payments(where: { method: { eq: CARD } }) { totalCount nodes { amount } } bomComponents { nodes { quantity product { sku } component { sku } } } }',
  ],
  [
    'every account of the chart, and its roots with their children',
    '{ all: accounts(first: 100) { totalCount nodes { code parent { code } } } roots: accounts(where: { parentId: { isNull: true } }) { nodes { code children { nodes { code } } } } }',
  ],
  [
    'rows by id with their relations both ways',
    'query($p: ID!, $c: ID!, $k: ID!) { product(id: $p) { sku category { name } components { nodes { component { sku } } } } customer(id: $c) { name invoices(first: 2) { nodes { number } } } category(id: $k) { name children { nodes { name } } products { totalCount } } }',
    { p: productIds[1], c: customerIds[1], k: categoryIds.jewellery },
  ],
  ['a row by id that does not exist', '{ product(id: "01900000-0000-7000-8fff-000000000000") { id } }'],
];
