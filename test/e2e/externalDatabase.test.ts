// Bring your own database, on PostgreSQL and on MySQL/MariaDB: the job connects to
// it, refuses one of the platform's own, keeps the customer's tables and those of
// ours that are already there and match (an earlier copy of our schema is brought
// up to date by the later migrations), creates the rest, records the migrations
// as a baseline, seeds and verifies. A table of ours that does not match stops the
// job, named. The URL is sealed at rest and never shown or logged; a wrong one fails
// the job with advice, not with secrets.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Engine } from '../../src/engine';
import { tenantStorageName } from '../../src/db/identifiers';
import { isCreateTable, tenantMigrations } from '../../src/db/migrations';
import { migrationStatus } from '../../src/db/migrator';
import type { SqlConnection } from '../../src/db/sqlConnection';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { createdType, tableOf } from '../../src/provisioning/migrationColumns';
import { totalTables } from '../../src/provisioning/tenantSchema';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import type { JobWorker } from '../../src/provisioning/jobs/jobWorker';
import { onServer, testServerUrl } from '../support/database';
import { tenantEngines } from '../support/engines';
import { connectWs, operate } from '../support/graphqlWs';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { CREATE_TENANT, PROGRESS, createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

/** A database server the customer owns: a user of theirs with a password, and databases that user may use. */
interface CustomerServer {
  /** The server as its administrator: where the platform's own databases are reachable too. */
  adminUrl: string;
  url(db: string, user?: string, port?: string): string;
  setUp(databases: string[]): Promise<void>;
  createDatabase(db: string): Promise<void>;
  tearDown(databases: string[]): Promise<void>;
  /** A database that is the server's own, not a customer's. */
  systemDatabase: string;
}

const suffix = randomBytes(4).toString('hex');
const user = `byo_${suffix}`;
const password = `Pw-${randomBytes(8).toString('hex')}`;

function customerServer(engine: Engine): CustomerServer {
  const adminUrl = engine === 'mysql' ? MYSQL_URL! : testServerUrl();
  const server = new URL(adminUrl);
  const scheme = engine === 'mysql' ? 'mysql' : 'postgresql';
  const url = (db: string, as = user, port = server.port || (engine === 'mysql' ? '3306' : '5432')) =>
    `${scheme}://${as}:${password}@${server.hostname}:${port}/${db}`;
  if (engine === 'postgresql') {
    return {
      adminUrl,
      url,
      systemDatabase: 'postgres',
      setUp: async () => void (await onServer(`CREATE ROLE "${user}" LOGIN PASSWORD '${password}'`)),
      createDatabase: async (db) => void (await onServer(`CREATE DATABASE "${db}" OWNER "${user}"`)),
      async tearDown(databases) {
        for (const db of databases) await onServer(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
        await onServer(`DROP ROLE IF EXISTS "${user}"`);
      },
    };
  }
  const admin = (statements: string[]) => withMysql(adminUrl, async (sql) => void (await Promise.all(statements.map((s) => sql.query(s)))));
  return {
    adminUrl,
    url,
    systemDatabase: 'mysql',
    // Granted by name before some of the databases exist: MySQL allows that.
    setUp: (databases) => admin([`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`, ...databases.map((db) => `GRANT ALL ON \`${db}\`.* TO '${user}'@'%'`)]),
    createDatabase: (db) => admin([`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`]),
    tearDown: (databases) => admin([...databases.map((db) => `DROP DATABASE IF EXISTS \`${db}\``), `DROP USER IF EXISTS '${user}'@'%'`]),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe.each(tenantEngines)('on %s', (engine) => {
  const byo = customerServer(engine);
  const migrations = tenantMigrations(engine);
  const tables = totalTables(migrations);
  const database = `byo_${suffix}`;
  const mismatched = `byo_${suffix}_mismatch`;
  const missing = `byo_${suffix}_later`;
  const asCustomer = <T>(db: string, work: (sql: SqlConnection) => Promise<T>) => withTenantSql({ url: byo.url(db), schema: null }, work);

  let logs = '';
  let gw: TestGateway;
  let worker: JobWorker;
  let owner: TestUser;

  beforeAll(async () => {
    await byo.setUp([database, mismatched, missing]);
    await byo.createDatabase(database);
    await byo.createDatabase(mismatched);
    await asCustomer(database, async (sql) => {
      // The customer's own table, and our Product table as the first migration made it (later ones add columns to it), with a row.
      await sql.query('CREATE TABLE legacy_notes (id INTEGER PRIMARY KEY, body VARCHAR(100))');
      await sql.query(`INSERT INTO legacy_notes (id, body) VALUES (1, 'kept')`);
      const product = migrations.migrations[0].statements.filter(
        (s) => createdType(s) === 'ProductKind' || (tableOf(s) === 'Product' && isCreateTable(s)),
      );
      for (const statement of product) await sql.query(statement);
      await sql.query(
        `INSERT INTO "Product" ("id", "sku", "name", "kind", "price", "currency", "updatedAt")
         VALUES ('00000000-0000-4000-8000-000000000001', 'RING-1', 'Old ring', 'JEWELRY', 120, 'EUR', CURRENT_TIMESTAMP)`,
      );
    });
    await asCustomer(mismatched, (sql) => sql.query('CREATE TABLE "Customer" ("id" VARCHAR(36) PRIMARY KEY, "name" INTEGER)'));
    // Everything the gateway logs, at the most talkative level.
    const sink = new Writable({ write: (chunk, _encoding, done) => ((logs += chunk), done()) });
    gw = await startTestGateway({ engine, env: { JOB_MAX_ATTEMPTS: '2', JOB_CONCURRENCY: '0' }, log: pino({ level: 'trace' }, sink) });
    worker = await gw.startWorker(2);
    owner = await gw.createUser();
  });
  afterAll(async () => {
    await gw.close();
    await byo.tearDown([database, mismatched, missing]);
  });

  const tenantOf = (slug: string) => gw.services.platform.tenant.findUniqueOrThrow({ where: { slug } });

  /** Creates a tenant with the workers held back, so every event of its job is seen; returns them. */
  async function provisionWatched(input: Record<string, unknown>) {
    await worker.stop();
    const { job } = await createTenantViaApi(gw, owner.token, input);
    const { client } = connectWs(gw.url, { authorization: `Bearer ${owner.token}` });
    const progress = operate(client, PROGRESS, { jobId: job.id });
    await progress.until(() => true);
    worker = await gw.startWorker(2);
    const events = (await progress.done).map((r) => r.data.provisioningProgress);
    await client.dispose();
    return events;
  }

  test('your database with an earlier copy of one of our tables: it is kept with its rows and brought up to date, the rest are created, and it serves', async () => {
    const events = await provisionWatched({ slug: 'own-db', external: { url: byo.url(database) } });
    const messages = events.map((e) => e.message);
    expect(messages).toContain("found 2 tables in your database, 1 of them the tenant schema's");
    expect(messages).toContain(`kept 1 table already in your database (Product); brought Product up to date with later migrations; created ${tables - 1}`);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', error: null, tablesCreated: tables, attempts: 1 });
    expect((await tenantOf('own-db')).status).toBe('ACTIVE');

    await asCustomer(database, async (sql) => {
      expect(await sql.query('SELECT body FROM legacy_notes')).toEqual([{ body: 'kept' }]);
      expect(Number((await sql.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM "Account"`))[0].n)).toBeGreaterThan(0); // seeded
      // Recorded as a baseline: nothing pending, so later migrations apply as on any tenant.
      expect(await migrationStatus(sql, migrations)).toEqual({ applied: migrations.migrations.map((m) => m.name), pending: [], modified: [], failed: [] });
    });
    // The columns later migrations added are there, with their defaults for the old row.
    const products = await gw.request('{ products { totalCount edges { node { sku name tags imageUrls translations { locale } reserved } } } }', {
      token: owner.token,
      tenant: 'own-db',
    });
    expect(products.body).toEqual({
      data: { products: { totalCount: 1, edges: [{ node: { sku: 'RING-1', name: 'Old ring', tags: [], imageUrls: [], translations: [], reserved: '0' } }] } },
    });
  });

  test('a second tenant on the same database finds everything in place and adds nothing', async () => {
    const events = await provisionWatched({ slug: 'own-db-again', external: { url: byo.url(database) } });
    const messages = events.map((e) => e.message);
    // Ours, _prisma_migrations and legacy_notes.
    expect(messages).toContain(`found ${tables + 2} tables in your database, ${tables} of them the tenant schema's`);
    expect(messages).toContain(`all ${tables} tables were already in place`);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', tablesCreated: tables });
  });

  test('a table of ours that does not match fails the job, naming it and what differs, and creates nothing', async () => {
    const { job } = await createTenantViaApi(gw, owner.token, { slug: 'mismatch', external: { url: byo.url(mismatched) } });
    const failed = await finishedJob(gw, owner.token, job.id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.error).toMatch(/^migrate: tables in your database do not match the tenant schema: Customer \(/);
    expect(failed.error).toContain('column name is integer, must be text');
    expect(failed.error).toContain('missing column email');
    expect((await tenantOf('mismatch')).status).toBe('FAILED');
    const here = await asCustomer(mismatched, (sql) =>
      sql.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${engine === 'mysql' ? 'DATABASE()' : 'current_schema()'} `,
      ),
    );
    expect(here.map((r) => r.name)).toEqual(['Customer']);
  });

  test('the URL is sealed at rest and never returned, logged or echoed', async () => {
    const tenant = await tenantOf('own-db');
    expect(tenant.externalUrlCipher).toMatch(/^v1\./);
    expect(gw.services.secrets.decrypt(tenant.externalUrlCipher!)).toBe(byo.url(database));
    const everything = await gw.request('{ tenants { nodes { id slug name status isolation locale currency createdAt plan { code } } } }', { token: owner.token });
    const jobs = await gw.services.platform.provisioningJob.findMany({ where: { tenantId: tenant.id } });
    for (const text of [JSON.stringify(everything.body), JSON.stringify(jobs), JSON.stringify(tenant.externalUrlCipher), logs]) {
      expect(text).not.toContain(password);
    }
    expect(logs.length).toBeGreaterThan(0);
  });

  test('a database that does not exist fails the job at once, with advice; retryProvisioning finishes it once it does', async () => {
    const { job } = await createTenantViaApi(gw, owner.token, { slug: 'not-yet', external: { url: byo.url(missing) } });
    const failed = await finishedJob(gw, owner.token, job.id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, error: 'place: the database named in the URL does not exist on that server' });
    expect((await tenantOf('not-yet')).status).toBe('FAILED');

    await byo.createDatabase(missing);
    const retried = await gw.request(`mutation($id: ID!) { retryProvisioning(jobId: $id) { status error tenant { status } } }`, {
      token: owner.token,
      variables: { id: job.id },
    });
    expect(retried.body.data.retryProvisioning).toEqual({ status: 'QUEUED', error: null, tenant: { status: 'PROVISIONING' } });
    expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect((await tenantOf('not-yet')).status).toBe('ACTIVE');

    const again = await gw.request(`mutation($id: ID!) { retryProvisioning(jobId: $id) { status } }`, { token: owner.token, variables: { id: job.id } });
    expect(again.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('a user the server does not know fails the job with advice and no secret', async () => {
    const { job } = await createTenantViaApi(gw, owner.token, { slug: 'wrong-user', external: { url: byo.url(database, `nobody_${suffix}`) } });
    expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: 'place: your database refused the user name or password in the URL',
    });
  });

  test('a server that cannot be reached is retried JOB_MAX_ATTEMPTS times, then the job and the tenant are FAILED', async () => {
    const { job } = await createTenantViaApi(gw, owner.token, { slug: 'unreachable', external: { url: byo.url(database, user, String(await freePort())) } });
    expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({
      status: 'FAILED',
      attempts: 2,
      error: 'place: nothing accepted the connection at the host and port in the URL',
    });
    expect((await tenantOf('unreachable')).status).toBe('FAILED');
  });

  test("a URL naming another tenant's database or one of the server's own is refused", async () => {
    const other = await gw.createUser();
    await gw.createTenant({ slug: 'victim', owner: other });
    // The pool database of POOL tenants is the platform's too (PostgreSQL only).
    if (engine === 'postgresql') await gw.createTenant({ slug: 'pooled-victim', owner: other, isolation: 'POOL' });
    for (const [slug, db] of [
      ['thief', tenantStorageName(gw.dbs.prefix, 'victim')],
      ['system-grab', byo.systemDatabase],
      ...(engine === 'postgresql' ? [['pool-grab', `${gw.dbs.prefix}pool`]] : []),
    ]) {
      // With credentials that work there: only the guard may stop it.
      const { job } = await createTenantViaApi(gw, owner.token, { slug, external: { url: withDatabase(byo.adminUrl, db) } });
      expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({
        status: 'FAILED',
        error: 'place: that database belongs to the platform itself; bring a database of your own',
      });
    }
  });

  test.each([
    ['not a URL', () => ({ url: 'my database please' }), undefined, 'external.url'],
    ['not a database URL', () => ({ url: `redis://${user}:${password}@localhost/x` }), undefined, 'external.url'],
    ['no database named', () => ({ url: byo.url('').replace(/\/$/, '') }), undefined, 'external.url'],
    ['in a shared schema', () => ({ url: byo.url(database) }), 'SCHEMA', 'isolation'],
    ['in the pool', () => ({ url: byo.url(database) }), 'POOL', 'isolation'],
  ])('an external URL %s is refused without being echoed', async (_what, external, isolation, field) => {
    const input = { slug: 'refused-url', name: 'x', external: external(), isolation };
    const response = await gw.request(CREATE_TENANT, { token: owner.token, variables: { input } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(JSON.stringify(response.body)).not.toContain(password);
  });
});
