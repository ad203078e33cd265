// A plan is made once per document and shared by every tenant that sends it; what
// it reads is decided per request. The same document, planned for tenant A, then
// sent for tenant B, runs on B's database and names only B's schema. Statements
// are seen where they leave for the server: the connection's database and text.
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

interface Sent {
  database: string;
  text: string;
}

let sent: Sent[] = [];

const DOCUMENT = `query Shared { products { edges { node { sku category { name } } } } invoices { totalCount } }`;

let gw: TestGateway;
let owner: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({ observeTenantStatements: (text, database) => sent.push({ database, text }) });
  owner = await gw.createUser();
  for (const [slug, isolation] of [['plan-s1', 'SCHEMA'], ['plan-s2', 'SCHEMA'], ['plan-d1', 'DATABASE'], ['plan-d2', 'DATABASE']] as const) {
    await gw.createTenant({ slug, isolation, owner });
    const created = await gw.request(`mutation { createProduct(input: { sku: "${slug}", name: "${slug}", kind: GOODS, price: "1" }) { id } }`, { token: owner.token, tenant: slug });
    expect(created.body.errors).toBeUndefined();
  }
});
afterAll(() => gw.close());

async function sentFor(tenant: string): Promise<{ skus: string[]; sent: Sent[] }> {
  sent = [];
  const response = await gw.request(DOCUMENT, { token: owner.token, tenant });
  expect(response.body.errors).toBeUndefined();
  return { skus: response.body.data.products.edges.map((e: { node: { sku: string } }) => e.node.sku), sent };
}

test.each([
  ['plan-s1', 'plan-s2'],
  ['plan-d1', 'plan-d2'],
])('the plans made for %s read only %s when it sends the same document', async (first, second) => {
  const a = await gw.services.registry.find(first);
  const b = await gw.services.registry.find(second);
  const planned = await sentFor(first);
  expect(planned.skus).toEqual([first]);
  const reused = await sentFor(second);
  expect(reused.skus).toEqual([second]);
  // One statement per root field, each on B's database, naming B's schema and never A's.
  expect(reused.sent.map((s) => s.database)).toEqual([b!.databaseName, b!.databaseName]);
  const [products, invoices] = reused.sent.map((s) => s.text);
  const schema = `"${b!.schemaName ?? 'public'}"`;
  expect(products).toContain(`${schema}."Product"`);
  expect(products).toContain(`${schema}."Category"`);
  expect(invoices).toContain(`${schema}."Invoice"`);
  for (const text of [products, invoices]) {
    if (a!.schemaName) expect(text).not.toContain(a!.schemaName);
    expect(text).not.toContain('__tenant__');
  }
});
