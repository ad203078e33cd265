// The planner's MySQL dialect writes statements that answer exactly as the PostgreSQL
// ones do. A tenant's rows (made through the API on PostgreSQL) are copied into a
// MariaDB database of the same tables; each planned statement of a corpus runs on both,
// and the planned rows must be equal: the dialect alone, on the same rows, where
// plannedReads.test.ts compares whole answers of MySQL tenants.
import { parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import type { Connection } from 'mariadb';
import { connectMysql } from '../../src/db/mysqlConnect';
import { inTenantSchema, onTenantConnection } from '../../src/db/tenantTarget';
import { mysql, postgresql } from '../../src/planner/dialect';
import { plannedStatement, type PlannedRow, type RootRead } from '../../src/planner/plannedStatement';
import { gatewaySchema } from '../../src/schema/buildSchema';
import { tenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway } from '../support/testGateway';

const MYSQL_URL = process.env.TEST_MYSQL_URL;
const SKIPPED = 'set TEST_MYSQL_URL (e.g. mariadb://root@127.0.0.1:3306/) to run the MySQL dialect test against MariaDB or MySQL';
const database = `tgm${process.pid}`;

// The tenant tables the corpus reads, as Prisma's MySQL mapping holds them.
const TABLES = [
  'CREATE TABLE `Category` (id CHAR(36) PRIMARY KEY, name VARCHAR(191) NOT NULL, parentId CHAR(36) NULL, createdAt DATETIME(3) NOT NULL)',
  `CREATE TABLE \`Product\` (id CHAR(36) PRIMARY KEY, sku VARCHAR(191) NOT NULL, name VARCHAR(191) NOT NULL, description TEXT NULL,
     kind ENUM('GOLD','JEWELRY','COIN','STONE','GOODS','SERVICE') NOT NULL, categoryId CHAR(36) NULL, price DECIMAL(18,2) NOT NULL,
     cost DECIMAL(18,2) NOT NULL, currency VARCHAR(191) NOT NULL, unit VARCHAR(191) NOT NULL, stock DECIMAL(18,3) NOT NULL,
     trackStock BOOLEAN NOT NULL, reserved DECIMAL(18,3) NOT NULL DEFAULT 0, attributes JSON NOT NULL, translations JSON NOT NULL, tags JSON NOT NULL, imageUrls JSON NOT NULL,
     createdAt DATETIME(3) NOT NULL, updatedAt DATETIME(3) NOT NULL)`,
  'CREATE TABLE `BomComponent` (id CHAR(36) PRIMARY KEY, productId CHAR(36) NOT NULL, componentId CHAR(36) NOT NULL, quantity DECIMAL(18,3) NOT NULL)',
  `CREATE TABLE \`Customer\` (id CHAR(36) PRIMARY KEY, name VARCHAR(191) NOT NULL, email VARCHAR(191) NULL, phone VARCHAR(191) NULL,
     address VARCHAR(191) NULL, nationalId VARCHAR(191) NULL, notes TEXT NULL, createdAt DATETIME(3) NOT NULL, updatedAt DATETIME(3) NOT NULL)`,
  `CREATE TABLE \`Invoice\` (id CHAR(36) PRIMARY KEY, number VARCHAR(191) NOT NULL, kind ENUM('SALE','PURCHASE','TRADE') NOT NULL,
     status ENUM('DRAFT','ISSUED','PARTIALLY_PAID','PAID','VOID') NOT NULL, customerId CHAR(36) NULL, issueDate DATETIME(3) NOT NULL,
     dueDate DATETIME(3) NULL, currency VARCHAR(191) NOT NULL, subtotal DECIMAL(18,2) NOT NULL, taxTotal DECIMAL(18,2) NOT NULL,
     tradeInTotal DECIMAL(18,2) NOT NULL, total DECIMAL(18,2) NOT NULL, amountPaid DECIMAL(18,2) NOT NULL, notes TEXT NULL,
     issuedAt DATETIME(3) NULL, voidedAt DATETIME(3) NULL, createdAt DATETIME(3) NOT NULL, updatedAt DATETIME(3) NOT NULL)`,
  `CREATE TABLE \`InvoiceItem\` (id CHAR(36) PRIMARY KEY, invoiceId CHAR(36) NOT NULL, productId CHAR(36) NULL, description VARCHAR(191) NOT NULL,
     quantity DECIMAL(18,3) NOT NULL, unitPrice DECIMAL(18,2) NOT NULL, taxRate DECIMAL(6,4) NOT NULL, lineTotal DECIMAL(18,2) NOT NULL,
     taxAmount DECIMAL(18,2) NOT NULL, tradeIn BOOLEAN NOT NULL, position INT NOT NULL)`,
  `CREATE TABLE \`Payment\` (id CHAR(36) PRIMARY KEY, invoiceId CHAR(36) NOT NULL, amount DECIMAL(18,2) NOT NULL,
     method ENUM('CASH','CARD','BANK_TRANSFER','CHEQUE') NOT NULL, reference VARCHAR(191) NULL, paidAt DATETIME(3) NOT NULL, createdAt DATETIME(3) NOT NULL)`,
];

const JSON_COLUMNS = new Set(['attributes', 'translations', 'tags', 'imageUrls']);

let connection: Connection | undefined;
let gw: TestGateway;

beforeAll(async () => {
  if (!MYSQL_URL) return;
  // Set up as the gateway's own sessions are (lists need group_concat_max_len lifted).
  connection = await connectMysql(MYSQL_URL, { connectTimeoutMs: 3000 });
  await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.query(`USE \`${database}\``);
  for (const ddl of TABLES) await connection.query(ddl);

  gw = await startTestGateway();
  const owner = await gw.createUser();
  await gw.createTenant({ slug: 'both-engines', owner });
  const api = tenantApi(gw, owner.token, 'both-engines');
  const { categories } = await api.call('{ categories { id } }');
  const ring = await api.createProduct({ sku: 'RING-1', name: 'Ring', kind: 'JEWELRY', price: '350000000', cost: '12.50', categoryId: categories[0].id, attributes: { karat: 18, stones: [{ carat: 0.25 }], name: 'انگشتر' },
    tags: ['gold', 'طلا'], imageUrls: ['https://cdn.example.com/ring.jpg'], translations: [{ locale: 'fr', name: 'Bague', description: 'en or' }, { locale: 'fa', name: 'انگشتر' }] });
  const coin = await api.createProduct({ sku: 'COIN-1', name: 'Coin %', kind: 'COIN', price: '0.10', trackStock: false });
  await api.createProduct({ sku: 'GOODS-1', name: 'goods', kind: 'GOODS', price: '7' });
  await api.call('mutation($p: ID!, $c: [BomComponentInput!]!) { setProductComponents(productId: $p, components: $c) { id } }', { p: ring.id, c: [{ componentId: coin.id, quantity: '2.5' }] });
  const customer = await api.createCustomer('Customer with nulls');
  for (let i = 0; i < 4; i++) {
    const invoice = await api.createInvoice({ kind: 'SALE', customerId: i % 2 ? customer : undefined, items: [{ productId: coin.id, quantity: `${i + 1}` }, { description: 'service', quantity: '1', unitPrice: '9.99' }] });
    if (i > 0) await api.issue(invoice.id);
    if (i > 1) await api.pay(invoice.id, '1.00');
  }
  // The same rows, copied.
  const tenant = (await gw.services.registry.find('both-engines'))!;
  const target = gw.services.pool.acquire(tenant).target;
  if (target.engine !== 'postgresql') throw new Error('the copied tenant is on PostgreSQL');
  for (const table of ['Category', 'Product', 'BomComponent', 'Customer', 'Invoice', 'InvoiceItem', 'Payment']) {
    const { rows } = await onTenantConnection(target, (client) => client.query(`SELECT * FROM "${table}"`));
    for (const row of rows) {
      const columns = Object.keys(row).filter((c) => table !== 'Category' || ['id', 'name', 'parentId', 'createdAt'].includes(c));
      const values = columns.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(row[c]) : row[c]));
      await connection.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values);
    }
  }
}, 60_000);

