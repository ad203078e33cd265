// Creating products and invoices stops exactly at the plan's limit, also when
// many requests race for the last places on two gateway processes at once.
import { randomBytes } from 'node:crypto';
import { uuidv7Floor } from '../../src/db/uuidTime';
import { createTestPlan } from '../support/plans';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { isolationsOn, tenantEngines } from '../support/engines';

describe.each(tenantEngines)('on %s', (engine) => {
  const CREATE_PRODUCT = `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`;
  const CREATE_INVOICE = `mutation($input: InvoiceInput!) { createInvoice(input: $input) { id } }`;
  const COUNT = `{ products { totalCount } }`;

  let gw: TestGateway;
  let owner: TestUser;

  beforeAll(async () => {
    gw = await startTestGateway({ engine });
    owner = await gw.createUser();
    await createTestPlan(gw, 'tiny', { maxProducts: 3, maxInvoicesPerMonth: 2 });
    await createTestPlan(gw, 'burst', { maxProducts: 5 });
  });
  afterAll(() => gw.close());

  const product = (sku: string) => ({ input: { sku, name: sku, kind: 'GOODS', price: '10' } });
  const invoice = { input: { kind: 'SALE', items: [{ description: 'service', quantity: '1', unitPrice: '5' }] } };

  test('the product after the last one the plan allows is refused with PLAN_LIMIT_EXCEEDED, naming the limit', async () => {
    await gw.createTenant({ slug: 'tiny-shop', owner, plan: 'tiny' });
    const as = { token: owner.token, tenant: 'tiny-shop' };
    for (const sku of ['A', 'B', 'C']) expect((await gw.request(CREATE_PRODUCT, { ...as, variables: product(sku) })).body.errors).toBeUndefined();

    const refused = await gw.request(CREATE_PRODUCT, { ...as, variables: product('D') });
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'PLAN_LIMIT_EXCEEDED',
      plan: 'tiny',
      limitName: 'maxProducts',
      limit: 3,
      current: 3,
    });
    expect((await gw.request(COUNT, as)).body.data.products.totalCount).toBe(3);

    // The limit is on products held: deleting one makes room for one.
    const first = (await gw.request('{ products(first: 1) { edges { node { id } } } }', as)).body.data.products.edges[0].node.id;
    await gw.request('mutation($id: ID!) { deleteProduct(id: $id) }', { ...as, variables: { id: first } });
    expect((await gw.request(CREATE_PRODUCT, { ...as, variables: product('D') })).body.errors).toBeUndefined();
  });

  test('invoices count per calendar month: last month’s do not use this month’s allowance', async () => {
    const tenant = await gw.createTenant({ slug: 'tiny-books', owner, plan: 'tiny' });
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15));
    await gw.withTenantDb(tenant, async (db) => {
      for (const n of [1, 2, 3]) {
        const id = `${uuidv7Floor(lastMonth).slice(0, 24)}${randomBytes(6).toString('hex')}`;
        await db.invoice.create({ data: { id, number: `OLD-${n}`, kind: 'SALE', currency: 'USD', createdAt: lastMonth } });
      }
    });
    const as = { token: owner.token, tenant: 'tiny-books' };
    expect((await gw.request(CREATE_INVOICE, { ...as, variables: invoice })).body.errors).toBeUndefined();
    expect((await gw.request(CREATE_INVOICE, { ...as, variables: invoice })).body.errors).toBeUndefined();
    const refused = await gw.request(CREATE_INVOICE, { ...as, variables: invoice });
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', limitName: 'maxInvoicesPerMonth', limit: 2, current: 2 });
    expect((await gw.request('{ invoices { totalCount } }', as)).body.data.invoices.totalCount).toBe(5);
  });

  test('a burst of creates on two gateways at once admits exactly the products that fit', async () => {
    await gw.createTenant({ slug: 'burst-shop', owner, plan: 'burst' });
    const second = await startTestGateway({ engine, sharing: gw });
    try {
      const as = { token: owner.token, tenant: 'burst-shop' };
      for (const sku of ['P1', 'P2']) await gw.request(CREATE_PRODUCT, { ...as, variables: product(sku) });

      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 ? gw : second).request(CREATE_PRODUCT, { ...as, variables: product(`B${i}`) })),
      );
      const codes = burst.map((r) => r.body.errors?.[0].extensions.code ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
      expect(codes.filter((c) => c === 'PLAN_LIMIT_EXCEEDED')).toHaveLength(13);
      expect((await gw.request(COUNT, as)).body.data.products.totalCount).toBe(5);
    } finally {
      await second.close();
    }
  });

  test('an unlimited plan creates without counting', async () => {
    await gw.createTenant({ slug: 'big-shop', owner, plan: 'enterprise' });
    const as = { token: owner.token, tenant: 'big-shop' };
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => gw.request(CREATE_PRODUCT, { ...as, variables: product(`E${i}`) })));
    expect(created.every((r) => !r.body.errors)).toBe(true);
  });

  /** Puts 5 MB of barely compressible text into one of the tenant's products, straight into its database. */
  async function fillStorage(slug: string, sku: string) {
    const tenant = (await gw.services.registry.find(slug))!;
    await gw.withTenantDb(tenant, (db) => db.product.update({ where: { sku }, data: { attributes: { scan: randomBytes(4 * 2 ** 20).toString('base64') } } }));
  }

  describe.each(isolationsOn(engine))('%s isolation', (isolation) => {
    test("a tenant whose data reached the plan's storage creates no more products or invoices; its neighbour still does", async () => {
      const plan = `one-mb-${isolation.toLowerCase()}`;
      // Above what a new tenant's empty tables take (about 3 MB of InnoDB files on MySQL), below that and what fillStorage adds.
      await createTestPlan(gw, plan, { maxStorageMb: 4 });
      const [full, roomy] = [`full-${isolation.toLowerCase()}`, `roomy-${isolation.toLowerCase()}`];
      await gw.createTenant({ slug: full, owner, plan, isolation });
      await gw.createTenant({ slug: roomy, owner, plan, isolation });
      const as = { token: owner.token, tenant: full };
      expect((await gw.request(CREATE_PRODUCT, { ...as, variables: product('SCAN') })).body.errors).toBeUndefined();

      await fillStorage(full, 'SCAN');
      const refused = await gw.request(CREATE_PRODUCT, { ...as, variables: product('MORE') });
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', plan, limitName: 'maxStorageMb', limit: 4 });
      expect(refused.body.errors![0].extensions.current).toBeGreaterThanOrEqual(4);
      expect((await gw.request(CREATE_INVOICE, { ...as, variables: invoice })).body.errors?.[0].extensions).toMatchObject({ limitName: 'maxStorageMb' });
      expect((await gw.request(COUNT, as)).body.data.products.totalCount).toBe(1);

      // Its own database or schema is measured, not the server or the shared database.
      expect((await gw.request(CREATE_PRODUCT, { token: owner.token, tenant: roomy, variables: product('ROOM') })).body.errors).toBeUndefined();
    });
  });

  test("a move down to a plan whose storage the tenant's data already exceeds is refused", async () => {
    await createTestPlan(gw, 'small-storage', { maxStorageMb: 3 });
    await gw.createTenant({ slug: 'big-data', owner });
    const as = { token: owner.token, tenant: 'big-data' };
    await gw.request(CREATE_PRODUCT, { ...as, variables: product('SCAN') });
    await fillStorage('big-data', 'SCAN');
    const refused = await gw.request('mutation { changePlan(plan: "small-storage") { plan { code } } }', as);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', limitName: 'maxStorageMb', limit: 3 });
  });
});
