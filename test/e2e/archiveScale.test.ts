// A tenant of some size exports and loads in seconds: 10,000 products and 10,000
// invoices, each with three items and a payment (60,000 rows), made straight in its
// tables, taken to an archive and loaded into a new tenant on each engine. Rows go
// in batches and pages, so this is a handful of statements per table, not one a row.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import { exportTenantArchive, loadTenantArchive } from '../../src/portability/tenantArchives';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantEngines } from '../support/engines';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const PRODUCTS = 10_000;
const INVOICES = 10_000;
/** What "seconds, not minutes" allows each step, on a slow CI machine. */
const WITHIN_MS = 20_000;

let gw: TestGateway;
let owner: TestUser;
let dir: string;
let source: TenantRecord;
let archive: string;

const seconds = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

beforeAll(async () => {
  gw = await startTestGateway({ engine: MYSQL_URL ? 'mysql' : 'postgresql' });
  owner = await gw.createUser();
  dir = await mkdtemp(join(tmpdir(), 'archive-scale-'));
  source = await gw.createTenant({ slug: 'large', engine: 'postgresql', owner });
  await withTenantSql(gw.services.servers.connectionOf(source), async (sql) => {
    await sql.query(`INSERT INTO "Product" (id, sku, name, kind, price, cost, currency, attributes, "updatedAt")
      SELECT gen_random_uuid(), 'SKU-' || n, 'Product ' || n, 'GOODS', (n % 500) + 0.99, 0.5, 'USD', jsonb_build_object('n', n), now() FROM generate_series(1, ${PRODUCTS}) n`);
    await sql.query(`INSERT INTO "Invoice" (id, number, kind, status, currency, subtotal, total, "amountPaid", "updatedAt")
      SELECT gen_random_uuid(), 'INV-' || lpad(n::text, 6, '0'), 'SALE', 'PAID', 'USD', 30.00, 30.00, 30.00, now() FROM generate_series(1, ${INVOICES}) n`);
    await sql.query(`INSERT INTO "InvoiceItem" (id, "invoiceId", "productId", description, quantity, "unitPrice", "lineTotal", position)
      SELECT gen_random_uuid(), i.id, p.id, 'item ' || k, 1, 10.00, 10.00, k
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM "Invoice") i
      CROSS JOIN generate_series(1, 3) k
      JOIN (SELECT id, row_number() OVER (ORDER BY id) AS r FROM "Product") p ON p.r = ((i.r * 3 + k) % ${PRODUCTS}) + 1`);
    await sql.query(`INSERT INTO "Payment" (id, "invoiceId", amount, method) SELECT gen_random_uuid(), id, 30.00, 'CASH' FROM "Invoice"`);
  });
  archive = join(dir, 'large.tar.gz');
}, 60_000);
afterAll(async () => {
  await gw.close();
  await rm(dir, { recursive: true, force: true });
});

test('the tenant exports in seconds', async () => {
  const [written, ms] = await seconds(() => exportTenantArchive(gw.services, source, archive));
  expect(written.manifest.tables.filter((t) => ['Product', 'Invoice', 'InvoiceItem', 'Payment'].includes(t.table)).map((t) => [t.table, t.rows])).toEqual([
    ['Invoice', INVOICES],
    ['Payment', INVOICES],
    ['Product', PRODUCTS],
    ['InvoiceItem', INVOICES * 3],
  ]);
  expect(ms).toBeLessThan(WITHIN_MS);
});

test.each(tenantEngines)('it loads into a new %s tenant in seconds', async (engine) => {
  const target = await gw.createTenant({ slug: `large-on-${engine}`, engine, owner, seed: false });
  const [loaded, ms] = await seconds(() => loadTenantArchive(gw.services, target, archive));
  expect(loaded.rows).toBeGreaterThanOrEqual(PRODUCTS + INVOICES * 5);
  expect(ms).toBeLessThan(WITHIN_MS);
  const { invoices } = await gw.request('{ invoices { totalCount } }', { token: owner.token, tenant: target.slug }).then((r) => r.body.data);
  expect(invoices.totalCount).toBe(INVOICES);
});
