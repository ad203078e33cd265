// Fleet rollouts over the API, on every placement (PostgreSQL DATABASE, SCHEMA and
// POOL, and MySQL when the run has it), with the tenants one migration behind this
// release (test/support/schemaBehind.ts): a canary whose migration breaks halts the
// rollout before the rest, which keep serving on their old version; resuming after
// the fix finishes it and the drift view ends on one version. Skipped tenants are
// named, a cancel stops it where it is, the per-server cap holds (counted on the
// server), a migration stuck behind a lock gives up after MIGRATION_LOCK_TIMEOUT
// and leaves its tenant as it was, and only platform admins take part.
import pg from 'pg';
import { withDatabase } from '../../src/db/urls';
import { migrationsOf, versionOf } from '../../src/provisioning/tenantSchema';
import { SCHEMA_WORK_APPLICATION } from '../../src/provisioning/tenantSql';
import { enqueueRollout } from '../../src/provisioning/jobs/jobQueue';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantPlacements } from '../support/engines';
import { eventually } from '../support/eventually';
import { connectWs, operate, type WsConnection } from '../support/graphqlWs';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { previousVersion, takeBack, versionInDatabase } from '../support/schemaBehind';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const ROLLOUT_FIELDS = 'id status targetVersion concurrencyPerServer maxFailures error cohorts { name status total succeeded failed skipped } failures { tenant error } skipped { tenant error }';
const START = `mutation($input: StartRolloutInput!) { startRollout(input: $input) { ${ROLLOUT_FIELDS} } }`;
const RESUME = `mutation($id: ID!) { resumeRollout(id: $id) { ${ROLLOUT_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelRollout(id: $id) { ${ROLLOUT_FIELDS} } }`;
const ROLLOUT = `query($id: ID!) { rollout(id: $id) { ${ROLLOUT_FIELDS} } }`;
const VERSIONS = '{ schemaVersions { version tenants latest } }';
const PROGRESS = 'subscription($id: ID!) { rolloutProgress(id: $id) { kind tenant detail status error running cohorts { name status total succeeded failed skipped } } }';

const LOCK_TIMEOUT_S = 3;

let gw: TestGateway;
let admin: TestUser;
let owner: TestUser;
let ws: WsConnection;
const latest = versionOf(migrationsOf({ engine: 'POSTGRESQL', isolation: 'DATABASE' }))!;

beforeAll(async () => {
  gw = await startTestGateway({ engine: MYSQL_URL ? 'mysql' : 'postgresql', env: { MIGRATION_LOCK_TIMEOUT: `${LOCK_TIMEOUT_S}s`, JOB_CONCURRENCY: '2' } });
  admin = await gw.createUser({ platformAdmin: true });
  owner = await gw.createUser();
  ws = connectWs(gw.url, { authorization: `Bearer ${admin.token}` }, { keepOpen: true });
}, 120_000);

afterAll(async () => {
  await ws?.client.dispose();
  await gw?.close();
});

async function ok(query: string, variables: Record<string, unknown> = {}, as: TestUser = admin) {
  const { body } = await gw.request(query, { token: as.token, variables });
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const tenant = (slug: string, placement: (typeof tenantPlacements)[number] = { engine: 'postgresql', isolation: 'DATABASE' }) =>
  gw.createTenant({ slug, owner, isolation: placement.isolation, engine: placement.engine });

/** Follows a rollout to its end over graphql-ws: every event, the last one says how it ended. */
async function followed(id: string) {
  const progress = operate(ws.client, PROGRESS, { id });
  const results = await progress.done;
  return results.map((r) => {
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.rolloutProgress;
  });
}

const versionRecorded = async (t: TenantRecord) => (await gw.services.platform.tenant.findUniqueOrThrow({ where: { id: t.id } })).schemaVersion;
const products = (slug: string) => gw.request('{ products(first: 1) { totalCount } }', { token: owner.token, tenant: slug });

/**
 * Holds a ROW EXCLUSIVE lock on each tenant's Customer table (PostgreSQL DATABASE tenants) until released: what a long
 * write does to a migration that alters the table or adds a foreign key to it.
 */
async function holdCustomerTables(tenants: TenantRecord[]) {
  const clients = await Promise.all(
    tenants.map(async (t) => {
      const client = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, t.databaseName!) });
      await client.connect();
      await client.query('BEGIN');
      await client.query('LOCK TABLE "Customer" IN ROW EXCLUSIVE MODE');
      return client;
    }),
  );
  return async () => {
    for (const client of clients) await client.end();
  };
}

