// A nested list query costs a number of statements that grows with its depth, not
// with its rows. Statements are counted at the driver: every query the tenant's pg
// pool sends to PostgreSQL.
import pg from 'pg';
import { graphql } from '../../generated/graphql';
import { createTenantClient, tenantPoolConfig } from '../../src/db/tenantClient';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const QUERY = graphql(`query BatchingInvoices($n: Int!) {
  invoices(first: $n) { edges { node {
    customer { name }
    items { product { category { name } } }
    payments { amount }
  } } }
}`);

class CountingPool extends pg.Pool {
  static statements = 0;
  query(...args: any[]): any {
    CountingPool.statements++;
    return (super.query as any)(...args);
  }
}

let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({
    openTenantClient: (connection, connections) => createTenantClient(connection, new CountingPool(tenantPoolConfig(connection, connections))),
  });
  owner = await gw.createUser();
  const tenant = await gw.createTenant({ slug: 'many-invoices', owner });
  // 60 invoices, each with its own customer, two items on products in categories, and a payment.
  const lease = gw.services.pool.acquire(tenant);
  const db = lease.db;
  const categories = await Promise.all(['Rings', 'Coins', 'Stones'].map((name) => db.category.create({ data: { name } })));
  const products = await Promise.all(
    categories.map((c, i) => db.product.create({ data: { sku: `P${i}`, name: `Product ${i}`, kind: 'GOODS', price: '10', currency: 'USD', categoryId: c.id } })),
  );
  for (let i = 0; i < 60; i++) {
    const customer = await db.customer.create({ data: { name: `Customer ${i}` } });
    await db.invoice.create({
      data: {
        number: `INV-${i}`,
        kind: 'SALE',
        currency: 'USD',
        customerId: customer.id,
        items: {
          create: [0, 1].map((k) => ({
            productId: products[(i + k) % 3].id,
            description: 'x',
            quantity: '1',
            unitPrice: '10',
            lineTotal: '10',
          })),
        },
        payments: { create: { amount: '5', method: 'CASH' } },
      },
    });
  }
  // 60 journal entries, each with a customer's receivable line; products made of each other.
  const accounts = new Map((await db.account.findMany()).map((a) => [a.code, a.id]));
  const customers = await db.customer.findMany();
  for (const customer of customers) {
    await db.journalEntry.create({
      data: {
        description: 'sale',
        lines: {
          create: [
            { accountId: accounts.get('1300')!, debit: '10', customerId: customer.id },
            { accountId: accounts.get('4100')!, credit: '10' },
          ],
        },
      },
    });
  }
  await db.bomComponent.createMany({ data: products.map((p, i) => ({ productId: p.id, componentId: products[(i + 1) % 3].id, quantity: '1' })) });
  lease.release();
});
afterAll(() => gw.close());

async function statementsFor(n: number) {
  const before = CountingPool.statements;
  const response = await gw.request(QUERY, { token: owner.token, tenant: 'many-invoices', variables: { n } });
  expect(response.body.errors).toBeUndefined();
  const edges = response.body.data!.invoices.edges;
  expect(edges).toHaveLength(n);
  expect(edges.every((e) => e.node.customer?.name && e.node.items.length === 2 && e.node.payments.length === 1)).toBe(true);
  expect(edges[0].node.items[0].product?.category?.name).toMatch(/Rings|Coins|Stones/);
  return CountingPool.statements - before;
}

test('the statement count is the same for 5 and 50 invoices, and at most 6', async () => {
  await statementsFor(1); // warm up: the pool's first connection
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five).toBe(fifty);
  // One each: invoices, customers, items, products, categories, payments.
  expect(fifty).toBe(6);
});

async function countStatements(query: string, variables: Record<string, unknown>) {
  const before = CountingPool.statements;
  const response = await gw.request(query, { token: owner.token, tenant: 'many-invoices', variables });
  expect(response.body.errors).toBeUndefined();
  return { statements: CountingPool.statements - before, data: response.body.data };
}

test('journal entries with their lines, accounts and customers: the same statements for 5 and 50', async () => {
  const query = `query($n: Int!) { journalEntries(first: $n) { edges { node { lines { debit account { code children { code } } customer { name } } } } } }`;
  const five = await countStatements(query, { n: 5 });
  const fifty = await countStatements(query, { n: 50 });
  expect(fifty.data.journalEntries.edges).toHaveLength(50);
  expect(fifty.data.journalEntries.edges[0].node.lines).toHaveLength(2);
  expect(five.statements).toBe(fifty.statements);
  // entries, lines, accounts, account children, customers
  expect(fifty.statements).toBe(5);
});

test('products with their components: one statement per relation, however deep', async () => {
  const { statements, data } = await countStatements('{ products { edges { node { components { quantity component { sku components { component { sku } } } } } } } }', {});
  expect(data.products.edges.every((e: any) => e.node.components.length === 1)).toBe(true);
  // products, components, component products; the deeper levels are the same rows, already in the request's loaders.
  expect(statements).toBe(3);
});
