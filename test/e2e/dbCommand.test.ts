// `npm run db -- <command>`, run for real as a child process against a platform
// database with tenants on each engine (in both isolation modes on PostgreSQL), one
// of them broken and one never migrated (neither has a known schema version).
import pg from 'pg';
import { engineName, type Engine } from '../../src/engine';
import { tenantMigrations } from '../../src/db/migrations';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import { createTenantRecord } from '../../src/provisioning/createTenantRecord';
import { runDb, type DbRun } from '../support/dbCommand';
import { tenantEngines } from '../support/engines';
import { tenantServer, type TenantServer } from '../support/tenantServer';
import { freePort } from '../support/gatewayProcess';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const db = (gw: TestGateway, args: string[], env: Record<string, string> = {}): Promise<DbRun> => runDb(args, { ...process.env, ...gw.env, ...env });

const rowOf = (out: string, slug: string) => out.split('\n').find((line) => line.startsWith(`${slug} `));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(tenantEngines)('on %s', (engine: Engine) => {
  let gw: TestGateway;
  let owner: TestUser;
  let prefix: string;
  let server: TenantServer;
  /** host:port of the tenant server, as the status table shows it. */
  let host: string;
  /** The second tenant: in a schema of the shared database on PostgreSQL, a database of its own on MySQL. */
  const secondIsolation = engine === 'postgresql' ? 'SCHEMA' : 'DATABASE';
  /** The engine's tenant migrations: how many a migrated tenant has applied, and their names in order. */
  const names = tenantMigrations(engine).migrations.map((m) => m.name);
  const migrations = names.length;

  beforeAll(async () => {
    // No gateway runs jobs: `db migrate` drives its rollout with its own worker.
    gw = await startTestGateway({ engine, env: { JOB_CONCURRENCY: '0' } });
    prefix = gw.dbs.prefix;
    server = tenantServer(engine, gw.dbs.serverUrl);
    host = escape(server.host);
    owner = await gw.createUser();
    await gw.createTenant({ slug: 'own-db', isolation: 'DATABASE', owner });
    await gw.createTenant({ slug: 'second', isolation: secondIsolation, owner });
    await gw.createTenant({ slug: 'broken', isolation: 'DATABASE', owner });
    await server.dropDatabase(`${prefix}broken`);
    await gw.services.platform.tenant.update({ where: { slug: 'broken' }, data: { schemaVersion: null } });
    // A tenant whose database exists but was never migrated.
    const fresh = await gw.services.platform.$transaction((tx) =>
      createTenantRecord(tx, { slug: 'fresh', name: 'fresh', isolation: 'DATABASE', engine: engineName(engine), planCode: 'free', ownerId: owner.id }),
    );
    await gw.services.platform.tenant.update({ where: { id: fresh.id }, data: { status: 'ACTIVE', server: server.name, databaseName: `${prefix}fresh` } });
    await server.createDatabase(`${prefix}fresh`);
  }, 120_000);
  afterAll(() => gw.close());

  test('status: a table of tenants with engine, isolation, location, version, migrations and health, then the versions; the broken one fails by name; no password', async () => {
    const { code, out } = await db(gw, ['status']);
    expect(code).toBe(1);
    const last = names.at(-1)!;
    expect(rowOf(out, 'own-db')).toMatch(new RegExp(`^own-db +ACTIVE +${engineName(engine)} +DATABASE +${server.name} ${host}/${prefix}own_db +${last} +${migrations} +0 +ok$`));
    const second = engine === 'postgresql' ? `SCHEMA +default ${host}/${prefix}shared schema ${prefix}second` : `DATABASE +mysql ${host}/${prefix}second`;
    expect(rowOf(out, 'second')).toMatch(new RegExp(`${second} +${last} +${migrations} +0 +ok$`));
    expect(rowOf(out, 'fresh')).toMatch(new RegExp(` - +0 +${migrations} +ok, needs migrate$`));
    // The fleet's versions, read from the tenants' databases: the two healthy ones on this release, the fresh one on none.
    expect(out).toMatch(new RegExp(`\nversion +serving tenants\n[- ]+\n${last} +2 +this release\n- +1\n`));
    expect(rowOf(out, 'broken')).toMatch(/FAILED$/);
    expect(out).toContain('status: 4 ok, 1 failed');
    expect(out).toMatch(new RegExp(`FAILED broken: .*${escape(server.missingDatabase(`${prefix}broken`))}`));
    expect(out).not.toMatch(/postgres(ql)?:\/\/|postgres@|mysql:\/\/|mariadb:\/\/|root@/);
  });

  test('migrate: the platform, then a rollout of the tenants behind; the broken one halts it, is named, and the one after it never starts; resumed after the fix, both finish', async () => {
    const { code, out } = await db(gw, ['migrate', '--concurrency', '1']);
    expect(code).toBe(1);
    expect(out).toMatch(/platform \[1\/1\] platform: up to date/);
    // Only the two whose version is not this release's take part, in slug order, one at a time.
    expect(out).toMatch(/migrate \[1\/2\] broken: FAILED /);
    expect(out).not.toMatch(/own-db|second|fresh/);
    expect(out).toMatch(/rollout \S+: halted\nhalted at broken: .*; 1 tenants not reached\. Fix the cause, then: npm run db -- migrate --resume/);
    expect(out).toContain('migrate: 1 ok, 1 failed');
    expect(rowOf((await db(gw, ['status'])).out, 'fresh')).toMatch(/ok, needs migrate$/);
    // A halted rollout is resumed or cancelled before another starts.
    const again = await db(gw, ['migrate']);
    expect(again).toEqual({ code: 1, out: expect.stringMatching(/^db failed: rollout \S+ is halted: resume or cancel it first/m) });

    // The fix: the broken tenant's database is there again (empty); the resume brings it to this release.
    await server.createDatabase(`${prefix}broken`);
    const resumed = await db(gw, ['migrate', '--resume']);
    for (const slug of ['broken', 'fresh']) expect(resumed.out).toMatch(new RegExp(`migrate \\[\\d/2\\] ${slug}: applied ${names.join(', ')}`));
    expect(rowOf((await db(gw, ['status'])).out, 'fresh')).toMatch(new RegExp(` ${migrations} +0 +ok$`));
    expect(resumed.out).toMatch(/rollout \S+: succeeded/);
    expect(resumed).toMatchObject({ code: 0 });
    // Nothing is behind now; a canary named is migrated first all the same (nothing to apply).
    const canary = await db(gw, ['migrate', '--canary', 'own-db']);
    expect(canary).toMatchObject({ code: 0, out: expect.stringMatching(/migrate \[1\/1\] own-db: up to date/) });
    // A rollout started through the API, with no gateway running jobs: the command joins it and drives it.
    const admin = await gw.createUser({ platformAdmin: true });
    const started = await gw.request('mutation { startRollout(input: { cohorts: [{ name: "one", tenants: ["second"] }] }) { id } }', { token: admin.token });
    const joined = await db(gw, ['migrate']);
    expect(joined).toMatchObject({ code: 0, out: expect.stringContaining(`rollout ${started.body.data.startRollout.id}: succeeded`) });
    expect(joined.out).toMatch(/migrate \[1\/1\] second: up to date/);
    await server.dropDatabase(`${prefix}broken`); // broken again, for the commands after
  });

  test('verify: a tenant missing a table fails, naming the tenant and the table', async () => {
    if (engine === 'postgresql') {
      const shared = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, `${prefix}shared`) });
      await shared.connect();
      try {
        await shared.query(`DROP TABLE "${prefix}second"."Payment" CASCADE`);
      } finally {
        await shared.end();
      }
    } else {
      await withMysql(MYSQL_URL!, async (sql) => {
        // Other tables refer to Payment.
        await sql.query('SET FOREIGN_KEY_CHECKS = 0');
        await sql.query(`DROP TABLE \`${prefix}second\`.\`Payment\``);
      });
    }
    const { code, out } = await db(gw, ['verify']);
    expect(code).toBe(1);
    expect(out).toMatch(/verify \[\d\/4\] own-db: matches \d+ migration/);
    expect(out).toMatch(/FAILED second: missing tables: Payment/);
    expect(out).toMatch(/FAILED broken: /);
    expect(out).toContain('verify: 2 ok, 2 failed');
  });

  test("seed: plans and every active tenant's defaults, and no demo data when DEMO is off", async () => {
    const { code, out } = await db(gw, ['seed']);
    expect(code).toBe(1); // the broken tenant
    expect(out).toMatch(/seed \[1\/1\] plans: plan catalogue written/);
    expect(out).toMatch(/fresh: defaults present/);
    expect(out).toContain('demo data: not written (DEMO is off)');
    expect(await gw.withTenantDb((await gw.services.registry.find('fresh'))!, (db) => db.account.count())).toBeGreaterThan(10);
  });

  test('test-connection: reaches the platform, the tenant servers and Redis; names what it cannot reach, never its password', async () => {
    const ok = await db(gw, ['test-connection'], { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(new RegExp(`platform database: ok in \\d+ ms, ${escape(new URL(gw.dbs.serverUrl).host)}/${prefix}platform, PostgreSQL`));
    expect(ok.out).toMatch(
      new RegExp(`tenant server ${server.name}: ok in \\d+ ms, ${host}/\\S*, ${engine === 'postgresql' ? 'PostgreSQL' : '(MariaDB|MySQL)'} \\d`),
    );
    expect(ok.out).toMatch(/redis: ok in \d+ ms, Redis/);
    const closed = await freePort();
    const far = engine === 'postgresql' ? `postgresql://app:s3cret-pw@127.0.0.1:${closed}/postgres` : `mysql://app:s3cret-pw@127.0.0.1:${closed}/`;
    const bad = await db(gw, ['test-connection'], { TENANT_SERVERS: `${server.name}=${engine === 'postgresql' ? gw.dbs.serverUrl : MYSQL_URL},far=${far}` });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAILED tenant server far: .*ECONNREFUSED/);
    expect(bad.out).not.toContain('s3cret-pw');
  });

  test('reset refuses without --force and in production; with --force it drops every tenant database and starts the platform afresh', async () => {
    const refused = await db(gw, ['reset']);
    expect(refused).toEqual({ code: 2, out: expect.stringContaining('--force') });
    const production = await db(gw, ['reset', '--force'], { NODE_ENV: 'production' });
    expect(production).toEqual({ code: 2, out: expect.stringContaining('never runs with NODE_ENV=production') });
    expect(await server.databases(`${prefix}own_db`)).toEqual([`${prefix}own_db`]);

    const reset = await db(gw, ['reset', '--force']);
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('platform: dropped and made again');
    // On PostgreSQL the platform database is made again, and the shared schema database stays (empty of tenant schemas).
    expect(await server.databases(prefix)).toEqual(engine === 'postgresql' ? [`${prefix}platform`, `${prefix}shared`] : []);
    const status = await db(gw, ['status']);
    expect(status.code).toBe(0);
    expect(status.out).toContain('status: 1 ok, 0 failed');
  });
});

