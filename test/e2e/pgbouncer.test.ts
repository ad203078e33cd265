// Tenants behind a real PgBouncer in transaction pooling mode: requests go through
// it (TENANT_SERVERS names the direct URL and the pooled one), provisioning and
// migrations go to the server directly, and the isolation and batching suites pass
// as they do without it. The console's servers list shows the pooler, reachable.
import { withDatabase } from '../../src/db/urls';
import { testServerUrl } from '../support/database';
import { pgbouncerMissing, startPgBouncer, type TestPgBouncer } from '../support/pgbouncer';
import { startTestGateway } from '../support/testGateway';
import { batchingSuite } from '../suites/batchingSuite';
import { isolationSuite } from '../suites/isolationSuite';

let bouncer: TestPgBouncer;
const throughBouncer = () => ({ TENANT_SERVERS: `main=${withDatabase(testServerUrl(), 'postgres')}|${bouncer.url}` });

if (pgbouncerMissing) {
  test.skip(pgbouncerMissing, () => {});
} else {
  beforeAll(async () => {
    bouncer = await startPgBouncer(testServerUrl());
  });
  afterAll(() => bouncer.stop());

  describe('isolation through PgBouncer', () => isolationSuite(throughBouncer));
  describe('batching through PgBouncer', () => batchingSuite(throughBouncer));

  test('the database servers list the pooler in front of the server, both reachable', async () => {
    const gw = await startTestGateway({ env: throughBouncer() });
    const query = '{ databaseServers { name pooled reachable poolerReachable } }';
    try {
      const admin = await gw.createUser({ platformAdmin: true });
      expect((await gw.request(query, { token: admin.token })).body.data.databaseServers).toEqual([{ name: 'main', pooled: true, reachable: true, poolerReachable: true }]);
    } finally {
      await gw.close();
    }
  });

  test("the tenants' requests went through PgBouncer, and only they did", async () => {
    const carried = await bouncer.transactionsByDatabase();
    const tenantDatabases = [...carried.keys()].filter((name) => /^tgt[0-9a-f]+_/.test(name));
    expect(tenantDatabases.filter((name) => name.endsWith('_shared')).length).toBeGreaterThan(0); // SCHEMA tenants
    expect(tenantDatabases.filter((name) => !name.endsWith('_shared') && !name.endsWith('_platform')).length).toBeGreaterThan(0);
    for (const name of tenantDatabases) expect(carried.get(name)).toBeGreaterThan(0);
    // The platform database is never behind the tenant servers' pooler.
    expect(tenantDatabases.filter((name) => name.endsWith('_platform'))).toEqual([]);
  });
}
