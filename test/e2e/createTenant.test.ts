// createTenant through the API: who may, what a slug may be, races on one slug, and
// how the database gets built (template copy, its fallback, a schema of its own).
import pg from 'pg';
import { tenantStorageName } from '../../src/db/identifiers';
import { loadMigrations } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { templateName } from '../../src/provisioning/tenantTemplate';
import { totalTables } from '../../src/provisioning/tenantSchema';
import { onServer } from '../support/database';
import { connectWs, operate } from '../support/graphqlWs';
import { CREATE_TENANT, PROGRESS, createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let alice: TestUser;

const migrations = loadMigrations('tenant');
const databases = async () =>
  (await onServer('SELECT datname, datistemplate FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1', [gw.dbs.prefix])).rows as Array<{
    datname: string;
    datistemplate: boolean;
  }>;

beforeAll(async () => {
  gw = await startTestGateway();
  alice = await gw.createUser();
});
afterAll(() => gw.close());

/** Creates a tenant and follows its job to the end over graphql-ws; returns every event. */
async function provision(input: Record<string, unknown>, user = alice) {
  const { job } = await createTenantViaApi(gw, user.token, input);
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

  const me = await gw.request('{ me { memberships { role tenant { slug status plan { code } } } } }', { token: alice.token });
  expect(me.body.data.me.memberships).toEqual([{ role: 'OWNER', tenant: { slug: 'first-shop', status: 'ACTIVE', plan: { code: 'starter' } } }]);
  const categories = await gw.request('{ categories { name } }', { token: alice.token, tenant: 'first-shop' });
  expect(categories.body.data.categories).toEqual([{ name: 'General' }]);
});

test.each([
  ['a slug that breaks the rules', { slug: 'Bad Slug!' }, 'BAD_USER_INPUT', 'slug'],
  ['a reserved slug', { slug: 'admin' }, 'BAD_USER_INPUT', 'slug'],
  ['a slug that is taken', { slug: 'first-shop' }, 'BAD_USER_INPUT', 'slug'],
  ['an unknown plan', { slug: 'no-such-plan', plan: 'platinum' }, 'BAD_USER_INPUT', 'plan'],
  ['an empty name', { slug: 'nameless', name: '  ' }, 'BAD_USER_INPUT', 'name'],
])('%s is refused', async (_what, input, code, field) => {
  const response = await gw.request(CREATE_TENANT, { token: alice.token, variables: { input: { name: 'x', ...input } } });
  expect(response.body.errors?.[0].extensions).toMatchObject({ code, field });
  expect(await gw.services.platform.tenant.count({ where: { slug: input.slug } })).toBe(input.slug === 'first-shop' ? 1 : 0);
});

test('creating a tenant needs a signed-in user', async () => {
  const response = await gw.request(CREATE_TENANT, { variables: { input: { slug: 'anonymous', name: 'x' } } });
  expect(response.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
});

test('of concurrent creates with one slug, one wins and the others get BAD_USER_INPUT', async () => {
  const users = await Promise.all([1, 2, 3, 4].map(() => gw.createUser()));
  const responses = await Promise.all(
    users.map((user) => gw.request(CREATE_TENANT, { token: user.token, variables: { input: { slug: 'contested', name: 'Contested' } } })),
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

test('tenant databases are copied from a template of the current migrations', async () => {
  const template = templateName(gw.dbs.prefix, migrations);
  expect(await databases()).toContainEqual({ datname: template, datistemplate: true });
  const events = await provision({ slug: 'from-template' });
  const migrate = events.filter((e) => e.step === 'migrate');
  const tables = totalTables(migrations);
  expect(migrate.map((e) => e.message)).toEqual(['tables copied from the template; applying newer migrations, if any', `all ${tables} tables were already in place`]);
  expect(migrate[0]).toMatchObject({ tablesCreated: tables, totalTables: tables });
});

test('several tenants provisioned at once are all copied and ACTIVE', async () => {
  const runs = await Promise.all(['burst-a', 'burst-b', 'burst-c', 'burst-d'].map((slug) => provision({ slug })));
  expect(runs.map((events) => events.at(-1).status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
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
    expect(migrate.at(-1)).toMatchObject({ tablesCreated: totalTables(migrations), message: `created ${totalTables(migrations)} of ${totalTables(migrations)} tables` });
  } finally {
    await squatter.end();
    await onServer(`ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`);
  }
});

test('the first SCHEMA tenants of a server, provisioned at once, all become ACTIVE (they race to create the shared database)', async () => {
  const tenants = await Promise.all(['shared-a', 'shared-b', 'shared-c', 'shared-d'].map((slug) => gw.createTenant({ slug, isolation: 'SCHEMA', owner: alice })));
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
    expect(rows[0].tables).toBe(totalTables(migrations) + 1); // and _prisma_migrations
  } finally {
    await shared.end();
  }
  const products = await gw.request('{ products { totalCount } }', { token: alice.token, tenant: 'in-a-schema' });
  expect(products.body.data.products.totalCount).toBe(0);
});
