// A tenant's data leaves as an archive and comes back anywhere: exportTenant writes it
// while the tenant serves, its signed link downloads it, createTenant(restoreFrom:)
// builds a new tenant from it on every engine and isolation that answers what the
// source did, and restoreTenantFrom replaces a tenant's data in place with nothing
// failing meanwhile, undoable until the previous data is discarded.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tenantMigrations as tenantMigrationSet } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { withClient } from '../../src/db/withClient';
import { queueDueBackups } from '../../src/portability/backups';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { testServerUrl } from '../support/database';
import { createTenantViaApi, finishedJob } from '../support/provisioning';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { fillThroughApi, rewriteArchive, type HeldTable } from '../support/tenantArchive';
import { tenantServer } from '../support/tenantServer';
import { eventually } from '../support/eventually';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const EXPORT = 'mutation($t: String!) { exportTenant(tenant: $t) { id status job { id } } }';
const EXPORTS = 'query($t: String!) { tenantExports(tenant: $t) { id origin status sizeBytes sha256 tables rows migration engine downloadUrl expiresAt predatesErasure } }';
const RESTORE_IN_PLACE = 'mutation($t: String!, $e: ID!) { restoreTenantFrom(tenant: $t, exportId: $e) { job { id } } }';
const UNDO = 'mutation($t: String!) { undoRestore(tenant: $t) { slug status } }';
const SET_POLICY = 'mutation($t: String!, $p: BackupPolicyInput!) { setBackupPolicy(tenant: $t, policy: $p) { backupPolicy { everyHours keep nextAt } } }';
/** What a client reads of a tenant, in a stable order: equal answers mean the same data. */
const PICTURE = `{
  products(first: 100, orderBy: [SKU_ASC]) { nodes { id sku name price stock } }
  customers(first: 100) { nodes { id name email } }
  invoices(first: 100) { nodes { id number status total amountPaid customer { id } items { nodes { description quantity unitPrice } } } }
  orders(first: 100) { nodes { id number status total items { nodes { quantity unitPrice } } } }
}`;

const tenantMigrations = tenantMigrationSet('postgresql').migrations;
const ERASURE_MIGRATION_INDEX = tenantMigrations.findIndex((m) => m.name.endsWith('_customer_erasure'));

let gw: TestGateway;
let owner: TestUser;
let stranger: TestUser;
let viewer: TestUser;

const code = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';
const engines = MYSQL_URL ? (['postgresql', 'mysql'] as const) : (['postgresql'] as const);
const placements = [
  { engine: 'POSTGRESQL', isolation: 'DATABASE' },
  { engine: 'POSTGRESQL', isolation: 'SCHEMA' },
  { engine: 'POSTGRESQL', isolation: 'POOL' },
  ...(MYSQL_URL ? [{ engine: 'MYSQL', isolation: 'DATABASE' }] : []),
];