afterAll(async () => {
  if (connection) {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.end();
  }
  await gw?.close();
});

/** The resolve info graphql-js would give the document's root field. */
function infoOf(document: string, variables: Record<string, unknown> = {}): GraphQLResolveInfo {
  const ast = parse(document);
  const operation = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
  const schema = gatewaySchema();
  return { fieldName: field.name.value, fieldNodes: [field], fragments, variableValues: variables, schema, returnType: schema.getQueryType()!.getFields()[field.name.value].type } as unknown as GraphQLResolveInfo;
}

async function onBoth(document: string, read: RootRead): Promise<[unknown, unknown]> {
  const info = infoOf(document);
  const tenant = (await gw.services.registry.find('both-engines'))!;
  const target = gw.services.pool.acquire(tenant).target;
  if (target.engine !== 'postgresql') throw new Error('the copied tenant is on PostgreSQL');
  const pg = plannedStatement(info, read, postgresql, true);
  const my = plannedStatement(info, read, mysql, true);
  const pgRow = await onTenantConnection(target, (client) => client.query<PlannedRow>({ text: inTenantSchema(pg.text!, target), values: pg.values }));
  const [myRaw] = await connection!.query({ sql: my.text!.replaceAll('"__tenant__"', `\`${database}\``) }, my.values);
  // JSON comes back from MariaDB as text.
  const myRow = Object.fromEntries(Object.entries(myRaw as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? JSON.parse(v) : typeof v === 'bigint' ? Number(v) : v]));
  // A connection answers totalCount through a function: compare what it answers.
  const settled = (answer: any) => (typeof answer?.count === 'function' ? { ...answer, count: answer.count() } : answer);
  return [settled(pg.shape(pgRow.rows[0] ?? {})), settled(my.shape(myRow))];
}

