// `npm run db -- <command>`, run for real as a child process against a platform
// database with tenants in both isolation modes, one of them broken.
import pg from 'pg';
import { withDatabase } from '../../src/db/urls';
import { createTenantRecord } from '../../src/provisioning/createTenantRecord';
import { onServer } from '../support/database';
import { runDb, type DbRun } from '../support/dbCommand';
import { freePort } from '../support/gatewayProcess';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { withMysql } from '../../src/db/withMysql';
import { MYSQL_SKIPPED, MYSQL_URL } from '../support/mysqlDatabase';

const db = (gw: TestGateway, args: string[], env: Record<string, string> = {}): Promise<DbRun> => runDb(args, { ...process.env, ...gw.env, ...env });

const rowOf = (out: string, slug: string) => out.split('\n').find((line) => line.startsWith(`${slug} `));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let gw: TestGateway;
let owner: TestUser;
let prefix: string;
/** host:port of the test PostgreSQL, as the status table shows it. */
let server: string;

beforeAll(async () => {
  gw = await startTestGateway();
  prefix = gw.dbs.prefix;
  server = escape(new URL(gw.dbs.serverUrl).host);
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'own-db', isolation: 'DATABASE', owner });
  await gw.createTenant({ slug: 'own-schema', isolation: 'SCHEMA', owner });
  await gw.createTenant({ slug: 'broken', isolation: 'DATABASE', owner });
  await onServer(`DROP DATABASE "${prefix}broken" WITH (FORCE)`);
  // A tenant whose database exists but was never migrated.
  const fresh = await gw.services.platform.$transaction((tx) =>
    createTenantRecord(tx, { slug: 'fresh', name: 'fresh', isolation: 'DATABASE', planCode: 'free', ownerId: owner.id }),
  );
  await gw.services.platform.tenant.update({ where: { id: fresh.id }, data: { status: 'ACTIVE', databaseName: `${prefix}fresh` } });
  await onServer(`CREATE DATABASE "${prefix}fresh"`);
}, 120_000);
afterAll(() => gw.close());

test('status: a table of tenants with isolation, location, migrations and health; the broken one fails by name; no password', async () => {
  const { code, out } = await db(gw, ['status']);
  expect(code).toBe(1);
  expect(rowOf(out, 'own-db')).toMatch(new RegExp(`^own-db +ACTIVE +POSTGRESQL +DATABASE +default ${server}/${prefix}own_db +1 +0 +ok$`));
  expect(rowOf(out, 'own-schema')).toMatch(new RegExp(`SCHEMA +default ${server}/${prefix}shared schema ${prefix}own_schema +1 +0 +ok$`));
  expect(rowOf(out, 'fresh')).toMatch(/ 0 +1 +ok, needs migrate$/);
  expect(rowOf(out, 'broken')).toMatch(/FAILED$/);
  expect(out).toContain('status: 4 ok, 1 failed');
  expect(out).toMatch(new RegExp(`FAILED broken: .*database "${prefix}broken" does not exist`));
  expect(out).not.toMatch(/postgres(ql)?:\/\/|postgres@/);
});

test('migrate: the platform, then every serving tenant; the fresh one gets its migrations, the broken one is named', async () => {
  const { code, out } = await db(gw, ['migrate', '--concurrency', '2']);
  expect(code).toBe(1);
  expect(out).toMatch(/platform \[1\/1\] platform: up to date/);
  expect(out).toMatch(/migrate \[\d\/4\] fresh: applied \d+_init/);
  expect(out).toMatch(/migrate \[\d\/4\] own-db: up to date/);
  expect(out).toContain('migrate: 4 ok, 1 failed');
  expect(out).toMatch(/FAILED broken: /);
  expect(rowOf((await db(gw, ['status'])).out, 'fresh')).toMatch(/ 1 +0 +ok$/);
});

