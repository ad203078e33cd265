// After provisioning: archiving (stops serving at once, data dropped after the grace
// period) and migrating every ACTIVE tenant to new migrations, once per engine.
import pg from 'pg';
import { engineName, type Engine } from '../../src/engine';
import { tenantStorageName } from '../../src/db/identifiers';
import { tenantMigrations } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { totalTables } from '../../src/provisioning/tenantSchema';
import { tenantEngines } from '../support/engines';
import { createTenantViaApi, finishedJob, JOB_FIELDS } from '../support/provisioning';
import { tenantServer } from '../support/tenantServer';
import { testServerUrl } from '../support/database';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const ARCHIVE = `mutation($slug: String!) { archiveTenant(slug: $slug) { tenant { slug status } job { ${JOB_FIELDS} } } }`;
const MIGRATE_ALL = `mutation { migrateTenants { ${JOB_FIELDS} tenant { slug } } }`;

describe.each(tenantEngines)('on %s', (engine: Engine) => {
  let gw: TestGateway;
  let owner: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    gw = await startTestGateway({ engine, env: { ARCHIVE_GRACE_SECONDS: '1' } });
    owner = await gw.createUser();
    admin = await gw.createUser({ platformAdmin: true });
  });
  afterAll(() => gw.close());

  async function activeTenant(slug: string, isolation = 'DATABASE') {
    const { tenant, job } = await createTenantViaApi(gw, owner.token, { slug, isolation, engine: engineName(engine) });
    expect((await finishedJob(gw, owner.token, job.id)).status).toBe('SUCCEEDED');
    return tenant;
  }

  const server = tenantServer(engine, testServerUrl());
  const databaseExists = async (name: string) => (await server.databases(name)).includes(name);

  describe('archiveTenant', () => {
    test('the tenant stops serving at once; its database is dropped once the grace period is over', async () => {
      const tenant = await activeTenant('closing-down');
      const list = () => gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'closing-down' });
      expect((await list()).body.data.products.totalCount).toBe(0); // now cached as ACTIVE

      const archived = await gw.request(ARCHIVE, { token: owner.token, variables: { slug: 'closing-down' } });
      expect(archived.body.data.archiveTenant).toMatchObject({ tenant: { slug: 'closing-down', status: 'ARCHIVED' }, job: { kind: 'DROP', status: 'QUEUED' } });
      const refused = await list();
      expect(refused.body.errors?.[0].extensions).toEqual({ code: 'TENANT_NOT_READY', status: 'ARCHIVED' });

      const database = tenantStorageName(gw.dbs.prefix, 'closing-down');
      expect(await databaseExists(database)).toBe(true);
      const dropped = await finishedJob(gw, owner.token, archived.body.data.archiveTenant.job.id);
      expect(dropped).toMatchObject({ status: 'SUCCEEDED', kind: 'DROP', message: `dropped database ${database}` });
      expect(await databaseExists(database)).toBe(false);
      expect((await gw.services.platform.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe('ARCHIVED');

      const again = await gw.request(ARCHIVE, { token: owner.token, variables: { slug: 'closing-down' } });
      expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    });

    if (engine === 'postgresql') {
      test('a tenant in a shared schema loses its schema, and only it', async () => {
        await activeTenant('schema-keeps');
        await activeTenant('schema-goes', 'SCHEMA');
        await activeTenant('schema-stays', 'SCHEMA');
        const archived = await gw.request(ARCHIVE, { token: owner.token, variables: { slug: 'schema-goes' } });
        await finishedJob(gw, owner.token, archived.body.data.archiveTenant.job.id);
        const shared = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${gw.dbs.prefix}shared`) });
        await shared.connect();
        try {
          const { rows } = await shared.query('SELECT schema_name AS name FROM information_schema.schemata WHERE starts_with(schema_name, $1) ORDER BY 1', [
            gw.dbs.prefix,
          ]);
          expect(rows.map((r) => r.name)).toEqual([tenantStorageName(gw.dbs.prefix, 'schema-stays')]);
        } finally {
          await shared.end();
        }
        const stays = await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'schema-stays' });
        expect(stays.body.data.products.totalCount).toBe(0);
      });

      test("a tenant in the pool loses its rows in every table, in batches, and only its rows", async () => {
        const goes = await activeTenant('pool-goes', 'POOL');
        const stays = await activeTenant('pool-stays', 'POOL');
        for (const slug of ['pool-goes', 'pool-stays']) {
          for (let i = 0; i < 3; i++) {
            const made = await gw.request(`mutation { createCustomer(input: { name: "c${i}" }) { id } }`, { token: owner.token, tenant: slug });
            expect(made.body.errors).toBeUndefined();
          }
        }
        const pool = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${gw.dbs.prefix}pool`) });
        await pool.connect();
        try {
          const rowsOf = async (tenantId: string) => {
            const { rows: tables } = await pool.query(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> '_prisma_migrations'`);
            let n = 0;
            for (const { relname } of tables) n += (await pool.query(`SELECT count(*)::int AS n FROM "${relname}" WHERE "tenantId" = $1`, [tenantId])).rows[0].n;
            return n;
          };
          const staying = await rowsOf(stays.id);
          expect(await rowsOf(goes.id)).toBe(staying);
          const archived = await gw.request(ARCHIVE, { token: owner.token, variables: { slug: 'pool-goes' } });
          const dropped = await finishedJob(gw, owner.token, archived.body.data.archiveTenant.job.id);
          expect(dropped).toMatchObject({ status: 'SUCCEEDED', kind: 'DROP', message: `deleted ${staying} row(s) from the pool database ${gw.dbs.prefix}pool` });
          expect(await rowsOf(goes.id)).toBe(0);
          expect(await rowsOf(stays.id)).toBe(staying);
        } finally {
          await pool.end();
        }
        expect((await gw.request('{ customers { totalCount } }', { token: owner.token, tenant: 'pool-stays' })).body.data.customers.totalCount).toBe(3);
      });
    }

    test('only an OWNER or a platform admin may archive; to anyone else the tenant does not exist', async () => {
      const tenant = await activeTenant('well-kept');
      const tenantAdmin = await gw.createUser();
      await gw.services.platform.membership.create({ data: { userId: tenantAdmin.id, tenantId: tenant.id, role: 'ADMIN' } });
      const stranger = await gw.createUser();
      const asAdmin = await gw.request(ARCHIVE, { token: tenantAdmin.token, variables: { slug: 'well-kept' } });
      expect(asAdmin.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const asStranger = await gw.request(ARCHIVE, { token: stranger.token, variables: { slug: 'well-kept' } });
      expect(asStranger.body.errors?.[0].extensions.code).toBe('TENANT_NOT_FOUND');
      const byPlatform = await gw.request(ARCHIVE, { token: admin.token, variables: { slug: 'well-kept' } });
      expect(byPlatform.body.data.archiveTenant.tenant.status).toBe('ARCHIVED');
    });
  });

  describe('migrateTenants', () => {
    test('is for platform admins only', async () => {
      const response = await gw.request(MIGRATE_ALL, { token: owner.token });
      expect(response.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    test('queues a job per ACTIVE tenant; a tenant behind on migrations gets them, one up to date is left alone', async () => {
      await activeTenant('behind');
      await activeTenant('current');
      // Take `behind` back to before its first migration: an empty database.
      const behind = tenantStorageName(gw.dbs.prefix, 'behind');
      await server.dropDatabase(behind);
      await server.createDatabase(behind);

      const response = await gw.request(MIGRATE_ALL, { token: admin.token });
      const jobs: Array<{ id: string; kind: string; status: string; tenant: { slug: string } }> = response.body.data.migrateTenants;
      const active = await gw.services.platform.tenant.findMany({ where: { status: 'ACTIVE' }, orderBy: { slug: 'asc' } });
      expect(jobs.map((j) => j.tenant.slug)).toEqual(active.map((t) => t.slug));
      expect(jobs.map((j) => j.tenant.slug)).not.toContain('closing-down');
      expect(new Set(jobs.map((j) => `${j.kind} ${j.status}`))).toEqual(new Set(['MIGRATE QUEUED']));

      const finished = await Promise.all(jobs.map((j) => finishedJob(gw, admin.token, j.id)));
      const bySlug = Object.fromEntries(jobs.map((j, i) => [j.tenant.slug, finished[i]]));
      const all = tenantMigrations(engine).migrations.map((m) => m.name).join(', ');
      expect(bySlug.behind).toMatchObject({
        status: 'SUCCEEDED',
        progress: 100,
        tablesCreated: totalTables(tenantMigrations(engine)),
        message: `applied ${all}`,
      });
      expect(bySlug.current).toMatchObject({ status: 'SUCCEEDED', tablesCreated: 0, message: 'already up to date' });
      const served = await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'behind' });
      expect(served.body.data.products.totalCount).toBe(0);
    });
  });
});
