// After provisioning: archiving (stops serving at once, data dropped after the grace
// period), and a rollout bringing a tenant to this release from an empty database, once per engine.
import pg from 'pg';
import { engineName, type Engine } from '../../src/engine';
import { tenantStorageName } from '../../src/db/identifiers';
import { tenantMigrations } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { tenantEngines } from '../support/engines';
import { eventually } from '../support/eventually';
import { createTenantViaApi, finishedJob, JOB_FIELDS } from '../support/provisioning';
import { tenantServer } from '../support/tenantServer';
import { testServerUrl } from '../support/database';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const ARCHIVE = `mutation($slug: String!) { archiveTenant(slug: $slug) { tenant { slug status } job { ${JOB_FIELDS} } } }`;
const START_ALL = 'mutation { startRollout(input: {}) { id } }';
const ROLLOUT = 'query($id: ID!) { rollout(id: $id) { status cohorts { name total succeeded } } }';

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

  describe('rollouts', () => {
    test('a tenant whose version is not known is brought to this release from wherever it is; one up to date takes no part', async () => {
      const behind = await activeTenant('behind');
      const current = await activeTenant('current');
      // Take `behind` back to before its first migration (an empty database), its version forgotten.
      const database = tenantStorageName(gw.dbs.prefix, 'behind');
      await server.dropDatabase(database);
      await server.createDatabase(database);
      await gw.services.platform.tenant.update({ where: { id: behind.id }, data: { schemaVersion: null } });

      const started = await gw.request(START_ALL, { token: admin.token });
      const { id } = started.body.data.startRollout;
      const rollout = await eventually(async () => {
        const { body } = await gw.request(ROLLOUT, { token: admin.token, variables: { id } });
        return body.data.rollout.status === 'SUCCEEDED' && body.data.rollout;
      });
      expect(rollout.cohorts).toEqual([{ name: 'all', total: 1, succeeded: 1 }]);
      const all = tenantMigrations(engine).migrations.map((m) => m.name);
      const row = await gw.services.platform.rolloutTenant.findUniqueOrThrow({ where: { rolloutId_tenantId: { rolloutId: id, tenantId: behind.id } } });
      expect(row).toMatchObject({ status: 'SUCCEEDED', fromVersion: null, detail: `applied ${all.join(', ')}` });
      const recorded = await gw.services.platform.tenant.findMany({ where: { id: { in: [behind.id, current.id] } }, select: { schemaVersion: true } });
      expect(recorded).toEqual([{ schemaVersion: all.at(-1) }, { schemaVersion: all.at(-1) }]);
      const served = await gw.request('{ products { totalCount } }', { token: owner.token, tenant: 'behind' });
      expect(served.body.data.products.totalCount).toBe(0);
    });
  });
});