const PRODUCT =
  'id sku name description kind price cost currency unit stock trackStock attributes tags imageUrls translations { locale name description } fr: name(locale: "fr") createdAt updatedAt';
const CORPUS: Array<[string, string, RootRead]> = [
  [
    'products with every field, categories and components',
    `{ products(first: 10) { totalCount edges { cursor node { ${PRODUCT} category { name parentId } components { quantity component { sku price } } } } pageInfo { hasNextPage } } }`,
    { kind: 'connection', type: 'Product', where: [], direction: 'asc', page: { first: 10 } },
  ],
  ['a page of one, with fragments', '{ products(first: 1) { edges { node { ...P } } pageInfo { hasNextPage endCursor } } } fragment P on Product { sku x: name }', { kind: 'connection', type: 'Product', where: [], direction: 'asc', page: { first: 1 } }],
  ['a search with a LIKE wildcard, any case', '{ products { totalCount edges { node { sku } } } }', { kind: 'connection', type: 'Product', where: [{ op: 'contains', columns: ['name', 'sku'], value: 'coin %' }], direction: 'asc', page: {} }],
  ['a kind filter', '{ products { edges { node { sku } } } }', { kind: 'connection', type: 'Product', where: [{ op: 'eq', column: 'kind', value: 'JEWELRY' }], direction: 'asc', page: {} }],
  ['a tag filter, non-Latin', '{ products { totalCount edges { node { sku tags } } } }', { kind: 'connection', type: 'Product', where: [{ op: 'holds', column: 'tags', value: 'طلا' }], direction: 'asc', page: {} }],
  [
    'invoices, newest first, with customers (some null), items, products and payments (some empty)',
    '{ invoices { totalCount edges { node { number kind status issueDate dueDate subtotal taxTotal total amountPaid customer { name email } items { description quantity unitPrice taxRate lineTotal tradeIn position product { sku } } payments { amount method reference paidAt } } } } }',
    { kind: 'connection', type: 'Invoice', where: [], direction: 'desc', page: {} },
  ],
  ['categories, by name', '{ categories { id name parentId } }', { kind: 'list', type: 'Category', where: [], orderBy: [['name', 'asc']] }],
  ['invoices without a customer', '{ invoices { totalCount } }', { kind: 'connection', type: 'Invoice', where: [{ op: 'isNull', column: 'customerId', isNull: true }], direction: 'desc', page: {} }],
];

const run = MYSQL_URL ? test : test.skip;
if (!MYSQL_URL) test.skip(SKIPPED, () => {});

run.each(CORPUS)('%s: the same rows from both dialects', async (_name, document, read) => {
  const [fromPostgres, fromMysql] = await onBoth(document, read);
  expect(fromMysql).toEqual(fromPostgres);
  expect(JSON.stringify(fromPostgres)).not.toBe('{}');
});

run('the tag filter finds the tagged product on both', async () => {
  const [a, b] = await onBoth('{ products { edges { node { sku } } } }', { kind: 'connection', type: 'Product', where: [{ op: 'holds', column: 'tags', value: 'gold' }], direction: 'asc', page: {} });
  expect(b).toEqual(a);
  expect((a as any).edges.map((e: any) => e.node.sku)).toEqual(['RING-1']);
});

run('one product by id, on both', async () => {
  const id = (await gw.request('{ products(first: 1) { edges { node { id } } } }', { token: (await gw.createUser({ platformAdmin: true })).token, tenant: 'both-engines' })).body.data.products.edges[0].node.id;
  const [a, b] = await onBoth(`{ product(id: "${id}") { ${PRODUCT} category { name } } }`, { kind: 'one', type: 'Product', id, what: 'product' });
  expect(b).toEqual(a);
  expect(a).toMatchObject({ id });
});

run('a list is [] without rows, and NULL (never a shorter or empty list) when it is larger than the server sends at once', async () => {
  // Every collation with a megabyte each: far over max_allowed_packet.
  const huge = mysql.array("JSON_OBJECT('a', REPEAT('x', 1000000))", 'information_schema.COLLATIONS', 'ID');
  const none = mysql.array("JSON_OBJECT('a', ID)", 'information_schema.COLLATIONS WHERE ID < 0', 'ID');
  const [row] = await connection!.query(`SELECT ${huge} IS NULL AS overflowed, ${none} AS empty`);
  expect({ overflowed: Number(row.overflowed), empty: row.empty }).toEqual({ overflowed: 1, empty: [] });
});
