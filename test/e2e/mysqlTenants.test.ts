// Placing tenants on MySQL through the API: `server` and `engine` choose where a tenant
// goes, a tenant created on a MySQL server is watched to ACTIVE over graphql-ws and
// serves the README's kind of queries, and what MySQL cannot do is refused up front.
import { connectWs, operate } from '../support/graphqlWs';
import { MYSQL_SKIPPED, MYSQL_URL } from '../support/mysqlDatabase';
import { CREATE_TENANT, PROGRESS, createTenantViaApi } from '../support/provisioning';
import { tenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const onMysql = MYSQL_URL ? describe : describe.skip;
if (!MYSQL_URL) test.skip(MYSQL_SKIPPED, () => {});

onMysql('tenants on a MySQL server', () => {
  let gw: TestGateway;
  let owner: TestUser;
  beforeAll(async () => {
    gw = await startTestGateway({ engine: 'mysql' });
    owner = await gw.createUser();
  });
  afterAll(() => gw.close());

  test('created with `server`, watched to ACTIVE over provisioningProgress, it serves products, invoices and reports', async () => {
    const created = await createTenantViaApi(gw, owner.token, { slug: 'gold-shop', server: 'mysql' });
    const ws = connectWs(gw.url, { authorization: `Bearer ${owner.token}` });
    try {
      const progress = operate(ws.client, PROGRESS, { jobId: created.job.id });
      await progress.until((r) => r.data?.provisioningProgress.status === 'SUCCEEDED');
      progress.stop();
      const steps = progress.results.map((r) => r.data?.provisioningProgress.step);
      expect(steps).toEqual(expect.arrayContaining(['migrate', 'seed', 'verify', 'activate']));
    } finally {
      await ws.client.dispose();
    }
    const me = await gw.request('{ me { memberships { tenant { slug engine status } } } }', { token: owner.token });
    expect(me.body.data.me.memberships).toContainEqual({ tenant: { slug: 'gold-shop', engine: 'MYSQL', status: 'ACTIVE' } });
    const api = tenantApi(gw, owner.token, 'gold-shop');
    const ring = await api.createProduct({ sku: 'RING-18K', name: 'Gold ring', kind: 'JEWELRY', price: '350.00', trackStock: false });
    const invoice = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring.id, quantity: '1' }] });
    await api.issue(invoice.id);
    await api.pay(invoice.id, '350.00');
    const answer = await api.call('{ products(filter: { search: "GOLD" }) { totalCount } invoices { edges { node { status total } } } salesReport(from: "2020-01-01", to: "2040-01-01", groupBy: MONTH) { count } }');
    expect(answer.products.totalCount).toBe(1);
    expect(answer.invoices.edges[0].node).toEqual({ status: 'PAID', total: '350' });
    expect(answer.salesReport.count).toBe(1);
  });

  test.each([
    ['SCHEMA isolation on MySQL', { slug: 'no-schema', engine: 'MYSQL', isolation: 'SCHEMA' }, 'isolation'],
    ['a server that is not configured', { slug: 'nowhere', server: 'elsewhere' }, 'server'],
    ['a server of the other engine', { slug: 'mixed', server: 'main', engine: 'MYSQL' }, 'server'],
  ])('%s is refused with BAD_USER_INPUT', async (_what, input, field) => {
    const response = await gw.request(CREATE_TENANT, { token: owner.token, variables: { input: { name: 'x', ...input } } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  test('without `server`, `engine` picks among that engine’s servers; PostgreSQL by default', async () => {
    await createTenantViaApi(gw, owner.token, { slug: 'by-engine', engine: 'MYSQL' });
    await createTenantViaApi(gw, owner.token, { slug: 'by-default' });
    const placed = await gw.services.platform.tenant.findMany({ where: { slug: { in: ['by-engine', 'by-default'] } }, orderBy: { slug: 'asc' } });
    expect(placed.map((t) => [t.slug, t.engine])).toEqual([
      ['by-default', 'POSTGRESQL'],
      ['by-engine', 'MYSQL'],
    ]);
  });
});

test('engine MYSQL with no MySQL server configured is refused with BAD_USER_INPUT', async () => {
  const gw = await startTestGateway();
  try {
    const owner = await gw.createUser();
    const response = await gw.request(CREATE_TENANT, { token: owner.token, variables: { input: { slug: 'no-mysql', name: 'x', engine: 'MYSQL' } } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'engine' });
  } finally {
    await gw.close();
  }
});
