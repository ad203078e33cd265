// Bring your own database: the job connects to it, lists what is there, adds our
// tables through the migrations, seeds and verifies. The URL is sealed at rest and
// never shown or logged; a wrong one fails the job with advice, not with secrets.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { tenantStorageName } from '../../src/db/identifiers';
import { loadMigrations } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { totalTables } from '../../src/provisioning/tenantSchema';
import { onServer, testServerUrl } from '../support/database';
import type { JobWorker } from '../../src/provisioning/jobs/jobWorker';
import { connectWs, operate } from '../support/graphqlWs';
import { CREATE_TENANT, PROGRESS, createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const suffix = randomBytes(4).toString('hex');
const role = `byo_${suffix}`;
const password = `Pw-${randomBytes(8).toString('hex')}`;
const database = `byo_${suffix}`;
const missing = `byo_${suffix}_later`;
const server = new URL(testServerUrl());

/** A URL to the test server as `user`, for `db`, with the secret password in it. */
const urlFor = (db: string, user = role, port = server.port || '5432') => `postgresql://${user}:${password}@${server.hostname}:${port}/${db}`;

let logs = '';
let gw: TestGateway;
let worker: JobWorker;
let owner: TestUser;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  await onServer(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
  await onServer(`CREATE DATABASE "${database}" OWNER "${role}"`);
  const byo = new pg.Client({ connectionString: urlFor(database) });
  await byo.connect();
  await byo.query('CREATE TABLE legacy_notes (id serial PRIMARY KEY, body text)');
  await byo.query(`INSERT INTO legacy_notes (body) VALUES ('kept')`);
  await byo.end();
  // Everything the gateway logs, at the most talkative level.
  const sink = new Writable({ write: (chunk, _encoding, done) => ((logs += chunk), done()) });
  gw = await startTestGateway({ env: { JOB_MAX_ATTEMPTS: '2', JOB_CONCURRENCY: '0' }, log: pino({ level: 'trace' }, sink) });
  worker = await gw.startWorker(2);
  owner = await gw.createUser();
});
afterAll(async () => {
  await gw.close();
  for (const db of [database, missing]) await onServer(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await onServer(`DROP ROLE IF EXISTS "${role}"`);
});

const tenantOf = (slug: string) => gw.services.platform.tenant.findUniqueOrThrow({ where: { slug } });

test('a tenant on your own database: existing tables are kept, ours are added, and it serves', async () => {
  const { tenant, job } = await createTenantViaApi(gw, owner.token, { slug: 'own-db', external: { url: urlFor(database) } });
  expect(tenant.status).toBe('PROVISIONING');
  const done = await finishedJob(gw, owner.token, job.id);
  expect(done).toMatchObject({ status: 'SUCCEEDED', error: null, tablesCreated: totalTables(loadMigrations('tenant')) });
  expect((await tenantOf('own-db')).status).toBe('ACTIVE');
  expect(done.attempts).toBe(1);

  const byo = new pg.Client({ connectionString: urlFor(database) });
  await byo.connect();
  try {
    expect((await byo.query('SELECT body FROM legacy_notes')).rows).toEqual([{ body: 'kept' }]);
    expect((await byo.query(`SELECT count(*)::int AS n FROM "Account"`)).rows[0].n).toBeGreaterThan(0); // seeded
  } finally {
    await byo.end();
  }
  const products = await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'own-db' });
  expect(products.body).toEqual({ data: { products: { totalCount: 0 } } });
});