test('an unknown command, or none, is named and refused with the list of commands (exit 2), before any database is opened', async () => {
  // A platform database that cannot be reached: a command that got as far as opening it would fail otherwise.
  const nowhere = { ...process.env, DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere` };
  const unknown = await runDb(['frobnicate'], nowhere);
  expect(unknown.code).toBe(2);
  expect(unknown.out).toMatch(/^unknown command "frobnicate"\n/);
  for (const command of ['migrate', 'status', 'verify', 'seed', 'clear-seeds', 'reset --force', 'test-connection'])
    expect(unknown.out).toContain(`  ${command} `);
  expect(await runDb(['constructor'], nowhere)).toEqual({ code: 2, out: expect.stringMatching(/^unknown command "constructor"/) });
  expect(await runDb([], nowhere)).toEqual({ code: 2, out: expect.stringMatching(/^no command given\n\nusage: /) });
  expect(await runDb(['status', '--verbose'], nowhere)).toEqual({ code: 2, out: expect.stringMatching(/^Unknown option '--verbose'/) });
  expect(await runDb(['--help'], nowhere)).toEqual({ code: 0, out: expect.stringMatching(/^usage: /) });
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
    expect(cleared.out).toMatch(/tenant demo-shop: removed \(deleted \d+ row\(s\) from the pool database \S+pool\)/);
    expect(cleared.out).toMatch(/tenant demo-gym: removed \(deleted \d+ row\(s\) from the pool database \S+pool\)/);
    expect(cleared.out).toContain('kept user employee@talanou.com (still a member of talanou)');
    expect(cleared.out).toContain('kept user viewer@talanou.com (still a member of talanou)');
    const tenants = await demo.services.platform.tenant.findMany({ select: { slug: true } });
    expect(tenants.map((t) => t.slug)).toEqual(['talanou']);
    const users = await demo.services.platform.user.findMany({ select: { email: true }, orderBy: { email: 'asc' } });
    expect(users.map((u) => u.email)).toEqual(['admin@talanou.com', 'employee@talanou.com', 'viewer@talanou.com']);

    expect((await db(demo, ['clear-seeds'], { NODE_ENV: 'production' })).code).toBe(2);
  } finally {
    await demo.close();
  }
}, 180_000);
