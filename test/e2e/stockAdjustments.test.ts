// Stock as a shop keeps it: a service is sold without stock, and a count, damaged
// goods or opening stock put a product's stock right, each moving it and posting its
// value at the product's unit cost to the books, which keep balancing. Once per engine.
import { ACCOUNT } from '../../src/modules/books/chartOfAccounts';
import type { TenantDb } from '../../src/db/tenantClient';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantPlacements } from '../support/engines';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';

const ADJUST = `mutation($i: StockAdjustmentInput!) { adjustStock(input: $i) {
  product { stock }
  movement { id quantity type note }
  journalEntry { id sourceType sourceId description lines { nodes { debit credit account { code name } } } } } }`;
const STOCK = 'query($id: ID!) { product(id: $id) { stock } stockMovements(productId: $id) { totalCount } journalEntries { totalCount } }';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let owner: TenantApi;
  let member: TenantApi;
  let viewer: TenantApi;
  let tenant: TenantRecord;
  let ring: string;

  const adjust = async (api: TenantApi, input: Record<string, unknown>) => (await api.call(ADJUST, { i: input })).adjustStock;
  const line = (code: string, debit: string, credit: string) => expect.objectContaining({ debit, credit, account: expect.objectContaining({ code }) });

  const tenantDb = <T>(work: (db: TenantDb) => Promise<T>) => gw.withTenantDb(tenant, work);

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const [admin, writer, reader] = [await gw.createUser(), await gw.createUser(), await gw.createUser()];
    tenant = await gw.createTenant({ slug: 'stock', owner: admin, members: [[writer, 'MEMBER'], [reader, 'VIEWER']] });
    owner = tenantApi(gw, admin.token, 'stock');
    member = tenantApi(gw, writer.token, 'stock');
    viewer = tenantApi(gw, reader.token, 'stock');
    ring = (await owner.createProduct({ sku: 'RING', name: 'Gold ring', kind: 'JEWELRY', price: '400', cost: '250' })).id;
  });
  afterAll(() => gw.close());

  test('a SERVICE does not track stock unless asked: an hour of consulting sells with nothing on hand', async () => {
    const create = 'mutation($i: ProductInput!) { createProduct(input: $i) { id trackStock } }';
    const consulting = (await owner.call(create, { i: { sku: 'CONSULT-1H', name: 'An hour of consulting', kind: 'SERVICE', price: '120' } })).createProduct;
    expect(consulting.trackStock).toBe(false);
    const counted = (await owner.call(create, { i: { sku: 'REPAIR-KIT', name: 'Repair slot', kind: 'SERVICE', price: '30', trackStock: true } })).createProduct;
    expect(counted.trackStock).toBe(true);
    expect((await owner.call(create, { i: { sku: 'CHAIN', name: 'Chain', kind: 'GOODS', price: '90' } })).createProduct.trackStock).toBe(true);

    const customer = await owner.createCustomer('Client');
    const invoice = await owner.createInvoice({ kind: 'SALE', customerId: customer, items: [{ productId: consulting.id, quantity: '3' }] });
    expect((await owner.issue(invoice.id)).status).toBe('ISSUED');
    const { stockMovements } = await owner.call(STOCK, { id: consulting.id });
    expect(stockMovements.totalCount).toBe(0);
  });

  test('OPENING stock enters inventory at cost against owner’s capital, traced to its movement', async () => {
    const adjusted = await adjust(owner, { productId: ring, reason: 'OPENING', quantity: '10', note: 'from the old shop' });
    expect(adjusted.product.stock).toBe('10');
    expect(adjusted.movement).toEqual({ id: expect.any(String), quantity: '10', type: 'ADJUSTMENT', note: 'opening stock of RING: 10: from the old shop' });
    expect(adjusted.journalEntry).toMatchObject({ sourceType: 'stock', sourceId: adjusted.movement.id, description: 'opening stock of RING: 10: from the old shop' });
    expect(adjusted.journalEntry.lines.nodes).toEqual(expect.arrayContaining([line(ACCOUNT.INVENTORY, '2500', '0'), line(ACCOUNT.CAPITAL, '0', '2500')]));
    expect(adjusted.journalEntry.lines.nodes).toHaveLength(2);
  });

  test('a COUNT posts the difference from the books to Inventory adjustments, either way, and nothing when they agree', async () => {
    const short = await adjust(member, { productId: ring, reason: 'COUNT', quantity: '7' });
    expect(short.product.stock).toBe('7');
    expect(short.movement).toMatchObject({ quantity: '-3', type: 'ADJUSTMENT', note: 'stock count of RING: 7 counted, 10 on the books' });
    expect(short.journalEntry.lines.nodes).toEqual(
      expect.arrayContaining([
        { debit: '750', credit: '0', account: { code: ACCOUNT.INVENTORY_ADJUSTMENTS, name: 'Inventory adjustments' } },
        line(ACCOUNT.INVENTORY, '0', '750'),
      ]),
    );

    const found = await adjust(member, { productId: ring, reason: 'COUNT', quantity: '9' });
    expect(found.movement.quantity).toBe('2');
    expect(found.journalEntry.lines.nodes).toEqual(expect.arrayContaining([line(ACCOUNT.INVENTORY, '500', '0'), line(ACCOUNT.INVENTORY_ADJUSTMENTS, '0', '500')]));

    const before = await owner.call(STOCK, { id: ring });
    expect(await adjust(member, { productId: ring, reason: 'COUNT', quantity: '9' })).toEqual({ product: { stock: '9' }, movement: null, journalEntry: null });
    expect(await owner.call(STOCK, { id: ring })).toEqual(before);
  });

  test('DAMAGE writes goods off to Inventory write-offs, under the negative-stock rule of a sale', async () => {
    const damaged = await adjust(member, { productId: ring, reason: 'DAMAGE', quantity: '1', note: 'stone lost' });
    expect(damaged.movement).toMatchObject({ quantity: '-1', note: '1 of RING written off as damaged: stone lost' });
    expect(damaged.journalEntry.lines.nodes).toEqual(
      expect.arrayContaining([{ debit: '250', credit: '0', account: { code: ACCOUNT.INVENTORY_WRITE_OFFS, name: 'Inventory write-offs' } }, line(ACCOUNT.INVENTORY, '0', '250')]),
    );

    const before = await owner.call(STOCK, { id: ring });
    const refused = await member.refused(ADJUST, { i: { productId: ring, reason: 'DAMAGE', quantity: '20' } });
    expect(refused).toMatchObject({ message: 'not enough stock of RING (Gold ring): 8 on hand, 20 needed', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await owner.call(STOCK, { id: ring })).toEqual(before);
  });

  test('the books balance, and inventory holds the stock at cost', async () => {
    const { trialBalance } = await owner.call('{ trialBalance { totalDebit totalCredit } }');
    expect(trialBalance.totalDebit).toBe(trialBalance.totalCredit);
    // 8 rings at 250 on hand: brought in 10 (2500), 3 short (750), 2 found (500), 1 damaged (250).
    expect(await balancesByCode(owner)).toMatchObject({ [ACCOUNT.INVENTORY]: '2000', [ACCOUNT.CAPITAL]: '-2500', [ACCOUNT.INVENTORY_ADJUSTMENTS]: '250', [ACCOUNT.INVENTORY_WRITE_OFFS]: '250' });
  });

  test('each adjustment is a stock.adjusted event, written with it', async () => {
    const events = await tenantDb((db) => db.tenantEvent.findMany({ where: { type: 'stock.adjusted' }, orderBy: { id: 'asc' } }));
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ reason: 'OPENING', product: { id: ring, sku: 'RING' }, quantity: '10', onHand: '10', value: '2500', note: 'from the old shop' }),
      expect.objectContaining({ reason: 'COUNT', quantity: '-3', onHand: '7', value: '750', note: null }),
      expect.objectContaining({ reason: 'COUNT', quantity: '2', onHand: '9', value: '500' }),
      expect.objectContaining({ reason: 'DAMAGE', quantity: '-1', onHand: '8', value: '250', movementId: expect.any(String), journalEntryId: expect.any(String) }),
    ]);
  });

  test('a product that costs nothing moves stock and posts no entry', async () => {
    const sample = (await owner.createProduct({ sku: 'SAMPLE', name: 'Sample', kind: 'GOODS', price: '0' })).id;
    const adjusted = await adjust(owner, { productId: sample, reason: 'OPENING', quantity: '5' });
    expect(adjusted).toMatchObject({ product: { stock: '5' }, movement: { quantity: '5' }, journalEntry: null });
  });

  test.each([
    ['a quantity of zero to write off', { reason: 'DAMAGE', quantity: '0' }, /^quantity: must be more than zero/],
    ['a negative count', { reason: 'COUNT', quantity: '-2' }, /^quantity: must be a quantity/],
    ['more than 3 decimals', { reason: 'OPENING', quantity: '1.0001' }, /^quantity: must be a quantity with at most 3 decimals/],
    ['a note too long', { reason: 'OPENING', quantity: '1', note: 'x'.repeat(501) }, /^note: /],
  ])('refuses %s with BAD_USER_INPUT', async (_what, input, message) => {
    const error = await owner.refused(ADJUST, { i: { productId: ring, ...input } });
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  test('refuses a product whose stock is not tracked, one that does not exist, and a VIEWER', async () => {
    const wrap = (await owner.createProduct({ sku: 'WRAP', name: 'Gift wrap', kind: 'SERVICE', price: '3' })).id;
    expect(await owner.refused(ADJUST, { i: { productId: wrap, reason: 'COUNT', quantity: '4' } })).toMatchObject({
      message: 'WRAP does not track stock',
      extensions: { code: 'BAD_USER_INPUT', field: 'productId' },
    });
    expect((await owner.refused(ADJUST, { i: { productId: '0190a4b2-0000-7000-8000-000000000000', reason: 'COUNT', quantity: '4' } })).extensions.code).toBe('NOT_FOUND');
    expect((await viewer.refused(ADJUST, { i: { productId: ring, reason: 'COUNT', quantity: '4' } })).extensions.code).toBe('FORBIDDEN');
  });

  test('an adjustment’s entry is not reversed alone: the stock and the books would disagree', async () => {
    const { journalEntries } = await owner.call('{ journalEntries(first: 1, filter: { sourceType: "stock" }) { edges { node { id number } } } }');
    const entry = journalEntries.edges[0].node;
    const error = await owner.refused('mutation($id: ID!) { reverseJournalEntry(id: $id) { id } }', { id: entry.id });
    expect(error).toMatchObject({ message: `entry #${entry.number} comes from a stock adjustment: adjust the stock again to undo it`, extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('a tenant made before the adjustment accounts were in the default chart gets them on first use', async () => {
    const other = await gw.createUser();
    const older = await gw.createTenant({ slug: 'older-stock', owner: other });
    const api = tenantApi(gw, other.token, 'older-stock');
    await gw.withTenantDb(older, (db) => db.account.deleteMany({ where: { code: { in: [ACCOUNT.INVENTORY_ADJUSTMENTS, ACCOUNT.INVENTORY_WRITE_OFFS] } } }));
    const coin = (await api.createProduct({ sku: 'COIN', name: 'Coin', kind: 'COIN', price: '900', cost: '800' })).id;
    await adjust(api, { productId: coin, reason: 'OPENING', quantity: '3' });
    const counted = await adjust(api, { productId: coin, reason: 'COUNT', quantity: '2' });
    expect(counted.journalEntry.lines.nodes).toEqual(expect.arrayContaining([line(ACCOUNT.INVENTORY_ADJUSTMENTS, '800', '0')]));
    const { accounts } = await api.call('query($code: String!) { accounts(where: { code: { eq: $code } }) { nodes { children(first: 100) { nodes { code name } } } } }', {
      code: ACCOUNT.EXPENSES,
    });
    expect(accounts.nodes[0].children.nodes).toEqual(
      expect.arrayContaining([{ code: ACCOUNT.INVENTORY_ADJUSTMENTS, name: 'Inventory adjustments' }]),
    );
  });
});
