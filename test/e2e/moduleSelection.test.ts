// A deployment that leaves built-in modules out (TENANT_MODULES) is built as its users
// build it: the project copied, `npm run build` with the setting. Its gateway, run as a
// process, serves the modules kept and nothing of the others: a catalogue-only tenant has
// products and categories, and no invoice, order, customer or account anywhere in its
// schema, from its tenants' defaults to its demo data. The books without the shop build
// too. Each build takes 30 to 60 s, so the file makes two and asks everything of them.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../../src/demo/demoData';
import { testDatabases } from '../support/database';
import { eventually } from '../support/eventually';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { CREATE_TENANT, JOB } from '../support/provisioning';

const root = path.resolve(__dirname, '../..');
const BUILD_TIMEOUT_MS = 10 * 60_000;

interface Build {
  dir: string;
  seconds: number;
}

const builds: Build[] = [];

/** This project with only the built-in modules `modules` (and core): its sources as git sees them copied, node_modules linked, `npm run build`. */
async function buildWith(modules: string): Promise<Build> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tenantgraph-modules-${modules.replace(/,/g, '-')}-`));
  const listed = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  for (const file of listed.split('\0').filter(Boolean)) {
    if (lstatSync(path.join(root, file), { throwIfNoEntry: false })?.isFile()) cpSync(path.join(root, file), path.join(dir, file));
  }
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'));
  // The project's own tenant-models/ only, as a deployment that set nothing else would have.
  const env: NodeJS.ProcessEnv = { ...process.env, TENANT_MODULES: modules, TENANT_MODELS_DIR: undefined };
  const started = performance.now();
  try {
    await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: dir, env, timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 << 20 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`TENANT_MODULES=${modules} npm run build failed:\n${stdout}${stderr}`);
  }
  const build = { dir, seconds: (performance.now() - started) / 1000 };
  builds.push(build);
  console.log(`TENANT_MODULES=${modules}: npm run build took ${build.seconds.toFixed(1)} s`);
  return build;
}

const dbs = testDatabases();
let gateway: GatewayProcess;
let token: string;

async function post(query: string, { variables = {}, tenant, as = token }: { variables?: Record<string, unknown>; tenant?: string; as?: string } = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { authorization: `Bearer ${as}` } : {}), ...(tenant ? { 'x-tenant': tenant } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: { code: string } }> };
}

async function ok(query: string, options?: Parameters<typeof post>[1]) {
  const { data, errors } = await post(query, options);
  if (errors) throw new Error(`${query}: ${JSON.stringify(errors)}`);
  return data;
}

beforeAll(async () => {
  const catalogue = await buildWith('catalogue');
  // With the demo on: each demo tenant gets what the catalogue module writes of it.
  gateway = await startGatewayProcess({ ...processEnv(dbs), DEMO: 'true' }, path.join(catalogue.dir, 'dist/src/main.js'));
  token = (await ok('mutation { signUp(input: { email: "shelf@example.com", password: "long enough", name: "Shelf" }) { token } }', { as: '' })).signUp.token;
  const { job } = (await ok(CREATE_TENANT, { variables: { input: { slug: 'shelf', name: 'Shelf' } } })).createTenant;
  const finished = await eventually(async () => {
    const { provisioningJob } = await ok(JOB, { variables: { id: job.id } });
    return ['SUCCEEDED', 'FAILED'].includes(provisioningJob.status) ? provisioningJob : null;
  }, 120_000);
  expect(finished).toMatchObject({ status: 'SUCCEEDED' });
}, BUILD_TIMEOUT_MS + 180_000);

afterAll(async () => {
  await gateway?.stop();
  await dbs.drop();
  for (const { dir } of builds) rmSync(dir, { recursive: true, force: true });
});

const TYPE_REF = 'name kind ofType { name kind ofType { name kind ofType { name kind } } }';
const INTROSPECTION = `{ __schema {
  queryType { fields { name } }
  mutationType { fields { name } }
  types { name fields { name type { ${TYPE_REF} } } inputFields { name type { ${TYPE_REF} } } }
} }`;

interface TypeRef {
  name: string | null;
  ofType: TypeRef | null;
}
interface SchemaType {
  name: string;
  fields: Array<{ name: string; type: TypeRef }> | null;
  inputFields: Array<{ name: string; type: TypeRef }> | null;
}
const named = (type: TypeRef): string => type.name ?? named(type.ofType!);

// The models of the modules left out, as the full build's schema names them and the types made from them.
const LEFT_OUT = /^(Customer|Account|JournalEntry|JournalLine|Invoice|Payment|StockMovement|StockLevel|StockAdjustment|BankAccount|BankStatement|Order|Discount|SalesReport|ProductSales|TrialBalance|LedgerEntry)/;

test('a catalogue-only build serves the catalogue and core, and no type or field of the modules left out', async () => {
  const { __schema: schema } = await ok(INTROSPECTION);
  const types: SchemaType[] = schema.types;
  const typeNames = types.map((t) => t.name);
  expect(typeNames).toEqual(expect.arrayContaining(['Product', 'Category', 'BomComponent', 'ProductKind', 'ProductTranslation', 'TenantSettings', 'AnalyticsEvent']));
  expect(typeNames.filter((name) => LEFT_OUT.test(name))).toEqual([]);
  // Not as the type of any field either: no back relation (Product.invoiceItems), no argument type.
  const fieldsOfLeftOut = types.flatMap((t) => [...(t.fields ?? []), ...(t.inputFields ?? [])].filter((f) => LEFT_OUT.test(named(f.type))).map((f) => `${t.name}.${f.name}`));
  expect(fieldsOfLeftOut).toEqual([]);

  const queries = schema.queryType.fields.map((f: { name: string }) => f.name);
  const mutations = schema.mutationType.fields.map((f: { name: string }) => f.name);
  expect(queries).toEqual(expect.arrayContaining(['products', 'product', 'categories', 'settings', 'analyticsEvents', 'webhooks']));
  expect(mutations).toEqual(expect.arrayContaining(['createProduct', 'createCategory', 'setProductComponents', 'trackEvent', 'createWebhook']));
  const leftOut = ['invoices', 'orders', 'customers', 'accounts', 'journalEntries', 'trialBalance', 'salesReport', 'topProducts', 'stockLevels', 'bankStatementLines'];
  expect(queries.filter((name: string) => leftOut.includes(name))).toEqual([]);
  const leftOutMutations = ['createInvoice', 'createOrder', 'createCustomer', 'postJournalEntry', 'adjustStock', 'assembleProduct', 'createBankAccount', 'createDiscount'];
  expect(mutations.filter((name: string) => leftOutMutations.includes(name))).toEqual([]);

  // What a client of the full build would ask is refused as a query of another schema.
  const { errors } = await post('{ invoices { totalCount } }', { tenant: 'shelf' });
  expect(errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

test('its tenant starts with its defaults, and products are created (within the plan) and listed', async () => {
  const { settings, categories } = await ok('{ settings { reportTimeZone } categories { nodes { id name } } }', { tenant: 'shelf' });
  expect(settings.reportTimeZone).toBe('UTC');
  expect(categories.nodes.map((c: { name: string }) => c.name)).toEqual(['General']);
  for (const [sku, price] of [['MUG', '12.50'], ['TEE', '24.00']]) {
    await ok('mutation($i: ProductInput!) { createProduct(input: $i) { id } }', {
      tenant: 'shelf',
      variables: { i: { sku, name: sku, kind: 'GOODS', price, categoryId: categories.nodes[0].id } },
    });
  }
  const { products } = await ok('{ products(orderBy: [PRICE_DESC]) { totalCount nodes { sku price currency category { name } } } }', { tenant: 'shelf' });
  expect(products).toEqual({
    totalCount: 2,
    nodes: [
      { sku: 'TEE', price: '24', currency: 'USD', category: { name: 'General' } },
      { sku: 'MUG', price: '12.5', currency: 'USD', category: { name: 'General' } },
    ],
  });
});

test('its demo tenants get their catalogue: products, categories and bills of materials, with their opening stock', async () => {
  const demo = (await ok(`mutation { login(email: "admin@talanou.com", password: "${DEMO_PASSWORD}") { token } }`, { as: '' })).login.token;
  const { products } = await ok('{ products(first: 20) { totalCount nodes { sku stock category { name } components { nodes { quantity component { sku } } } } } }', { tenant: 'talanou', as: demo });
  expect(products.totalCount).toBe(8);
  const ring = products.nodes.find((p: { sku: string }) => p.sku === 'RING-101');
  // Nothing was sold nor assembled: that is invoicing's.
  expect(ring).toMatchObject({ stock: '12', category: { name: 'زیورآلات طلا' } });
  expect(ring.components.nodes).toEqual([
    { quantity: '3.8', component: { sku: 'GOLD-18K' } },
    { quantity: '1', component: { sku: 'STONE-TURQ' } },
  ]);
});

test('catalogue, customers, books and invoicing build without the bank and the shop: invoices and top products, no orders and no sales report', async () => {
  const books = await buildWith('catalogue,customers,books,invoicing');
  execFileSync(process.execPath, [path.join(books.dir, 'dist/src/cli/emitSchema.js')], { cwd: books.dir, timeout: 60_000 });
  const schema = readFileSync(path.join(books.dir, 'schema.graphql'), 'utf8');
  const types = [...schema.matchAll(/^(?:type|input|enum) (\w+)/gm)].map(([, name]) => name);
  expect(types).toEqual(expect.arrayContaining(['Invoice', 'Payment', 'StockMovement', 'Customer', 'Account', 'JournalEntry', 'TrialBalance', 'ProductSales']));
  expect(types.filter((name) => /^(Order|Discount|BankAccount|BankStatement|SalesReport)/.test(name))).toEqual([]);
  expect(schema).toMatch(/^ {2}topProducts\(/m);
  expect(schema).not.toMatch(/^ {2}salesReport\(/m);
}, BUILD_TIMEOUT_MS);