/** Migrator connections to this run's tenant databases now, waiting or working. */
async function migratorConnections(): Promise<number> {
  const [{ n }] = await gw.services.platform.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${SCHEMA_WORK_APPLICATION} AND datname LIKE ${`${gw.dbs.prefix}%`} AND state <> 'idle'`;
  return n;
}

describe('a canary that breaks', () => {
  let canary: TenantRecord;
  const others: TenantRecord[] = [];
  let rolloutId: string;

  beforeAll(async () => {
    canary = await tenant('canary');
    for (const placement of tenantPlacements) others.push(await tenant(`rest-${placement.engine}-${placement.isolation.toLowerCase()}`, placement));
    for (const t of others) await takeBack(gw.services, t);
    await takeBack(gw.services, canary, { conflicting: true });
  }, 180_000);

  test('the drift view shows every tenant behind this release, recorded and in their databases', async () => {
    const { schemaVersions } = await ok(VERSIONS);
    expect(schemaVersions).toEqual([{ version: previousVersion(canary), tenants: others.length + 1, latest: false }]);
    for (const t of [canary, ...others]) expect(await versionInDatabase(gw.services, t)).toBe(previousVersion(t));
    const { body } = await gw.request(`{ tenant(slug: "canary") { schemaVersion } }`, { token: owner.token });
    expect(body.data.tenant.schemaVersion).toBe(previousVersion(canary));
  });

  test('halts at the canary: no other tenant starts, and the rollout says which tenant failed with what', async () => {
    // The canary's migration waits on this lock until the subscription is there, so its failure is an event the test hears.
    const release = await holdCustomerTables([canary]);
    const { startRollout } = await ok(START, { input: { cohorts: [{ name: 'canary', tenants: ['canary'] }, { name: 'rest' }] } });
    rolloutId = startRollout.id;
    expect(startRollout).toMatchObject({ status: 'RUNNING', targetVersion: latest, maxFailures: 0, cohorts: [{ name: 'canary', total: 1 }, { name: 'rest', total: others.length }] });
    const progress = operate(ws.client, PROGRESS, { id: rolloutId });
    await progress.until((r) => r.data?.rolloutProgress.running === 1);
    await release();
    const events = (await progress.done).map((r) => r.data.rolloutProgress);

    expect(events.filter((e) => e.kind === 'TENANT_STARTED' && e.tenant !== 'canary')).toEqual([]);
    expect(events.find((e) => e.kind === 'TENANT_FAILED')).toMatchObject({ tenant: 'canary', detail: expect.stringMatching(/already exists/i), cohorts: [{ name: 'canary', failed: 1 }, { name: 'rest', succeeded: 0 }] });
    expect(events.at(-1)).toMatchObject({ status: 'HALTED', running: 0 });
    // No other tenant started.
    const rows = await gw.services.platform.rolloutTenant.findMany({ where: { rolloutId, tenantId: { in: others.map((t) => t.id) } } });
    expect(rows.map((r) => [r.status, r.startedAt])).toEqual(others.map(() => ['PENDING', null]));

    const { rollout } = await ok(ROLLOUT, { id: rolloutId });
    expect(rollout).toMatchObject({
      status: 'HALTED',
      error: expect.stringMatching(/^canary: .*already exists/i),
      cohorts: [
        { name: 'canary', status: 'HALTED', total: 1, succeeded: 0, failed: 1, skipped: 0 },
        { name: 'rest', status: 'PENDING', total: others.length, succeeded: 0, failed: 0 },
      ],
      failures: [{ tenant: 'canary', error: expect.stringMatching(/already exists/i) }],
    });
  });

  test('the halted rollout leaves every tenant on its old version, and serving', async () => {
    // The canary's migration ran in a transaction (PostgreSQL): nothing of it was kept.
    expect(await versionInDatabase(gw.services, canary)).toBe(previousVersion(canary));
    for (const t of others) {
      expect(await versionInDatabase(gw.services, t)).toBe(previousVersion(t));
      expect(await versionRecorded(t)).toBe(previousVersion(t));
      const { body } = await products(t.slug);
      expect(body.errors).toBeUndefined();
    }
    const again = await gw.request(START, { token: admin.token, variables: { input: {} } });
    expect(again.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', rolloutId }, message: expect.stringContaining('resume or cancel it') });
  });

  test('resumed after the fix, it finishes; the drift view ends on one version', async () => {
    await takeBack(gw.services, canary); // the fix: what was in the migration's way is gone
    const { resumeRollout } = await ok(RESUME, { id: rolloutId });
    expect(resumeRollout).toMatchObject({ status: 'RUNNING', error: null, failures: [] });
    const events = await followed(rolloutId);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', running: 0 });
    const rows = await gw.services.platform.rolloutTenant.findMany({ where: { rolloutId } });
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'SUCCEEDED'));

    const { rollout } = await ok(ROLLOUT, { id: rolloutId });
    expect(rollout.cohorts).toEqual([
      { name: 'canary', status: 'SUCCEEDED', total: 1, succeeded: 1, failed: 0, skipped: 0 },
      { name: 'rest', status: 'SUCCEEDED', total: others.length, succeeded: others.length, failed: 0, skipped: 0 },
    ]);
    for (const t of [canary, ...others]) expect(await versionInDatabase(gw.services, t)).toBe(latest);
    expect((await ok(VERSIONS)).schemaVersions).toEqual([{ version: latest, tenants: others.length + 1, latest: true }]);
    const again = await gw.request(RESUME, { token: admin.token, variables: { id: rolloutId } });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'SUCCEEDED' });
  });
});

describe('steering', () => {
  test('a tenant another job has, or that is not serving, is skipped and named; resume tries it again', async () => {
    const busy = await tenant('busy');
    const archived = await tenant('archived');
    await takeBack(gw.services, busy);
    await takeBack(gw.services, archived);
    await gw.services.platform.tenant.update({ where: { id: archived.id }, data: { status: 'ARCHIVED' } });
    // A job row that is not queued anywhere: it stays QUEUED for as long as the test wants.
    const job = await gw.services.platform.provisioningJob.create({ data: { tenantId: busy.id, kind: 'EXPORT' } });
    const { startRollout } = await ok(START, { input: { cohorts: [{ name: 'both', tenants: ['archived', 'busy'] }] } });
    const events = await followed(startRollout.id);
    expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', cohorts: [{ name: 'both', total: 2, skipped: 2, succeeded: 0 }] });
    const { rollout } = await ok(ROLLOUT, { id: startRollout.id });
    expect(rollout.skipped).toEqual(
      expect.arrayContaining([
        { tenant: 'archived', error: 'the tenant is archived' },
        { tenant: 'busy', error: `a export job (${job.id}) has the tenant` },
      ]),
    );
    expect(await versionInDatabase(gw.services, busy)).toBe(previousVersion(busy));
    await gw.services.platform.provisioningJob.delete({ where: { id: job.id } });
    await gw.services.platform.tenant.update({ where: { id: archived.id }, data: { status: 'ACTIVE' } });
    // A SUCCEEDED rollout is not resumed: a new one takes what is still behind.
    const { startRollout: next } = await ok(START, { input: {} });
    expect(next.cohorts).toEqual([expect.objectContaining({ name: 'all', total: 2 })]);
    expect((await followed(next.id)).at(-1)).toMatchObject({ status: 'SUCCEEDED', cohorts: [{ name: 'all', total: 2, succeeded: 2 }] });
    expect(await versionInDatabase(gw.services, busy)).toBe(latest);
  });

  test('at most concurrencyPerServer tenants of a server migrate at once, counted on the server', async () => {
    const fleet: TenantRecord[] = [];
    for (let i = 0; i < 5; i++) fleet.push(await tenant(`capped-${i}`));
    for (const t of fleet) await takeBack(gw.services, t);
    const release = await holdCustomerTables(fleet);
    let most = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        most = Math.max(most, await migratorConnections());
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      const { startRollout } = await ok(START, { input: { concurrencyPerServer: 2 } });
      // Both places taken, each migration waiting on its table: and no third one starts.
      await eventually(async () => (await migratorConnections()) === 2, 10_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await gw.services.platform.rolloutTenant.count({ where: { rolloutId: startRollout.id, status: 'RUNNING' } })).toBe(2);
      await release();
      expect((await followed(startRollout.id)).at(-1)).toMatchObject({ status: 'SUCCEEDED', cohorts: [{ total: 5, succeeded: 5 }] });
    } finally {
      sampling = false;
      await sampler;
      await release().catch(() => {});
    }
    expect(most).toBe(2);
    for (const t of fleet) expect(await versionInDatabase(gw.services, t)).toBe(latest);
  });

  test('a migration stuck behind a lock gives up after MIGRATION_LOCK_TIMEOUT, leaving its tenant as it was', async () => {
    const stuck = await tenant('stuck');
    await takeBack(gw.services, stuck);
    const release = await holdCustomerTables([stuck]);
    let startRollout: { id: string };
    try {
      const started = Date.now();
      ({ startRollout } = await ok(START, { input: {} }));
      expect((await followed(startRollout.id)).at(-1)).toMatchObject({ status: 'HALTED', error: expect.stringMatching(/^stuck: .*lock timeout/) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_TIMEOUT_S * 1000);
      expect(await versionInDatabase(gw.services, stuck)).toBe(previousVersion(stuck));
    } finally {
      await release();
    }
    // Once the long transaction is gone, a resume gets through.
    await ok(RESUME, { id: startRollout.id });
    expect((await followed(startRollout.id)).at(-1)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await versionInDatabase(gw.services, stuck)).toBe(latest);
  });

  test('cancelRollout stops it where it is: the running tenant finishes, the rest never start', async () => {
    const fleet: TenantRecord[] = [];
    for (let i = 0; i < 3; i++) fleet.push(await tenant(`cancelled-${i}`));
    for (const t of fleet) await takeBack(gw.services, t);
    const release = await holdCustomerTables([fleet[0]]);
    const { startRollout } = await ok(START, { input: { concurrencyPerServer: 1, maxFailures: 5 } });
    const progress = operate(ws.client, PROGRESS, { id: startRollout.id });
    await progress.until((r) => r.data?.rolloutProgress.running === 1);
    const { cancelRollout } = await ok(CANCEL, { id: startRollout.id });
    expect(cancelRollout).toMatchObject({ status: 'CANCELLED', cohorts: [{ status: 'CANCELLED' }] });
    await release();
    const events = (await progress.done).map((r) => r.data.rolloutProgress);
    expect(events.at(-1)).toMatchObject({ status: 'CANCELLED', running: 0 });
    // The first in slug order, stuck, finished once let go; the others never started.
    const rows = await gw.services.platform.rolloutTenant.findMany({ where: { rolloutId: startRollout.id }, include: { tenant: true }, orderBy: { tenant: { slug: 'asc' } } });
    expect(rows.map((r) => [r.tenant.slug, r.status])).toEqual([['cancelled-0', 'SUCCEEDED'], ['cancelled-1', 'PENDING'], ['cancelled-2', 'PENDING']]);
    expect(await versionInDatabase(gw.services, fleet[0])).toBe(latest);
    for (const t of fleet.slice(1)) expect(await versionInDatabase(gw.services, t)).toBe(previousVersion(t));
    const again = await gw.request(CANCEL, { token: admin.token, variables: { id: startRollout.id } });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'CANCELLED' });
    // What it left behind is taken by the next rollout.
    const { startRollout: next } = await ok(START, { input: {} });
    expect((await followed(next.id)).at(-1)).toMatchObject({ status: 'SUCCEEDED', cohorts: [{ total: 2, succeeded: 2 }] });
  });
});

describe('releases', () => {
  test('a rollout to another release’s version is left to that release’s workers, and is not resumed here', async () => {
    const other = await gw.services.platform.$transaction(async (tx) => {
      const rollout = await tx.rollout.create({ data: { targetVersion: '20990101000000_next_release', concurrencyPerServer: 1, maxFailures: 0 } });
      await enqueueRollout(tx, rollout);
      return rollout;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await gw.services.platform.rollout.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: 'RUNNING', attempts: 0, lockedBy: null });
    await gw.services.platform.rollout.update({ where: { id: other.id }, data: { status: 'HALTED' } });
    const resumed = await gw.request(RESUME, { token: admin.token, variables: { id: other.id } });
    expect(resumed.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('cancel it and start another') });
    await ok(CANCEL, { id: other.id });
  });
});

describe('who may', () => {
  test('only platform admins start, read, steer or follow rollouts and the drift view', async () => {
    for (const [query, variables] of [
      [START, { input: {} }],
      [ROLLOUT, { id: '00000000-0000-7000-8000-000000000000' }],
      [RESUME, { id: '00000000-0000-7000-8000-000000000000' }],
      [CANCEL, { id: '00000000-0000-7000-8000-000000000000' }],
      [VERSIONS, {}],
      ['{ rollouts { id } }', {}],
    ] as const) {
      const { body } = await gw.request(query, { token: owner.token, variables });
      expect(body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const asOwner = connectWs(gw.url, { authorization: `Bearer ${owner.token}` });
    try {
      const [refused] = await operate(asOwner.client, PROGRESS, { id: '00000000-0000-7000-8000-000000000000' }).done;
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    } finally {
      await asOwner.client.dispose();
    }
    const { body } = await gw.request(ROLLOUT, { token: admin.token, variables: { id: 'not-an-id' } });
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  test('bad cohorts are refused with BAD_USER_INPUT, naming the field', async () => {
    for (const [input, field] of [
      [{ cohorts: [] }, 'cohorts'],
      [{ cohorts: [{ name: 'x', tenants: ['no-such-tenant'] }] }, 'cohorts.0.tenants'],
      [{ cohorts: [{ name: 'x', percent: 0 }] }, 'cohorts.0.percent'],
      [{ cohorts: [{ name: 'x', percent: 10, tenants: ['canary'] }] }, 'cohorts.0'],
      [{ cohorts: [{ name: 'rest' }, { name: 'after', percent: 5 }] }, 'cohorts.0'],
      [{ cohorts: [{ name: 'a', tenants: ['canary'] }, { name: 'a', percent: 5 }] }, 'cohorts.1.name'],
      [{ concurrencyPerServer: 0 }, 'concurrencyPerServer'],
      [{ maxFailures: -1 }, 'maxFailures'],
    ] as const) {
      const { body } = await gw.request(START, { token: admin.token, variables: { input } });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await gw.services.platform.rollout.count({ where: { status: 'RUNNING' } })).toBe(0);
  });
});