test('a second tenant on the same database finds everything in place and adds nothing', async () => {
  // The job must not start before we listen: hold the workers back meanwhile.
  await worker.stop();
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'own-db-again', external: { url: urlFor(database) } });
  const { client } = connectWs(gw.url, { authorization: `Bearer ${owner.token}` });
  const progress = operate(client, PROGRESS, { jobId: job.id });
  await progress.until(() => true);
  worker = await gw.startWorker(2);
  const events = (await progress.done).map((r) => r.data.provisioningProgress);
  await client.dispose();

  const tables = totalTables(loadMigrations('tenant'));
  const messages = events.map((e) => e.message);
  // Ours, _prisma_migrations and legacy_notes.
  expect(messages).toContain(`found ${tables + 2} tables in your database; the migrations add what is missing`);
  expect(messages).toContain(`all ${tables} tables were already in place`);
  expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', tablesCreated: tables });
});

test('the URL is sealed at rest and never returned, logged or echoed', async () => {
  const tenant = await tenantOf('own-db');
  expect(tenant.externalUrlCipher).toMatch(/^v1\./);
  expect(gw.services.secrets.decrypt(tenant.externalUrlCipher!)).toBe(urlFor(database));
  const everything = await gw.request('{ tenants { id slug name status isolation locale currency createdAt plan { code } } }', { token: owner.token });
  const jobs = await gw.services.platform.provisioningJob.findMany({ where: { tenantId: tenant.id } });
  for (const text of [JSON.stringify(everything.body), JSON.stringify(jobs), JSON.stringify(tenant.externalUrlCipher), logs]) {
    expect(text).not.toContain(password);
  }
  expect(logs.length).toBeGreaterThan(0);
});

test('a database that does not exist fails the job at once, with advice; retryProvisioning finishes it once it does', async () => {
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'not-yet', external: { url: urlFor(missing) } });
  const failed = await finishedJob(gw, owner.token, job.id);
  expect(failed).toMatchObject({ status: 'FAILED', attempts: 1, error: 'place: the database named in the URL does not exist on that server' });
  expect((await tenantOf('not-yet')).status).toBe('FAILED');

  await onServer(`CREATE DATABASE "${missing}" OWNER "${role}"`);
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
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'wrong-user', external: { url: urlFor(database, `nobody_${suffix}`) } });
  expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({
    status: 'FAILED',
    attempts: 1,
    error: 'place: your database refused the user name or password in the URL',
  });
});

test('a server that cannot be reached is retried JOB_MAX_ATTEMPTS times, then the job and the tenant are FAILED', async () => {
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'unreachable', external: { url: urlFor(database, role, String(await freePort())) } });
  expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({
    status: 'FAILED',
    attempts: 2,
    error: 'place: nothing accepted the connection at the host and port in the URL',
  });
  expect((await tenantOf('unreachable')).status).toBe('FAILED');
});

test("a URL naming the platform's own database or another tenant's is refused", async () => {
  const other = await gw.createUser();
  await gw.createTenant({ slug: 'victim', owner: other });
  for (const [slug, db] of [
    ['thief', tenantStorageName(gw.dbs.prefix, 'victim')],
    ['platform-grab', `${gw.dbs.prefix}platform`],
  ]) {
    // With credentials that work there: only the guard may stop it.
    const url = withDatabase(testServerUrl(), db);
    const { job } = await createTenantViaApi(gw, owner.token, { slug, external: { url } });
    expect(await finishedJob(gw, owner.token, job.id)).toMatchObject({
      status: 'FAILED',
      error: 'place: that database belongs to the platform itself; bring a database of your own',
    });
  }
});

test.each([
  ['not a URL', { url: 'my database please' }, undefined, 'external.url'],
  ['not PostgreSQL', { url: `mysql://${role}:${password}@localhost/x` }, undefined, 'external.url'],
  ['no database named', { url: `postgresql://${role}:${password}@localhost` }, undefined, 'external.url'],
  ['in a shared schema', { url: urlFor(database) }, 'SCHEMA', 'isolation'],
])('an external URL %s is refused without being echoed', async (_what, external, isolation, field) => {
  const response = await gw.request(CREATE_TENANT, { token: owner.token, variables: { input: { slug: 'refused-url', name: 'x', external, isolation } } });
  expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(JSON.stringify(response.body)).not.toContain(password);
});