/** Its archives and spool, gone with the test. */
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tenantgraph-portability-'));
  gw = await startTestGateway({ engine: engines.at(-1), env: { DATA_DIR: dataDir } });
  owner = await gw.createUser();
  stranger = await gw.createUser();
  viewer = await gw.createUser();
}, 60_000);
afterAll(async () => {
  await gw?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function picture(api: TenantApi) {
  return { ...(await api.call(PICTURE)), balances: await balancesByCode(api) };
}

/** A tenant with a little of everything: categories, stock, customers, invoices issued and paid, an order, the books that follow. */
async function shopWithData(slug: string, engine: 'postgresql' | 'mysql') {
  await gw.createTenant({ slug, owner, engine, members: [[viewer, 'VIEWER']] });
  const api = tenantApi(gw, owner.token, slug);
  await fillThroughApi(api);
  return api;
}

async function exported(slug: string) {
  const started = await gw.request(EXPORT, { token: owner.token, variables: { t: slug } });
  expect(code(started)).toBe('ok');
  const job = await finishedJob(gw, owner.token, started.body.data.exportTenant.job.id);
  expect(job).toMatchObject({ kind: 'EXPORT', status: 'SUCCEEDED' });
  const list = await gw.request(EXPORTS, { token: owner.token, variables: { t: slug } });
  return list.body.data.tenantExports.find((e: { id: string }) => e.id === started.body.data.exportTenant.id);
}

describe.each(engines)('a tenant on %s', (engine) => {
  const slug = `source-${engine}`;
  let source: TenantApi;
  let archive: { id: string; sha256: string; downloadUrl: string; rows: number; tables: number };

  beforeAll(async () => {
    source = await shopWithData(slug, engine);
    archive = await exported(slug);
  }, 120_000);

  test('exports to a READY archive whose signed link downloads exactly it', async () => {
    expect(archive).toMatchObject({ origin: 'REQUESTED', status: 'READY', engine, predatesErasure: false });
    expect(archive.rows).toBeGreaterThan(5);
    // The link names PUBLIC_URL, or localhost at PORT: this gateway listens on a port of its own choosing.
    const link = new URL(archive.downloadUrl);
    expect(link.pathname).toBe(`/exports/${archive.id}/archive`);
    const onGateway = new URL(`${link.pathname}${link.search}`, gw.url);
    const response = await fetch(onGateway);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(archive.sha256);
    const forged = new URL(onGateway);
    forged.searchParams.set('signature', `${forged.searchParams.get('signature')!.slice(0, -2)}AA`);
    expect((await fetch(forged)).status).toBe(403);
  });

  test.each(placements)('restores into a new tenant on $engine, $isolation that answers what the source did', async (placement) => {
    const copy = `copy-${engine}-${placement.engine}-${placement.isolation}`.toLowerCase();
    const created = await createTenantViaApi(gw, owner.token, { slug: copy, ...placement, restoreFrom: archive.id });
    expect(await finishedJob(gw, owner.token, created.job.id)).toMatchObject({ status: 'SUCCEEDED' });
    const restored = tenantApi(gw, owner.token, copy);
    expect(await picture(restored)).toEqual(await picture(source));
    // It goes on as a tenant of its own: a new invoice takes the next number after the restored ones.
    const numbers = (await restored.call(PICTURE)).invoices.nodes.map((i: { number: string }) => Number(i.number.slice('INV-'.length)));
    const more = await restored.createInvoice({ kind: 'SALE', items: [{ description: 'polish', quantity: '1', unitPrice: '10' }] });
    expect(more.number).toBe(`INV-${String(Math.max(...numbers) + 1).padStart(6, '0')}`);
  }, 120_000);

  test('nobody outside the tenant exports it, lists its archives or builds from them; a VIEWER may not either', async () => {
    expect(code(await gw.request(EXPORT, { token: stranger.token, variables: { t: slug } }))).toBe('TENANT_NOT_FOUND');
    expect(code(await gw.request(EXPORTS, { token: stranger.token, variables: { t: slug } }))).toBe('TENANT_NOT_FOUND');
    expect(code(await gw.request(EXPORT, { token: viewer.token, variables: { t: slug } }))).toBe('FORBIDDEN');
    // Nor reaches one by its id, for its link or to delete it: to them it does not exist.
    expect(code(await gw.request('query($id: ID!) { tenantExport(id: $id) { downloadUrl } }', { token: stranger.token, variables: { id: archive.id } }))).toBe('NOT_FOUND');
    expect(code(await gw.request('mutation($id: ID!) { deleteTenantExport(id: $id) { status } }', { token: stranger.token, variables: { id: archive.id } }))).toBe('NOT_FOUND');
    expect(code(await gw.request('query($id: ID!) { tenantExport(id: $id) { downloadUrl } }', { token: viewer.token, variables: { id: archive.id } }))).toBe('FORBIDDEN');
    const stolen = await gw.request('mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }', {
      token: stranger.token,
      variables: { i: { slug: `thief-${engine}`, name: 'thief', restoreFrom: archive.id } },
    });
    expect(code(stolen)).toBe('NOT_FOUND');
  });
});

const inPlace: Array<{ engine: 'postgresql' | 'mysql'; isolation: 'DATABASE' | 'SCHEMA' }> = [
  { engine: 'postgresql', isolation: 'DATABASE' },
  { engine: 'postgresql', isolation: 'SCHEMA' },
  ...(MYSQL_URL ? [{ engine: 'mysql' as const, isolation: 'DATABASE' as const }] : []),
];

/** Whether a restore's database (or schema) is there. */
async function placeExists(engine: 'postgresql' | 'mysql', place: { databaseName: string; schemaName: string | null }): Promise<boolean> {
  if (place.schemaName) {
    const found = await withClient({ connectionString: withDatabase(testServerUrl(), place.databaseName) }, (c) =>
      c.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [place.schemaName]),
    );
    return found.rowCount === 1;
  }
  return (await tenantServer(engine, engine === 'mysql' ? MYSQL_URL! : testServerUrl()).databases(place.databaseName)).includes(place.databaseName);
}

describe.each(inPlace)('in place, on $engine with $isolation isolation', ({ engine, isolation }) => {
  const slug = `in-place-${engine}-${isolation}`.toLowerCase();
  let api: TenantApi;

  beforeAll(async () => {
    await gw.createTenant({ slug, owner, engine, isolation, members: [[viewer, 'VIEWER']] });
    api = tenantApi(gw, owner.token, slug);
    await fillThroughApi(api);
  }, 60_000);

  test('restoreTenantFrom brings back the archive’s data with no request failing, undoRestore brings back what came after, and the unused data is discarded later', async () => {
    const before = await picture(api);
    const archive = await exported(slug);
    await api.createProduct({ sku: 'AFTER-1', name: 'made after the export', kind: 'GOODS', price: '1' });
    const after = await picture(api);
    expect(code(await gw.request(RESTORE_IN_PLACE, { token: viewer.token, variables: { t: slug, e: archive.id } }))).toBe('FORBIDDEN');

    let reading = true;
    const failures: string[] = [];
    const reads = (async () => {
      while (reading) {
        const response = await gw.request('{ products { totalCount } }', { token: owner.token, tenant: slug });
        if (response.body.errors) failures.push(code(response));
      }
    })();
    const started = await gw.request(RESTORE_IN_PLACE, { token: owner.token, variables: { t: slug, e: archive.id } });
    expect(code(started)).toBe('ok');
    const restoreJob = await finishedJob(gw, owner.token, started.body.data.restoreTenantFrom.job.id);
    expect(restoreJob).toMatchObject({ kind: 'RESTORE', status: 'SUCCEEDED', error: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    reading = false;
    await reads;
    expect(failures).toEqual([]);
    expect(await picture(api)).toEqual(before);

    expect(await gw.request(UNDO, { token: owner.token, variables: { t: slug } }).then((r) => r.body.data.undoRestore)).toEqual({ slug, status: 'ACTIVE' });
    expect(await picture(api)).toEqual(after);
    expect(code(await gw.request(UNDO, { token: owner.token, variables: { t: slug } }))).toBe('BAD_USER_INPUT');

    // Once its keep time is over (brought forward here), the restored data the undo left unused is dropped, and the tenant's own stays.
    const restore = await gw.services.platform.tenantRestore.findFirstOrThrow({ where: { tenant: { slug } } });
    expect(await placeExists(engine, restore)).toBe(true);
    await gw.services.platform.$executeRawUnsafe(`SELECT graphile_worker.reschedule_jobs(array_agg(id), run_at := now()) FROM graphile_worker.jobs WHERE key = $1`, `discard-${restore.id}`);
    await eventually(async () => !(await placeExists(engine, restore)), 20_000, 100);
    expect(await placeExists(engine, { databaseName: restore.previousDatabaseName!, schemaName: restore.previousSchemaName })).toBe(true);
    expect(await picture(api)).toEqual(after);
  }, 120_000);
});

test('a POOL tenant is not restored in place: its rows share their tables', async () => {
  await gw.createTenant({ slug: 'pooled', owner, isolation: 'POOL', engine: 'postgresql' });
  const archive = await exported('pooled');
  const refused = await gw.request(RESTORE_IN_PLACE, { token: owner.token, variables: { t: 'pooled', e: archive.id } });
  expect(refused.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'tenant' });
});

describe('exports and backups of one tenant', () => {
  const slug = 'in-place';

  beforeAll(async () => {
    await shopWithData(slug, 'postgresql');
  }, 60_000);

  test('one export of a tenant at a time', async () => {
    const first = await gw.request(EXPORT, { token: owner.token, variables: { t: slug } });
    const second = await gw.request(EXPORT, { token: owner.token, variables: { t: slug } });
    expect(code(first)).toBe('ok');
    expect(second.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', exportId: first.body.data.exportTenant.id });
    await finishedJob(gw, owner.token, first.body.data.exportTenant.job.id);
  });

  test('an archive taken before a customer is erased says so, for an operator to delete: its link stops working at once', async () => {
    const archive = await exported(slug);
    expect(archive.predatesErasure).toBe(false);
    const api = tenantApi(gw, owner.token, slug);
    const customer = await api.createCustomer('Erin Example');
    await api.call('mutation($id: ID!) { eraseCustomer(id: $id) { id } }', { id: customer });
    const listed = await gw.request(EXPORTS, { token: owner.token, variables: { t: slug } });
    expect(listed.body.data.tenantExports.find((e: { id: string }) => e.id === archive.id)).toMatchObject({ predatesErasure: true });

    const link = new URL(archive.downloadUrl);
    const onGateway = new URL(`${link.pathname}${link.search}`, gw.url);
    expect((await fetch(onGateway)).status).toBe(200);
    const deleted = await gw.request('mutation($id: ID!) { deleteTenantExport(id: $id) { status } }', { token: owner.token, variables: { id: archive.id } });
    expect(deleted.body.data.deleteTenantExport).toEqual({ status: 'DELETED' });
    expect((await fetch(onGateway)).status).toBe(403);
    const after = await gw.request(EXPORTS, { token: owner.token, variables: { t: slug } });
    expect(after.body.data.tenantExports.map((e: { id: string }) => e.id)).not.toContain(archive.id);
  });

  test('scheduled backups are queued when due, spread by tenant, and pruned to the newest `keep`', async () => {
    const policy = await gw.request(SET_POLICY, { token: owner.token, variables: { t: slug, p: { everyHours: 24, keep: 1 } } });
    expect(policy.body.data.setBackupPolicy.backupPolicy).toEqual({ everyHours: 24, keep: 1, nextAt: null });
    const now = Date.now();
    await queueDueBackups(gw.services, new Date(now));
    const { nextBackupAt } = await gw.services.platform.tenant.findUniqueOrThrow({ where: { slug } });
    // After one whole interval, at the point of the next one the tenant's id picks.
    expect(nextBackupAt!.getTime()).toBeGreaterThanOrEqual(now + 24 * 3_600_000);
    expect(nextBackupAt!.getTime()).toBeLessThan(now + 48 * 3_600_000);
    // Days later, as the sweep sees it (the other tenants here, on their plan's policy, come due as well).
    const backupsOf = () => gw.services.platform.tenantExport.findMany({ where: { tenant: { slug }, origin: 'SCHEDULED' }, orderBy: { createdAt: 'asc' } });
    for (const day of [2, 3]) {
      await queueDueBackups(gw.services, new Date(now + day * 24 * 3_600_000));
      const backups = await backupsOf();
      expect(backups).toHaveLength(day - 1);
      await finishedJob(gw, owner.token, backups.at(-1)!.jobId!);
    }
    expect((await backupsOf()).map((b) => b.status)).toEqual(['DELETED', 'READY']);
    const list = await gw.request(EXPORTS, { token: owner.token, variables: { t: slug } });
    expect(list.body.data.tenantExports.filter((e: { origin: string }) => e.origin === 'SCHEDULED')).toHaveLength(1);
    const metrics = await (await fetch(new URL('/metrics', gw.url))).text();
    expect(metrics).toMatch(/^tenantgraph_tenant_exports\{origin="SCHEDULED",status="READY"\} [1-9]/m);
  }, 60_000);
});

describe('an archive from elsewhere', () => {
  const slug = 'old-source';
  let source: TenantApi;
  let dir: string;
  let current: string;

  beforeAll(async () => {
    source = await shopWithData(slug, 'postgresql');
    dir = await mkdtemp(path.join(tmpdir(), 'tenantgraph-archives-'));
    const archive = await exported(slug);
    const link = new URL(archive.downloadUrl);
    current = path.join(dir, 'current.tar.gz');
    await writeFile(current, Buffer.from(await (await fetch(new URL(`${link.pathname}${link.search}`, gw.url))).arrayBuffer()));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function upload(file: string) {
    const response = await fetch(new URL(`/exports?tenant=${slug}`, gw.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/gzip' },
      body: await readFile(file),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  test.each(placements)('taken at an older migration, it is uploaded, restored on $engine, $isolation and carried forward by the migrations since', async (placement) => {
    // As this tenant was before Customer.erasedAt existed: without the column, at the migration before the one that added it.
    const older = path.join(dir, `older-${placement.engine}-${placement.isolation}.tar.gz`);
    const before = ERASURE_MIGRATION_INDEX - 1;
    // Nor had it the tables of the migrations after that one.
    const later = new Set(tenantMigrations.slice(before + 1).flatMap((m) => m.statements.flatMap((sql) => [...sql.matchAll(/CREATE TABLE "(\w+)"/g)].map(([, table]) => table))));
    const asBefore = (t: HeldTable) =>
      later.has(t.table) ? null : t.table === 'Customer' ? { ...t, columns: t.columns.filter((c) => c !== 'erasedAt'), rows: t.rows.map(({ erasedAt: _, ...row }) => row) } : t;
    await rewriteArchive(current, older, asBefore, [], { migration: tenantMigrations[before].name });
    const id = await upload(older);
    const copy = `old-${placement.engine}-${placement.isolation}`.toLowerCase();
    const created = await createTenantViaApi(gw, owner.token, { slug: copy, ...placement, restoreFrom: id });
    expect(await finishedJob(gw, owner.token, created.job.id)).toMatchObject({ status: 'SUCCEEDED' });
    const restored = tenantApi(gw, owner.token, copy);
    expect(await picture(restored)).toEqual(await picture(source));
    const { customers } = await restored.call('{ customers { nodes { erasedAt } } }');
    expect(customers.nodes.every((c: { erasedAt: string | null }) => c.erasedAt === null)).toBe(true);
  }, 120_000);

  test('taken at a migration this release does not have, its restore fails at once, saying so', async () => {
    const future = path.join(dir, 'future.tar.gz');
    await rewriteArchive(current, future, (t) => t, [], { migration: '29991231000000_from_the_future' });
    const id = await upload(future);
    const created = await createTenantViaApi(gw, owner.token, { slug: 'from-the-future', restoreFrom: id });
    const job = await finishedJob(gw, owner.token, created.job.id);
    expect(job).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(job.error).toMatch(/taken at migration 29991231000000_from_the_future, which this release does not have/);
  }, 60_000);
});
