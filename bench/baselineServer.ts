// The yardstick for `npm run bench`: a framework-free GraphQL server answering the
// same queries from the same database, as fast as Node reasonably goes. graphql-js
// with a parsed-and-validated document cache, per-request DataLoaders and hand-written
// SQL on node-postgres; no auth, no tenancy, no limits, no error shaping. Its numbers
// bound what any Node gateway over these tables can do on this machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import DataLoader from 'dataloader';
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql';
import pg from 'pg';

const schema = buildSchema(`
  type Query {
    plans: [Plan!]!
    product(id: ID!): Product
    products(first: Int): ProductConnection!
    invoices(first: Int): InvoiceConnection!
  }
  type Plan { code: String! name: String! }
  type Category { id: ID! name: String! }
  type Product { id: ID! sku: String! name: String! price: String! category: Category }
  type Customer { id: ID! name: String! }
  type Payment { amount: String! }
  type InvoiceItem { quantity: String! product: Product }
  type Invoice { id: ID! number: String! total: String! customer: Customer items: [InvoiceItem!]! payments: [Payment!]! }
  type ProductEdge { cursor: String! node: Product! }
  type ProductConnection { edges: [ProductEdge!]! }
  type InvoiceEdge { cursor: String! node: Invoice! }
  type InvoiceConnection { edges: [InvoiceEdge!]! }
`);

type Row = Record<string, any>;

function loaders(db: pg.Pool) {
  const byId = (table: string) =>
    new DataLoader<string, Row | undefined>(async (ids) => {
      const { rows } = await db.query(`SELECT * FROM "${table}" WHERE id = ANY($1::uuid[])`, [ids]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id));
    });
  const byInvoice = (table: string) =>
    new DataLoader<string, Row[]>(async (ids) => {
      const { rows } = await db.query(`SELECT * FROM "${table}" WHERE "invoiceId" = ANY($1::uuid[])`, [ids]);
      return ids.map((id) => rows.filter((r) => r.invoiceId === id));
    });
  return { customer: byId('Customer'), product: byId('Product'), category: byId('Category'), items: byInvoice('InvoiceItem'), payments: byInvoice('Payment') };
}

type Context = { loaders: ReturnType<typeof loaders> };
const edges = (rows: Row[]) => ({ edges: rows.map((node) => ({ cursor: Buffer.from(node.id).toString('base64url'), node })) });

function resolvers(platform: pg.Pool, tenant: pg.Pool) {
  (schema.getType('Product') as any).getFields().category.resolve = (p: Row, _: unknown, ctx: Context) =>
    p.categoryId ? ctx.loaders.category.load(p.categoryId) : null;
  (schema.getType('InvoiceItem') as any).getFields().product.resolve = (i: Row, _: unknown, ctx: Context) =>
    i.productId ? ctx.loaders.product.load(i.productId) : null;
  const invoice = (schema.getType('Invoice') as any).getFields();
  invoice.customer.resolve = (i: Row, _: unknown, ctx: Context) => (i.customerId ? ctx.loaders.customer.load(i.customerId) : null);
  invoice.items.resolve = (i: Row, _: unknown, ctx: Context) => ctx.loaders.items.load(i.id);
  invoice.payments.resolve = (i: Row, _: unknown, ctx: Context) => ctx.loaders.payments.load(i.id);
  return {
    plans: async () => (await platform.query('SELECT code, name FROM "Plan" ORDER BY "sortOrder"')).rows,
    product: async ({ id }: { id: string }) => (await tenant.query('SELECT * FROM "Product" WHERE id = $1', [id])).rows[0],
    products: async ({ first = 20 }: { first?: number }) => edges((await tenant.query('SELECT * FROM "Product" ORDER BY id LIMIT $1', [first + 1])).rows.slice(0, first)),
    invoices: async ({ first = 20 }: { first?: number }) => edges((await tenant.query('SELECT * FROM "Invoice" ORDER BY id DESC LIMIT $1', [first + 1])).rows.slice(0, first)),
  };
}

export async function startBaseline(platformUrl: string, tenantUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const platform = new pg.Pool({ connectionString: platformUrl, max: 5 });
  const tenant = new pg.Pool({ connectionString: tenantUrl, max: 5 });
  const root = resolvers(platform, tenant);
  const documents = new Map<string, DocumentNode>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString());
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        if (validate(schema, document).length) throw new Error('invalid query');
        documents.set(query, document);
      }
      const result = await execute({ schema, document, rootValue: root, contextValue: { loaders: loaders(tenant) }, variableValues: variables });
      const body = JSON.stringify(result);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([platform.end(), tenant.end()]);
    },
  };
}
