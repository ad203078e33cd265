// A tenant's data taken to an archive and loaded into a new tenant, wherever either
// lives: from every engine and isolation to every other (PostgreSQL to MariaDB and
// back, into and out of the pool). The archive holds every table the tenant's
// database has; what is loaded is the same, row for row and byte for byte in the
// neutral form; and the new tenant works on: its next journal entry and invoice take
// the next numbers, its books show the same balances.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportTenantArchive, loadTenantArchive } from '../../src/portability/tenantArchives';
import { verifyArchive } from '../../src/portability/verifyArchive';
import type { ArchiveManifest } from '../../src/portability/archiveManifest';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantEngines, tenantPlacements } from '../support/engines';
import { eventually } from '../support/eventually';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { archiveRows, catalogTables, fillThroughApi, rewriteArchive, type HeldTable } from '../support/tenantArchive';
import { balancesByCode, tenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let owner: TestUser;
let dir: string;

beforeAll(async () => {
  // Tenants on both engines from one gateway: TENANT_SERVERS holds PostgreSQL and, where there is one, MySQL.
  gw = await startTestGateway({ engine: MYSQL_URL ? 'mysql' : 'postgresql' });
  owner = await gw.createUser();
  dir = await mkdtemp(join(tmpdir(), 'tenant-archive-'));
}, 60_000);
afterAll(async () => {
  await gw.close();
  await rm(dir, { recursive: true, force: true });
});

/** "pg-da", "my-da", "pg-po": short, as a slug must be. */
const placed = ({ engine, isolation }: { engine: string; isolation: string }) =>
  `${engine.slice(0, 2).replace('po', 'pg')}-${isolation.slice(0, 2).toLowerCase()}`;
const apiOf = (tenant: TenantRecord) => tenantApi(gw, owner.token, tenant.slug);
const unrelayedEvents = (tenant: TenantRecord) => gw.withTenantDb(tenant, (db) => db.tenantEvent.count({ where: { relayedAt: null } }));
const entryNumbers = async (tenant: TenantRecord) =>
  (await apiOf(tenant).call('{ journalEntries(first: 100) { nodes { number } } }')).journalEntries.nodes.map((n: { number: number }) => n.number) as number[];
const POST =
  'mutation { postJournalEntry(input: { description: "after the restore", lines: [{ account: "1100", debit: "5" }, { account: "3100", credit: "5" }] }) { number } }';

describe.each(tenantPlacements)('from $engine, $isolation isolation', (from) => {
  let source: TenantRecord;
  let archive: string;
  let manifest: ArchiveManifest;

  beforeAll(async () => {
    source = await gw.createTenant({ slug: `from-${placed(from)}`, engine: from.engine, isolation: from.isolation, owner });
    await fillThroughApi(apiOf(source));
    // The relay marks events sent soon after each write: wait, so the archive (and every copy of it) holds them as sent.
    await eventually(async () => (await unrelayedEvents(source)) === 0);
    archive = join(dir, `${source.slug}.tar.gz`);
    const written = await exportTenantArchive(gw.services, source, archive);
    manifest = written.manifest;
    expect(written.rows).toBeGreaterThan(50);
  }, 60_000);

  test('the archive verifies and holds every table and column of the tenant database, in the neutral form', async () => {
    expect(await verifyArchive(archive)).toEqual(manifest);
    expect(manifest).toMatchObject({ format: 1, tenant: { id: source.id, slug: source.slug }, engine: from.engine, isolation: from.isolation });
    expect(manifest.migration).toMatch(/^\d{14}_/);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.table, [...t.columns].sort()]))).toEqual(await catalogTables(gw, source));

    const rows = await archiveRows(archive);
    const product = rows.Product.find((p) => p.sku === 'SAW-1')!;
    expect(product).toMatchObject({
      price: '12.50',
      cost: '1.25',
      stock: '-2.000',
      trackStock: true,
      attributes: { grip: 'oak', nested: { a: [true, null], z: 1 }, teeth: 24 },
      tags: ['b', 'a'],
      description: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(Object.keys(product.attributes as object)).toEqual(['grip', 'nested', 'teeth']);
    expect(rows.JournalEntry.find((e) => e.description === 'capital')).toMatchObject({ date: '2026-11-02T09:30:00.123Z', number: expect.any(Number) });
    const transfer = rows.Payment.find((p) => p.reference === 'TRX-1')!;
    expect(rows.BankStatementLine.find((l) => l.matchedPaymentId === transfer.id)).toMatchObject({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      reference: 'TRX-1',
    });
    expect(rows.BankStatementLine.find((l) => l.matchedPaymentId === null)).toMatchObject({ amount: '-4.75' });
    expect(rows.Invoice.find((i) => i.notes)).toMatchObject({ notes: 'line one\nline two', dueDate: '2026-12-31T00:00:00.000Z' });
    const saws = rows.Category.find((c) => c.name === 'Saws')!;
    const tools = rows.Category.find((c) => c.id === saws.parentId)!;
    expect(tools).toMatchObject({ name: 'Tools' });
    expect(rows.Category.find((c) => c.id === tools.parentId)).toMatchObject({ name: 'Workshop' });
    expect(rows.Category.findIndex((c) => c.name === 'Tools')).toBeLessThan(rows.Category.findIndex((c) => c.name === 'Workshop'));
  });

  describe.each(tenantPlacements)('into $engine, $isolation isolation', (to) => {
    test('every row arrives as it was, and the tenant works on', async () => {
      // As createTenant(restoreFrom:) builds it: the tables, the archive's rows instead of the default ones.
      const target = await gw.createTenant({ slug: `to-${placed(to)}-from-${placed(from)}`, engine: to.engine, isolation: to.isolation, owner, archive: { path: archive, manifest } });

      // Taken again, the copy is the same archive: the same files, byte for byte.
      const copy = join(dir, `${target.slug}.tar.gz`);
      const again = await exportTenantArchive(gw.services, target, copy);
      expect(await archiveRows(copy)).toEqual(await archiveRows(archive));
      expect(again.manifest.tables).toEqual(manifest.tables);

      const [api, before] = [apiOf(target), apiOf(source)];
      expect(await balancesByCode(api)).toEqual(await balancesByCode(before));
      const numbers = await entryNumbers(target);
      const { postJournalEntry } = await api.call(POST);
      // A pool's sequence is shared by its tenants: further on, perhaps, but never back.
      if (to.isolation === 'POOL') expect(postJournalEntry.number).toBeGreaterThan(Math.max(...numbers));
      else expect(postJournalEntry.number).toBe(Math.max(...numbers) + 1);
      const invoice = await api.createInvoice({ kind: 'SALE', items: [{ description: 'after', quantity: '1', unitPrice: '1' }] });
      const last = Math.max(...(await archiveRows(archive)).Invoice.map((i) => Number(String(i.number).slice('INV-'.length))));
      expect(invoice.number).toBe(`INV-${String(last + 1).padStart(6, '0')}`);
    });
  });
});