test('verify: a schema missing a table fails, naming the tenant and the table', async () => {
  const shared = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${prefix}shared`) });
  await shared.connect();
  try {
    await shared.query(`DROP TABLE "${prefix}own_schema"."Payment" CASCADE`);
  } finally {
    await shared.end();
  }
  const { code, out } = await db(gw, ['verify']);
  expect(code).toBe(1);
  expect(out).toMatch(/verify \[\d\/4\] own-db: matches \d+ migration/);
  expect(out).toMatch(/FAILED own-schema: missing tables: Payment/);
  expect(out).toMatch(/FAILED broken: /);
  expect(out).toContain('verify: 2 ok, 2 failed');
});

test('seed: plans and every active tenant\'s defaults, and no demo data when DEMO is off', async () => {
  const { code, out } = await db(gw, ['seed']);
  expect(code).toBe(1); // the broken tenant
  expect(out).toMatch(/seed \[1\/1\] plans: plan catalogue written/);
  expect(out).toMatch(/fresh: defaults present/);
  expect(out).toContain('demo data: not written (DEMO is off)');
  const lease = gw.services.pool.acquire((await gw.services.registry.find('fresh'))!);
  try {
    expect(await lease.db.account.count()).toBeGreaterThan(10);
  } finally {
    lease.release();
  }
});

test('test-connection: reaches the platform, the tenant servers and Redis; names what it cannot reach', async () => {
  const ok = await db(gw, ['test-connection'], { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(new RegExp(`platform database: ok in \\d+ ms, ${server}/${prefix}platform, PostgreSQL`));
  expect(ok.out).toMatch(/redis: ok in \d+ ms, Redis/);
  const closed = await freePort();
  const bad = await db(gw, ['test-connection'], {
    TENANT_SERVERS: `default=${gw.dbs.serverUrl},far=postgresql://app:s3cret-pw@127.0.0.1:${closed}/postgres`,
  });
  expect(bad.code).toBe(1);
  expect(bad.out).toMatch(/FAILED tenant server far: .*ECONNREFUSED/);
  expect(bad.out).not.toContain('s3cret-pw');
});

