// A fleet of 1,000 tenants of mixed placement (POOL, SCHEMA and DATABASE on
// PostgreSQL, DATABASE on MySQL when the run has it), one migration behind this
// release, brought forward by `npm run db -- migrate` (a rollout, followed to its end)
// while a gateway runs: the drift view ends with one version, through the API and in
// `db status`, which reads it from the tenants' databases.
import type { Isolation } from '../../src/generated/platform/enums';
import type { Engine } from '../../src/engine';
import { latestVersion } from '../../src/provisioning/schemaVersions';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { runDb } from '../support/dbCommand';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { previousVersion, takeBack } from '../support/schemaBehind';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const MIX: Array<{ isolation: Isolation; engine: Engine; count: number }> = [
  { isolation: 'POOL', engine: 'postgresql', count: 930 },
  { isolation: 'SCHEMA', engine: 'postgresql', count: 40 },
  { isolation: 'DATABASE', engine: 'postgresql', count: MYSQL_URL ? 20 : 30 },
  ...(MYSQL_URL ? [{ isolation: 'DATABASE' as const, engine: 'mysql' as const, count: 10 }] : []),
];
const FLEET = MIX.reduce((n, m) => n + m.count, 0);

let gw: TestGateway;
let admin: TestUser;

beforeAll(async () => {
  gw = await startTestGateway({ engine: MYSQL_URL ? 'mysql' : 'postgresql' });
  admin = await gw.createUser({ platformAdmin: true });
}, 60_000);
afterAll(() => gw?.close());

/** `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(Array.from({ length: limit }, async () => { for (let item = queue.shift(); item; item = queue.shift()) await work(item); }));
}

test(`${FLEET} tenants of mixed placement roll out; the drift view ends with one version`, async () => {
  const owner = await gw.createUser();
  const plan = MIX.flatMap(({ isolation, engine, count }) => Array.from({ length: count }, (_, i) => ({ slug: `${isolation.toLowerCase()}-${engine}-${i}`, isolation, engine })));
  const tenants: TenantRecord[] = [];
  await inParallel(plan, 6, async (p) => tenants.push(await gw.createTenant({ ...p, owner })));
  // One migration behind: a POOL database once for all its tenants, every other tenant itself.
  const places = [tenants.find((t) => t.isolation === 'POOL')!, ...tenants.filter((t) => t.isolation !== 'POOL')];
  await inParallel(places, 4, (t) => takeBack(gw.services, t));
  const versions = async () => (await gw.request('{ schemaVersions { version tenants latest } }', { token: admin.token })).body.data.schemaVersions;
  expect(await versions()).toEqual([{ version: previousVersion(tenants[0]), tenants: FLEET, latest: false }]);

  const migrated = await runDb(['migrate'], { ...process.env, ...gw.env });
  expect(migrated.out).toMatch(/rollout \S+: succeeded/);
  expect(migrated.out).toContain(`migrate: ${FLEET + 1} ok, 0 failed`);
  expect(migrated.code).toBe(0);

  expect(await versions()).toEqual([{ version: latestVersion(), tenants: FLEET, latest: true }]);
  // The pool database was migrated once, by one of its tenants; the others were counted as they were, at once.
  const poolTurns = await gw.services.platform.rolloutTenant.findMany({ where: { tenant: { isolation: 'POOL' } }, select: { detail: true } });
  expect(poolTurns.filter((t) => t.detail !== 'up to date')).toEqual([{ detail: `applied ${latestVersion()}` }]);
  const status = await runDb(['status'], { ...process.env, ...gw.env });
  expect(status.out).toMatch(new RegExp(`\\n${latestVersion()} +${FLEET} +this release\\n`));
  expect(status.code).toBe(0);
}, 600_000);
