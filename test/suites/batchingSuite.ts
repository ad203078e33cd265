// A nested list query costs a number of statements that does not grow with its rows:
// one when planned (the default), one per relation and level through the resolvers
// (PLANNED_READS=false). Statements are counted at the driver: every query a tenant
// connection sends to the server.
import type { Engine } from '../../src/engine';
import type { Isolation } from '../../src/generated/platform/enums';
import { graphql } from '../../generated/graphql';
import { isTransactionControl } from '../support/statementCount';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

/** The batching tests, on gateways started with `env()` on top of the test defaults, their tenant on `engine` with `isolation`. */
export function batchingSuite(env: () => Record<string, string> = () => ({}), engine: Engine = 'postgresql', isolation: Isolation = 'DATABASE'): void {
  const QUERY = graphql(`query BatchingInvoices($n: Int!) {
    invoices(first: $n) { edges { node {
      customer { name }
      items { nodes { product { category { name } } } }
      payments { nodes { amount } }
    } } }
  }`);

  let statements = 0;
  const count = (text: string) => {
    if (!isTransactionControl(text)) statements++;
  };

  let gw: TestGateway;
  let unplanned: TestGateway;
  let owner: TestUser;

  beforeAll(async () => {
    gw = await startTestGateway({ env: env(), engine, observeTenantStatements: count });
    owner = await gw.createUser();
    const tenant = await gw.createTenant({ slug: 'many-invoices', owner, isolation });
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
    unplanned = await startTestGateway({ sharing: gw, env: { ...env(), PLANNED_READS: 'false' }, observeTenantStatements: count });
  });
  afterAll(async () => {
    await unplanned.close();
    await gw.close();
  });

  const BY_MODE = [
    // Planned: the root field and every relation it nests, in one statement.
    ['planned', () => gw, { invoices: 1, journal: 1, components: 1 }],
    // PLANNED_READS=false: one statement for the root rows, one per relation and level (the DataLoaders).
    // invoices, customers, items, products, categories, payments | entries, lines, accounts, account children, customers |
    // products, components, component products, their components, those components' products (a batch per field, by parent id).
    ['through the resolvers', () => unplanned, { invoices: 6, journal: 5, components: 5 }],
  ] as const;

  describe.each(BY_MODE)('%s', (_mode, gateway, expected) => {
    async function countStatements(query: string | typeof QUERY, variables: Record<string, unknown>) {
      const before = statements;
      const response = await gateway().request(query, { token: owner.token, tenant: 'many-invoices', variables: variables as { n: number } });
      expect(response.body.errors).toBeUndefined();
      return { statements: statements - before, data: response.body.data as any };
    }

    async function invoiceStatements(n: number) {
      const { statements, data } = await countStatements(QUERY, { n });
      const edges = data.invoices.edges;
      expect(edges).toHaveLength(n);
      expect(edges.every((e: any) => e.node.customer?.name && e.node.items.nodes.length === 2 && e.node.payments.nodes.length === 1)).toBe(true);
      expect(edges[0].node.items.nodes[0].product?.category?.name).toMatch(/Rings|Coins|Stones/);
      return statements;
    }

    test('the invoice page with customers, items, products, categories and payments: the same statements for 5 and 50', async () => {
      await invoiceStatements(1); // warm up: the first connection
      const five = await invoiceStatements(5);
      const fifty = await invoiceStatements(50);
      expect(five).toBe(fifty);
      expect(fifty).toBe(expected.invoices);
    });

    test('journal entries with their lines, accounts and customers: the same statements for 5 and 50', async () => {
      const query = `query($n: Int!) { journalEntries(first: $n) { edges { node { lines { nodes { debit account { code children { nodes { code } } } customer { name } } } } } } }`;
      const five = await countStatements(query, { n: 5 });
      const fifty = await countStatements(query, { n: 50 });
      expect(fifty.data.journalEntries.edges).toHaveLength(50);
      expect(fifty.data.journalEntries.edges[0].node.lines.nodes).toHaveLength(2);
      expect(five.statements).toBe(fifty.statements);
      expect(fifty.statements).toBe(expected.journal);
    });

    test('products with their components, three levels deep', async () => {
      const { statements, data } = await countStatements('{ products { edges { node { components { nodes { quantity component { sku components { nodes { component { sku } } } } } } } } } }', {});
      expect(data.products.edges.every((e: any) => e.node.components.nodes.length === 1)).toBe(true);
      expect(statements).toBe(expected.components);
    });
  });
}