test('an unknown command, or none, is named and refused with the list of commands (exit 2), before any database is opened', async () => {
  // A platform database that cannot be reached: a command that got as far as opening it would fail otherwise.
  const nowhere = { DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere` };
  const unknown = await db(gw, ['frobnicate'], nowhere);
  expect(unknown.code).toBe(2);
  expect(unknown.out).toMatch(/^unknown command "frobnicate"\n/);
  for (const command of ['migrate', 'status', 'verify', 'seed', 'clear-seeds', 'reset --force', 'test-connection']) expect(unknown.out).toContain(`  ${command} `);
  expect(await db(gw, ['constructor'], nowhere)).toEqual({ code: 2, out: expect.stringMatching(/^unknown command "constructor"/) });
  expect(await db(gw, [], nowhere)).toEqual({ code: 2, out: expect.stringMatching(/^no command given\n\nusage: /) });
  expect(await db(gw, ['status', '--verbose'], nowhere)).toEqual({ code: 2, out: expect.stringMatching(/^Unknown option '--verbose'/) });
  expect(await db(gw, ['--help'], nowhere)).toEqual({ code: 0, out: expect.stringMatching(/^usage: /) });
});

test('reset refuses without --force and in production; with --force it drops every tenant database and starts the platform afresh', async () => {
  const refused = await db(gw, ['reset']);
  expect(refused).toEqual({ code: 2, out: expect.stringContaining('--force') });
  const production = await db(gw, ['reset', '--force'], { NODE_ENV: 'production' });
  expect(production).toEqual({ code: 2, out: expect.stringContaining('never runs with NODE_ENV=production') });
  const before = await onServer('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
  expect(before.rowCount).toBeGreaterThan(2);

  const reset = await db(gw, ['reset', '--force']);
  expect(reset.code).toBe(0);
  expect(reset.out).toContain('platform: dropped and made again');
  const after = await onServer('SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1', [prefix]);
  // The shared schema database stays (empty of tenant schemas); tenant databases are gone.
  expect(after.rows.map((r) => r.datname)).toEqual([`${prefix}platform`, `${prefix}shared`]);
  const status = await db(gw, ['status']);
  expect(status.code).toBe(0);
  expect(status.out).toContain('status: 1 ok, 0 failed');
});

test('clear-seeds removes the demo tenants and logins, and keeps a real tenant that uses a demo slug', async () => {
  const demo = await startTestGateway();
  try {
    // A real customer who happens to be talanou, with a password of their own.
    const real = await demo.createUser({ email: 'admin@talanou.com', password: 'not the demo password' });
    await demo.createTenant({ slug: 'talanou', owner: real });
    const seeded = await db(demo, ['seed'], { DEMO: 'true' });
    expect(seeded.out).toContain('demo tenants: demo tenants and logins present');

    const cleared = await db(demo, ['clear-seeds']);
    expect(cleared.code).toBe(0);
    expect(cleared.out).toMatch(/tenant arya-jewelry: removed \(dropped schema \S+arya_jewelry\)/);
    expect(cleared.out).toMatch(/tenant demo-shop: removed \(dropped database \S+demo_shop\)/);
    expect(cleared.out).toContain('kept user employee@talanou.com (still a member of talanou)');
    const tenants = await demo.services.platform.tenant.findMany({ select: { slug: true } });
    expect(tenants.map((t) => t.slug)).toEqual(['talanou']);
    const users = await demo.services.platform.user.findMany({ select: { email: true }, orderBy: { email: 'asc' } });
    expect(users.map((u) => u.email)).toEqual(['admin@talanou.com', 'employee@talanou.com']);

    expect((await db(demo, ['clear-seeds'], { NODE_ENV: 'production' })).code).toBe(2);
  } finally {
    await demo.close();
  }
}, 180_000);

// The same commands on a platform whose tenants live on MySQL: status shows the engine,
// verify and migrate work on MySQL tenants, seed reaches them, test-connection the server,
// and reset drops their databases.
const onMysql = MYSQL_URL ? describe : describe.skip;
if (!MYSQL_URL) test.skip(MYSQL_SKIPPED, () => {});
onMysql('on MySQL', () => {
  let my: TestGateway;
  beforeAll(async () => {
    my = await startTestGateway({ engine: 'mysql' });
    const someone = await my.createUser();
    await my.createTenant({ slug: 'my-db', owner: someone });
    await my.createTenant({ slug: 'my-broken', owner: someone });
    await withMysql(MYSQL_URL!, async (sql) => {
      await sql.query('SET FOREIGN_KEY_CHECKS = 0');
      await sql.query(`DROP TABLE \`${my.dbs.prefix}my_broken\`.\`Payment\``);
    });
  }, 120_000);
  afterAll(() => my.close());

  test('status, verify, migrate, seed and test-connection', async () => {
    const status = await db(my, ['status']);
    expect(rowOf(status.out, 'my-db')).toMatch(new RegExp(`^my-db +ACTIVE +MYSQL +DATABASE +mysql [^ ]+:\\d+/${my.dbs.prefix}my_db +1 +0 +ok$`));
    const verify = await db(my, ['verify']);
    expect(verify.out).toMatch(/verify \[\d\/2\] my-db: matches \d+ migration/);
    expect(verify.out).toMatch(/FAILED my-broken: missing tables: Payment/);
    expect((await db(my, ['migrate'])).out).toMatch(/migrate \[\d\/2\] my-db: up to date/);
    expect((await db(my, ['seed'])).code).toBe(0);
    const reach = await db(my, ['test-connection']);
    expect(reach.out).toMatch(/tenant server mysql: ok in \d+ ms, [^ ]+, (MariaDB|MySQL) \d/);
    expect(reach.out).not.toMatch(/mysql:\/\/|mariadb:\/\//);
  });

  test('reset drops the MySQL tenant databases', async () => {
    expect((await db(my, ['reset', '--force'])).code).toBe(0);
    const left = await withMysql(MYSQL_URL!, (sql) => sql.query('SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${my.dbs.prefix}%`]));
    expect(left).toEqual([]);
  });
});