test('a tenant that holds rows already is left as it is: nothing is loaded into it (a restore job run again after a crash)', async () => {
  const [source] = tenantPlacements;
  const seeded = await gw.createTenant({ slug: 'seeded', engine: source.engine, owner });
  const archive = join(dir, 'seeded.tar.gz');
  const written = await exportTenantArchive(gw.services, seeded, archive);
  expect(await loadTenantArchive(gw.services, seeded, archive)).toBeNull();
  const again = join(dir, 'seeded-again.tar.gz');
  expect((await exportTenantArchive(gw.services, seeded, again)).manifest.tables).toEqual(written.manifest.tables);
});

/** An archive of a PostgreSQL tenant filled through the API, made once for the tests that change it. */
let fitting: Promise<string> | undefined;
const fittingArchive = () =>
  (fitting ??= (async () => {
    const source = await gw.createTenant({ slug: 'fitting', engine: 'postgresql', owner });
    await fillThroughApi(apiOf(source));
    const path = join(dir, 'fitting.tar.gz');
    await exportTenantArchive(gw.services, source, path);
    return path;
  })());

describe.each(tenantEngines)("an archive that does not fit the tenant's tables, into %s", (engine) => {
  let target: TenantRecord;
  let from: string;
  const variant = (name: string) => join(dir, `${engine}-${name}.tar.gz`);

  beforeAll(async () => {
    from = await fittingArchive();
    // A tenant with the tables and no rows: built from the archive with every table emptied.
    const empty = variant('empty');
    await rewriteArchive(from, empty, (t) => ({ ...t, rows: [] }));
    target = await gw.createTenant({ slug: `misfit-${engine.slice(0, 2)}`, engine, owner, archive: { path: empty, manifest: await verifyArchive(empty) } });
  }, 60_000);

  const refusals: Array<[string, Parameters<typeof rewriteArchive>[2], HeldTable[], RegExp]> = [
    [
      'a column the tenant does not have',
      (t) => (t.table === 'Product' ? { ...t, columns: [...t.columns, 'secret'], rows: t.rows.map((r) => ({ ...r, secret: 'x' })) } : t),
      [],
      /Product\.secret is not a column/,
    ],
    [
      'a table the tenant does not have',
      (t) => t,
      [{ model: 'Gadget', table: 'Gadget', columns: ['id'], rows: [{ id: 'g1' }] }],
      /table Gadget is not a table of this tenant/,
    ],
    [
      'no value for a column that needs one',
      (t) => (t.table === 'Product' ? { ...t, columns: t.columns.filter((c) => c !== 'sku') } : t),
      [],
      /Product\.sku needs a value and the archive has none/,
    ],
    [
      'a value not of its column’s form',
      (t) => (t.table === 'Product' ? { ...t, rows: t.rows.map((r, i) => (i === 1 ? { ...r, price: '12,50' } : r)) } : t),
      [],
      /tables\/Product\.ndjson line 2: price is "12,50", not a decimal/,
    ],
    [
      'a row that refers to one it does not hold',
      (t) => (t.table === 'Discount' ? null : t),
      [],
      /a row of tables\/Order\.ndjson refers to a row the archive does not hold/,
    ],
    [
      'two rows with one key',
      (t) => (t.table === 'Customer' ? { ...t, rows: [...t.rows, { ...t.rows[1], id: t.rows[0].id }] } : t),
      [],
      /two rows of tables\/Customer\.ndjson have the same/,
    ],
  ];

  test.each(refusals)('is refused with ARCHIVE_INVALID, loading nothing: %s', async (name, edit, added, message) => {
    const path = variant(name.replace(/\W+/g, '-'));
    await rewriteArchive(from, path, edit, added);
    await expect(loadTenantArchive(gw.services, target, path)).rejects.toMatchObject({
      extensions: { code: 'ARCHIVE_INVALID' },
      message: expect.stringMatching(message),
    });
  });

  test('an older archive, without a table and a column the tenant has since gained, loads: they are empty', async () => {
    const path = variant('older');
    await rewriteArchive(from, path, (t) =>
      t.table === 'TenantEvent' ? null : t.table === 'Product' ? { ...t, columns: t.columns.filter((c) => c !== 'description') } : t,
    );
    // The tenant is still empty: every refusal above loaded nothing.
    await loadTenantArchive(gw.services, target, path);
    const rows = await archiveRows(path);
    const { products } = await apiOf(target).call('{ products { totalCount nodes { description } } }');
    expect(products.totalCount).toBe(rows.Product.length);
    expect(products.nodes.every((p: { description: string | null }) => p.description === null)).toBe(true);
    expect(await gw.withTenantDb(target, (db) => db.tenantEvent.count())).toBe(0);
  });
});
