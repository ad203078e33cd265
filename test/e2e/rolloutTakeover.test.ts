// Gateway processes of this release start over tenants one migration behind: they
// migrate none of them, log the drift, and read the version of a tenant not known yet
// from its database. Then the process driving a rollout is killed (SIGKILL) while a
// tenant's migration waits on a lock; another process finds its driver silent
// (JOB_STALE_SECONDS), takes the rollout over and finishes it, migrating the
// interrupted tenant again: every tenant ends on this release, its migration recorded once.
import pg from 'pg';
import { withDatabase } from '../../src/db/urls';
import { migrationsOf, versionOf } from '../../src/provisioning/tenantSchema';
import { withTenantSql } from '../../src/provisioning/tenantSql';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { eventually } from '../support/eventually';
import { startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { previousVersion, takeBack, versionInDatabase } from '../support/schemaBehind';
import { graphqlRequest, startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

let gw: TestGateway;
let admin: TestUser;
const processes: GatewayProcess[] = [];

beforeAll(async () => {
  // This process only makes the tenants and looks: it runs no jobs.
  gw = await startTestGateway({ engine: MYSQL_URL ? 'mysql' : 'postgresql', env: { JOB_CONCURRENCY: '0', JOB_STALE_SECONDS: '2' } });
  admin = await gw.createUser({ platformAdmin: true });
}, 60_000);

afterAll(async () => {
  for (const p of processes) await p.stop();
  await gw?.close();
});

/** A gateway process of the same platform that runs jobs. */
async function worker(): Promise<GatewayProcess> {
  const { PORT: _port, HOST: _host, ...platform } = gw.env;
  const started = await startGatewayProcess({ ...platform, JOB_CONCURRENCY: '1', JOB_STALE_SECONDS: '2', LOG_LEVEL: 'warn' });
  processes.push(started);
  return started;
}

test('a rollout whose driver dies is taken over by another process and finished', async () => {
  const owner = await gw.createUser();
  const tenants: TenantRecord[] = [];
  for (const slug of ['a-held', 'b-next', 'c-last']) tenants.push(await gw.createTenant({ slug, owner, engine: 'postgresql' }));
  if (MYSQL_URL) tenants.push(await gw.createTenant({ slug: 'd-mysql', owner, engine: 'mysql' }));
  for (const t of tenants) await takeBack(gw.services, t);
  for (const t of tenants) expect(await versionInDatabase(gw.services, t)).toBe(previousVersion(t));

  // The first tenant's migration will wait on this lock (a write's, which a change to the table or a key to it waits for): the driver is mid-tenant when its process dies.
  const held = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, tenants[0].databaseName!) });
  await held.connect();
  await held.query('BEGIN');
  await held.query('LOCK TABLE "Customer" IN ROW EXCLUSIVE MODE');

  // One tenant's version is not known (a fleet from before versions were recorded).
  await gw.services.platform.tenant.update({ where: { id: tenants[1].id }, data: { schemaVersion: null } });
  const first = await worker();
  await eventually(() => /\d+ serving tenants are not at this release's schema version \S+: start a rollout/.test(first.output()), 10_000);
  await eventually(async () => (await gw.services.platform.tenant.findUniqueOrThrow({ where: { id: tenants[1].id } })).schemaVersion === previousVersion(tenants[1]), 10_000);
  for (const t of tenants) expect(await versionInDatabase(gw.services, t)).toBe(previousVersion(t));
  const started = await graphqlRequest(first.url, 'mutation { startRollout(input: { concurrencyPerServer: 1 }) { id } }', { token: admin.token });
  const { id } = started.body.data.startRollout;
  await eventually(async () => (await gw.services.platform.rolloutTenant.findFirst({ where: { rolloutId: id, tenantId: tenants[0].id, status: 'RUNNING' } })) !== null, 20_000);
  const taken = await gw.services.platform.rollout.findUniqueOrThrow({ where: { id } });
  expect(taken).toMatchObject({ status: 'RUNNING', attempts: 1, lockedBy: expect.any(String) });

  await worker();
  first.child.kill('SIGKILL');
  await first.exited;
  await held.end(); // the lock goes; the dead process's migration of a-held is rolled back with its connection

  const done = await eventually(async () => {
    const rollout = await gw.services.platform.rollout.findUniqueOrThrow({ where: { id } });
    return rollout.status !== 'RUNNING' && rollout;
  }, 60_000);
  expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lockedBy: null });
  const rows = await gw.services.platform.rolloutTenant.findMany({ where: { rolloutId: id } });
  expect(rows.map((r) => r.status)).toEqual(tenants.map(() => 'SUCCEEDED'));

  for (const t of tenants) {
    const latest = versionOf(migrationsOf(t))!;
    expect(await versionInDatabase(gw.services, t)).toBe(latest);
    const recorded = await withTenantSql(gw.services.servers.connectionOf(t), (sql) =>
      sql.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM _prisma_migrations WHERE migration_name = '${latest}'`),
    );
    expect(Number(recorded[0].n)).toBe(1);
    expect((await gw.services.platform.tenant.findUniqueOrThrow({ where: { id: t.id } })).schemaVersion).toBe(latest);
  }
}, 120_000);
