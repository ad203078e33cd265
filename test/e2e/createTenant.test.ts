// createTenant through the API, once per engine: who may, what a slug may be, races
// on one slug, and how the database gets built. PostgreSQL copies a template (or
// falls back to the migrations) and offers a schema of its own; MySQL runs its
// migrations into a database of its own and is placed by `server` or `engine`.
import pg from 'pg';
import { engineName, type Engine } from '../../src/engine';
import { tenantStorageName } from '../../src/db/identifiers';
import { loadMigrations } from '../../src/db/migrations';
import { withClient } from '../../src/db/withClient';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { createLogger } from '../../src/logger';
import { templateName } from '../../src/provisioning/tenantTemplate';
import { totalTables } from '../../src/provisioning/tenantSchema';
import { onServer } from '../support/database';
import { tenantEngines } from '../support/engines';
import { eventually } from '../support/eventually';
import { connectWs, operate } from '../support/graphqlWs';
import { LogCapture } from '../support/logCapture';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { CREATE_TENANT, JOB, PROGRESS, createTenantViaApi, finishedJob } from '../support/provisioning';
import { tenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

describe.each(tenantEngines)('on %s', (engine: Engine) => {
  let gw: TestGateway;
  let alice: TestUser;
  const migrations = loadMigrations(engine === 'mysql' ? 'tenant-mysql' : 'tenant');
  const tables = totalTables(migrations);
  /** createTenant's input on this engine. */
  const on = (input: Record<string, unknown>) => ({ engine: engineName(engine), ...input });

  // Its warnings: a job attempt that failed is logged there, with the whole error.
  const jobLog = new LogCapture();

  beforeAll(async () => {
    gw = await startTestGateway({ engine, log: createLogger('warn', jobLog) });
    alice = await gw.createUser();
  });
  afterAll(() => gw.close());

  /** Creates a tenant and follows its job to the end over graphql-ws; returns every event. */
  async function provision(input: Record<string, unknown>, user = alice) {
    const { job } = await createTenantViaApi(gw, user.token, on(input));
    const { client } = connectWs(gw.url, { authorization: `Bearer ${user.token}` });
    try {
      return (await operate(client, PROGRESS, { jobId: job.id }).done).map((r) => r.data.provisioningProgress);
    } finally {
      await client.dispose();
    }
  }

  test('the creator becomes the OWNER of a tenant that is ACTIVE, seeded and serving', async () => {
    const events = await provision({ slug: 'first-shop', name: 'First Shop', plan: 'starter' });
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', progress: 100 });

    const me = await gw.request('{ me { memberships { role tenant { slug engine status plan { code } } } } }', { token: alice.token });
    expect(me.body.data.me.memberships).toEqual([
      { role: 'OWNER', tenant: { slug: 'first-shop', engine: engineName(engine), status: 'ACTIVE', plan: { code: 'starter' } } },
    ]);
    const categories = await gw.request('{ categories { nodes { name } } }', { token: alice.token, tenant: 'first-shop' });
    expect(categories.body.data.categories.nodes).toEqual([{ name: 'General' }]);
  });

  test.each([
    ['a slug that breaks the rules', { slug: 'Bad Slug!' }, 'BAD_USER_INPUT', 'slug'],
    ['a reserved slug', { slug: 'admin' }, 'BAD_USER_INPUT', 'slug'],
    ['a slug that is taken', { slug: 'first-shop' }, 'BAD_USER_INPUT', 'slug'],
    ['an unknown plan', { slug: 'no-such-plan', plan: 'platinum' }, 'BAD_USER_INPUT', 'plan'],
    ['an empty name', { slug: 'nameless', name: '  ' }, 'BAD_USER_INPUT', 'name'],
    ['a locale that is no BCP 47 tag', { slug: 'bad-locale', locale: 'en_US' }, 'BAD_USER_INPUT', 'locale'],
    ['a currency that is no ISO 4217 code', { slug: 'bad-currency', currency: 'XYZ' }, 'BAD_USER_INPUT', 'currency'],
    ['a time zone that is no IANA zone', { slug: 'bad-zone', timeZone: 'Mars/Olympus_Mons' }, 'BAD_USER_INPUT', 'timeZone'],
  ])('%s is refused', async (_what, input, code, field) => {
    const response = await gw.request(CREATE_TENANT, { token: alice.token, variables: { input: on({ name: 'x', ...input }) } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await gw.services.platform.tenant.count({ where: { slug: input.slug } })).toBe(input.slug === 'first-shop' ? 1 : 0);
  });

  test('a tenant is created in the locale, currency and time zone asked for (canonically spelled), or in English, the plan’s currency and UTC', async () => {
    const TENANT = `query($slug: String!) { tenant(slug: $slug) { locale currency timeZone } }`;
    const asked = await createTenantViaApi(gw, alice.token, on({ slug: 'berlin-shop', locale: 'de-de', currency: 'eur', timeZone: 'europe/berlin' }));
    const plain = await createTenantViaApi(gw, alice.token, on({ slug: 'plain-shop' }));
    for (const { job } of [asked, plain]) expect((await finishedJob(gw, alice.token, job.id)).status).toBe('SUCCEEDED');

    expect((await gw.request(TENANT, { token: alice.token, variables: { slug: 'berlin-shop' } })).body.data.tenant).toEqual({ locale: 'de-DE', currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect((await gw.request(TENANT, { token: alice.token, variables: { slug: 'plain-shop' } })).body.data.tenant).toEqual({ locale: 'en', currency: 'USD', timeZone: 'UTC' });
    // The zone is the one its reports group by: the report.timeZone setting it was seeded with.
    const settings = await gw.request('{ settings { reportTimeZone } }', { token: alice.token, tenant: 'berlin-shop' });
    expect(settings.body.data.settings.reportTimeZone).toBe('Europe/Berlin');
    // Changing the setting changes what the tenant says.
    await gw.request('mutation { updateSettings(input: { reportTimeZone: "Asia/Tokyo" }) { reportTimeZone } }', { token: alice.token, tenant: 'berlin-shop' });
    expect((await gw.request(TENANT, { token: alice.token, variables: { slug: 'berlin-shop' } })).body.data.tenant.timeZone).toBe('Asia/Tokyo');
  });

  test('creating a tenant needs a signed-in user', async () => {
    const response = await gw.request(CREATE_TENANT, { variables: { input: on({ slug: 'anonymous', name: 'x' }) } });
    expect(response.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('of concurrent creates with one slug, one wins and the others get BAD_USER_INPUT', async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => gw.createUser()));
    const responses = await Promise.all(
      users.map((user) => gw.request(CREATE_TENANT, { token: user.token, variables: { input: on({ slug: 'contested', name: 'Contested' }) } })),
    );
    const won = responses.filter((r) => r.body.data?.createTenant);
    const lost = responses.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.body.errors![0].extensions)).toEqual(lost.map(() => expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'slug' })));
    const tenant = await gw.services.platform.tenant.findUniqueOrThrow({ where: { slug: 'contested' }, include: { memberships: true, jobs: true } });
    expect(tenant.memberships).toHaveLength(1);
    expect(tenant.jobs).toHaveLength(1);
    expect((await finishedJob(gw, users[responses.indexOf(won[0])].token, tenant.jobs[0].id)).status).toBe('SUCCEEDED');
  });

  test('several tenants provisioned at once are all copied and ACTIVE', async () => {
    const runs = await Promise.all(['burst-a', 'burst-b', 'burst-c', 'burst-d'].map((slug) => provision({ slug })));
    expect(runs.map((events) => events.at(-1).status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  test('the tenant is built the fastest way its engine offers: a template copy on PostgreSQL, the migrations on MySQL', async () => {
    const migrate = (await provision({ slug: 'built' })).filter((e) => e.step === 'migrate');
    if (engine === 'postgresql') {
      expect(migrate.map((e) => e.message)).toEqual([
        'tables copied from the template; applying newer migrations, if any',
        `all ${tables} tables were already in place`,
      ]);
      expect(migrate[0]).toMatchObject({ tablesCreated: tables, totalTables: tables });
    } else {
      // MySQL cannot copy a database.
      expect(migrate[0].message).toBe('applying migrations');
      expect(migrate.at(-1)).toMatchObject({ tablesCreated: tables, totalTables: tables, message: `created ${tables} of ${tables} tables` });
    }
  });

  test('a job that fails in migrate tells the owner why in a sentence, without SQL or driver codes; the log has the database error', async () => {
    const slug = 'squatted';
    const database = tenantStorageName(gw.dbs.prefix, slug);
    // Someone else's Category table where ours goes: the migrations cannot create it.
    if (engine === 'mysql') {
      await withMysql(MYSQL_URL!, (sql) => sql.query(`CREATE DATABASE \`${database}\``));
      await withMysql(withDatabase(MYSQL_URL!, database), (sql) => sql.query('CREATE TABLE `Category` (theirs INTEGER)'));
    } else {
      await onServer(`CREATE DATABASE "${database}"`);
      await withClient({ connectionString: withDatabase(gw.dbs.serverUrl, database) }, (client) => client.query('CREATE TABLE "Category" (theirs integer)'));
    }
    const { job } = await createTenantViaApi(gw, alice.token, on({ slug }));
    const failed = await eventually(async () => {
      const { body } = await gw.request(JOB, { token: alice.token, variables: { id: job.id } });
      return body.data.provisioningJob.error ? body.data.provisioningJob : null;
    });
    const init = migrations.migrations[0];
    const statement = init.statements.findIndex((s) => /CREATE TABLE [`"]Category[`"]/.test(s)) + 1;
    expect(failed.error).toBe(`migrate: migration ${init.name} stopped at statement ${statement} of ${init.statements.length}; the database's own error is in the gateway's log`);
    // Its progress events say the same.
    const { client } = connectWs(gw.url, { authorization: `Bearer ${alice.token}` });
    try {
      const progress = operate(client, PROGRESS, { jobId: job.id });
      const replayed = await progress.until((r) => Boolean(r.data?.provisioningProgress.error));
      progress.stop();
      expect(replayed.data.provisioningProgress.error).toBe(failed.error);
    } finally {
      await client.dispose();
    }
    const logged = jobLog.entries().find((entry) => entry.msg === 'job attempt failed' && entry.jobId === job.id);
    expect((logged?.err as { message?: string } | undefined)?.message).toMatch(/Category.*already exists/);
  });

  test('a tenant that is ACTIVE serves products, invoices and reports', async () => {
    const created = await gw.createTenant({ slug: 'serving', owner: alice });
    expect(created.engine).toBe(engineName(engine));
    const api = tenantApi(gw, alice.token, 'serving');
    const ring = await api.createProduct({ sku: 'RING-18K', name: 'Gold ring', kind: 'JEWELRY', price: '350.00', trackStock: false });
    const invoice = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring.id, quantity: '1' }] });
    await api.issue(invoice.id);
    await api.pay(invoice.id, '350.00');
    const answer = await api.call(
      '{ products(filter: { search: "GOLD" }) { totalCount } invoices { edges { node { status total } } } salesReport(from: "2020-01-01", to: "2040-01-01", groupBy: MONTH) { count } }',
    );
    expect(answer.products.totalCount).toBe(1);
    expect(answer.invoices.edges[0].node).toEqual({ status: 'PAID', total: '350' });
    expect(answer.salesReport.count).toBe(1);
  });

  // What one engine does and the other has no counterpart of.
  if (engine === 'postgresql') {
    const databases = async () =>
      (await onServer('SELECT datname, datistemplate FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1', [gw.dbs.prefix])).rows as Array<{
        datname: string;
        datistemplate: boolean;
      }>;

    test('engine MYSQL with no MySQL server configured is refused with BAD_USER_INPUT', async () => {
      const response = await gw.request(CREATE_TENANT, { token: alice.token, variables: { input: { slug: 'no-mysql', name: 'x', engine: 'MYSQL' } } });
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'engine' });
    });

    test('the template is a database of the current migrations, marked as a template', async () => {
      expect(await databases()).toContainEqual({ datname: templateName(gw.dbs.prefix, migrations), datistemplate: true });
    });

    test('when the migrations change, the next tenant gets a new template and the outdated one is dropped', async () => {
      const current = templateName(gw.dbs.prefix, migrations);
      const outdated = `${gw.dbs.prefix}_template_000000000000`;
      await onServer(`ALTER DATABASE "${current}" WITH IS_TEMPLATE false`);
      await onServer(`ALTER DATABASE "${current}" RENAME TO "${outdated}"`);
      await onServer(`ALTER DATABASE "${outdated}" WITH IS_TEMPLATE true`);

      expect((await provision({ slug: 'after-release' })).at(-1).status).toBe('SUCCEEDED');
      const names = (await databases()).map((d) => d.datname);
      expect(names).toContain(current);
      expect(names).not.toContain(outdated);
    });

    test('when the template cannot be copied, the tenant is built by running the migrations', async () => {
      const template = templateName(gw.dbs.prefix, migrations);
      // A session on the template makes CREATE DATABASE ... TEMPLATE fail.
      await onServer(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS true`);
      const squatter = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, template) });
      await squatter.connect();
      try {
        const events = await provision({ slug: 'no-template' });
        expect(events.at(-1).status).toBe('SUCCEEDED');
        const migrate = events.filter((e) => e.step === 'migrate');
        expect(migrate[0].message).toBe('applying migrations');
        expect(migrate.at(-1)).toMatchObject({ tablesCreated: tables, message: `created ${tables} of ${tables} tables` });
      } finally {
        await squatter.end();
        await onServer(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`);
      }
    });

    test('the first SCHEMA tenants of a server, provisioned at once, all become ACTIVE (they race to create the shared database)', async () => {
      const tenants = await Promise.all(
        ['shared-a', 'shared-b', 'shared-c', 'shared-d'].map((slug) => gw.createTenant({ slug, isolation: 'SCHEMA', owner: alice })),
      );
      expect(tenants.map((t) => t.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
    });

    test('SCHEMA isolation applies the migrations into a new schema of the shared database', async () => {
      const events = await provision({ slug: 'in-a-schema', isolation: 'SCHEMA' });
      expect(events.at(-1).status).toBe('SUCCEEDED');
      const shared = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${gw.dbs.prefix}shared`) });
      await shared.connect();
      try {
        const { rows } = await shared.query('SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = $1', [
          tenantStorageName(gw.dbs.prefix, 'in-a-schema'),
        ]);
        expect(rows[0].tables).toBe(tables + 1); // and _prisma_migrations
      } finally {
        await shared.end();
      }
      const products = await gw.request('{ products { totalCount } }', { token: alice.token, tenant: 'in-a-schema' });
      expect(products.body.data.products.totalCount).toBe(0);
    });

    test('POOL isolation creates nothing: the first POOL tenants of a server, at once, all become ACTIVE in the one pool database', async () => {
      const slugs = ['pooled-a', 'pooled-b', 'pooled-c', 'pooled-d'];
      const tenants = await Promise.all(slugs.map((slug) => gw.createTenant({ slug, isolation: 'POOL', owner: alice })));
      expect(tenants.map((t) => [t.status, t.databaseName, t.schemaName])).toEqual(slugs.map(() => ['ACTIVE', `${gw.dbs.prefix}pool`, null]));
      const { rows } = await onServer('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [gw.dbs.prefix]);
      expect(rows.map((r) => r.datname)).not.toEqual(expect.arrayContaining([expect.stringContaining('pooled')]));
    });

    test('a POOL tenant through the API: its job says the tables are shared, then it serves its seed rows and its own alone', async () => {
      const events = await provision({ slug: 'in-the-pool', isolation: 'POOL' });
      expect(events.at(-1).status).toBe('SUCCEEDED');
      // The subscription replays the job as it is when it starts, then each later step.
      expect(events.map((e) => e.step)).toEqual(expect.arrayContaining(['migrate', 'seed', 'verify', 'activate']));
      expect(events.find((e) => e.step === 'migrate').message).toContain('shared');
      const api = tenantApi(gw, alice.token, 'in-the-pool');
      const { categories, accounts } = await api.call('{ categories { totalCount } accounts(first: 1) { totalCount } }');
      expect(categories.totalCount).toBeGreaterThan(0);
      expect(accounts.totalCount).toBeGreaterThan(5);
      // Another pool tenant's seed rows are the same kind, under the same names: each sees its own count.
      const other = await gw.request('{ categories { totalCount } }', { token: alice.token, tenant: 'pooled-a' });
      expect(other.body.data.categories.totalCount).toBe(categories.totalCount);
    });
  } else {
    test.each([
      ['SCHEMA isolation on MySQL', { slug: 'no-schema', engine: 'MYSQL', isolation: 'SCHEMA' }, 'isolation'],
      ['POOL isolation on MySQL', { slug: 'no-pool', engine: 'MYSQL', isolation: 'POOL' }, 'isolation'],
      ['a server that is not configured', { slug: 'nowhere', server: 'elsewhere' }, 'server'],
      ['a server of the other engine', { slug: 'mixed', server: 'main', engine: 'MYSQL' }, 'server'],
    ])('%s is refused with BAD_USER_INPUT', async (_what, input, field) => {
      const response = await gw.request(CREATE_TENANT, { token: alice.token, variables: { input: { name: 'x', ...input } } });
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    test('`server` places a tenant on that server; without it, `engine` picks among that engine’s servers, PostgreSQL by default', async () => {
      const inputs = [{ slug: 'by-server', server: 'mysql' }, { slug: 'by-engine', engine: 'MYSQL' }, { slug: 'by-default' }];
      // Placement without `server` happens when the job runs.
      for (const input of inputs) await finishedJob(gw, alice.token, (await createTenantViaApi(gw, alice.token, input)).job.id);
      const placed = await gw.services.platform.tenant.findMany({
        where: { slug: { in: ['by-server', 'by-engine', 'by-default'] } },
        orderBy: { slug: 'asc' },
      });
      expect(placed.map((t) => [t.slug, t.engine, t.server])).toEqual([
        ['by-default', 'POSTGRESQL', 'main'],
        ['by-engine', 'MYSQL', 'mysql'],
        ['by-server', 'MYSQL', 'mysql'],
      ]);
    });
  }
});
