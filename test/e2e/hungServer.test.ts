// A tenant server that stops answering (a real process under SIGSTOP: it keeps
// its sockets and says nothing) costs its own tenants a prompt DATABASE_UNAVAILABLE,
// for reads and writes alike, never a long stall; tenants on other servers do not notice; the gateway recovers
// when the server does; and new tenants are placed on a server that answers.
import { withDatabase } from '../../src/db/urls';
import { testServerUrl } from '../support/database';
import { pgbouncerMissing, startPgBouncer, type TestPgBouncer } from '../support/pgbouncer';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const PRODUCTS = '{ products { totalCount } }';
let bouncer: TestPgBouncer;
let gw: TestGateway;
let owner: TestUser;

async function timed(tenant: string, query = PRODUCTS) {
  const started = Date.now();
  const response = await gw.request(query, { token: owner.token, tenant });
  return { ms: Date.now() - started, status: response.status, code: response.body.errors?.[0]?.extensions.code, body: response.body };
}

const timedWrite = (sku: string) => timed('on-flaky', `mutation { createProduct(input: { sku: "${sku}", name: "w", kind: GOODS, price: "1" }) { id } }`);

/** The products of "on-flaky" once its server answers again. */
async function recovered() {
  let answer;
  for (let i = 0; i < 20 && (answer = await timed('on-flaky')).code; i++) await new Promise((r) => setTimeout(r, 250));
  return answer!;
}

if (pgbouncerMissing) {
  test.skip(pgbouncerMissing, () => {});
} else {
  beforeAll(async () => {
    // In session mode PgBouncer stands in for the server itself (provisioning and migrations go through it too).
    bouncer = await startPgBouncer(testServerUrl(), 'session');
    const direct = withDatabase(testServerUrl(), 'postgres');
    // "flaky" is reached only through the process we will stop; "steady" directly.
    gw = await startTestGateway({
      env: {
        TENANT_SERVERS: `flaky=${bouncer.url},steady=${direct}`,
        // PgBouncer keeps its server connections, and a template with connections cannot be copied.
        TENANT_TEMPLATES: 'false',
        DB_CONNECT_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '1000',
        DB_ACQUIRE_TIMEOUT_MS: '1000',
      },
    });
    owner = await gw.createUser();
    const onFlaky = await gw.createTenant({ slug: 'on-flaky', owner });
    const onSteady = await gw.createTenant({ slug: 'on-steady', owner });
    expect([onFlaky.server, onSteady.server]).toEqual(['flaky', 'steady']);
    for (const tenant of ['on-flaky', 'on-steady']) expect((await timed(tenant)).body.data).toEqual({ products: { totalCount: 0 } });
  });
  afterAll(async () => {
    bouncer.resume();
    await gw.close();
    await bouncer.stop();
  });

  test("while its server hangs, a tenant's requests end promptly with DATABASE_UNAVAILABLE, and the other server's tenant is served", async () => {
    bouncer.pause();
    try {
      const [hung, meanwhile] = await Promise.all([timed('on-flaky'), timed('on-steady')]);
      expect(hung).toMatchObject({ status: 200, code: 'DATABASE_UNAVAILABLE' });
      // Bounded by the statement timeout (1 s) and the client's margin over it, not by TCP's minutes.
      expect(hung.ms).toBeLessThan(5000);
      expect(JSON.stringify(hung.body)).not.toMatch(/postgres(ql)?:\/\/|127\.0\.0\.1/);
      expect(meanwhile.body.data).toEqual({ products: { totalCount: 0 } });
      expect(meanwhile.ms).toBeLessThan(hung.ms);
      // A second request, which must open a new connection, is bounded by the connect timeout.
      const again = await timed('on-flaky');
      expect(again).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
      expect(again.ms).toBeLessThan(5000);
      // A write (Prisma, in a transaction), on a new connection, ends the same way.
      const write = await timedWrite('W1');
      expect(write).toMatchObject({ status: 200, code: 'DATABASE_UNAVAILABLE' });
      expect(write.ms).toBeLessThan(5000);
    } finally {
      bouncer.resume();
    }
    // The server is back: so is its tenant, with no restart.
    expect((await recovered()).body.data).toEqual({ products: { totalCount: 0 } });
  });

  test('a write whose transaction cannot begin in time (its BEGIN hangs on a pooled connection) ends with DATABASE_UNAVAILABLE, and writes nothing', async () => {
    expect((await timed('on-flaky')).body.data).toEqual({ products: { totalCount: 0 } }); // a connection left idle in the pool
    bouncer.pause();
    try {
      // Prisma gives up waiting for BEGIN (its maxWait, the statement timeout) before the connection's own timeout fires.
      const write = await timedWrite('W2');
      expect(write).toMatchObject({ status: 200, code: 'DATABASE_UNAVAILABLE' });
      expect(write.ms).toBeLessThan(5000);
      expect(JSON.stringify(write.body)).not.toMatch(/transaction|postgres(ql)?:\/\/|127\.0\.0\.1/i);
    } finally {
      bouncer.resume();
    }
    expect((await recovered()).body.data).toEqual({ products: { totalCount: 0 } });
  });

  test('a tenant created while a server hangs is placed on one that answers, and becomes ACTIVE', async () => {
    // "flaky" holds one tenant and "steady" one: the tie would go to "flaky", the first named.
    bouncer.pause();
    try {
      const tenant = await gw.createTenant({ slug: 'placed-well', owner });
      expect(tenant).toMatchObject({ status: 'ACTIVE', server: 'steady' });
    } finally {
      bouncer.resume();
    }
    expect((await timed('placed-well')).body.data).toEqual({ products: { totalCount: 0 } });
  });
}
