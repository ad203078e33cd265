// Requests that race: payments arriving at the same moment never pay an invoice
// more than it is due, and two sales of the last piece never both take it. Every
// request is a real HTTP request to a real PostgreSQL, all sent at once.
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { tenantPlacements } from '../support/engines';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let api: TenantApi;
  let ring: string;

  const PAY = 'mutation($id: ID!, $a: Decimal!) { recordPayment(invoiceId: $id, amount: $a, method: BANK_TRANSFER) { id } }';

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const owner = await gw.createUser();
    await gw.createTenant({ slug: 'busy', owner });
    api = tenantApi(gw, owner.token, 'busy');
    ring = (await api.createProduct({ sku: 'RING', name: 'Ring', kind: 'JEWELRY', price: '100', cost: '60' })).id;
    await api.issue((await api.createInvoice({ kind: 'PURCHASE', items: [{ productId: ring, quantity: '20', unitPrice: '60' }] })).id);
  });
  afterAll(() => gw.close());

  async function allAtOnce(count: number, query: string, variables: (i: number) => Record<string, unknown>) {
    const token = (await gw.createUser({ platformAdmin: true })).token;
    const responses = await Promise.all(Array.from({ length: count }, (_, i) => gw.request(query, { token, tenant: 'busy', variables: variables(i) })));
    const refused = responses.filter((r) => r.body.errors);
    for (const r of refused) expect(r.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    return { accepted: count - refused.length, refused: refused.length };
  }

  async function invoiceState(id: string) {
    return (await api.call('query($id: ID!) { invoice(id: $id) { status amountPaid payments { nodes { amount } } } }', { id })).invoice;
  }

  test("a new tenant's first invoices, created at once: each gets a number of its own, none is refused", async () => {
    const owner = await gw.createUser();
    await gw.createTenant({ slug: 'first-day', owner });
    const fresh = tenantApi(gw, owner.token, 'first-day');
    const created = await Promise.all(Array.from({ length: 8 }, () => fresh.createInvoice({ kind: 'SALE', items: [{ description: 'a repair', quantity: '1', unitPrice: '10' }] })));
    const { invoices } = await fresh.call('query($ids: [ID!]) { invoices(where: { id: { in: $ids } }) { nodes { number } } }', { ids: created.map((i) => i.id) });
    expect(invoices.nodes.map((i: { number: string }) => Number(i.number.split('-').at(-1))).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('twelve payments of 30 at once on an invoice of 100: three are taken, the rest refused', async () => {
    const sale = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring, quantity: '1' }] });
    await api.issue(sale.id);
    expect(await allAtOnce(12, PAY, () => ({ id: sale.id, a: '30' }))).toEqual({ accepted: 3, refused: 9 });
    const state = await invoiceState(sale.id);
    expect(state).toMatchObject({ status: 'PARTIALLY_PAID', amountPaid: '90' });
    expect(state.payments.nodes).toHaveLength(3);
    expect((await balancesByCode(api))['1300']).toBe('10');
  });

  test('two payments of the whole amount at once: exactly one is taken', async () => {
    const sale = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring, quantity: '2' }] });
    await api.issue(sale.id);
    expect(await allAtOnce(2, PAY, () => ({ id: sale.id, a: '200' }))).toEqual({ accepted: 1, refused: 1 });
    expect(await invoiceState(sale.id)).toMatchObject({ status: 'PAID', amountPaid: '200', payments: { nodes: [{ amount: '200' }] } });
  });

  test('a payment racing a void: whichever is first, the books and the invoice agree', async () => {
    const before = await balancesByCode(api);
    const sale = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring, quantity: '1' }] });
    await api.issue(sale.id);
    const token = (await gw.createUser({ platformAdmin: true })).token;
    await Promise.all([
      gw.request(PAY, { token, tenant: 'busy', variables: { id: sale.id, a: '100' } }),
      gw.request('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { token, tenant: 'busy', variables: { id: sale.id } }),
    ]);
    expect((await invoiceState(sale.id)).status).toBe('VOID');
    // Voided: the sale is gone from the books, and so is any payment that got in before.
    const after = await balancesByCode(api);
    for (const code of ['1200', '1300', '4100']) expect(after[code]).toBe(before[code]);
  });

  test('three sales of the last two rings issued at once: two go through, stock ends at zero', async () => {
    const onHand = Number(await api.stockOf(ring));
    const spare = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring, quantity: String(onHand - 2) }] });
    await api.issue(spare.id);
    const sales = await Promise.all([1, 2, 3].map(() => api.createInvoice({ kind: 'SALE', items: [{ productId: ring, quantity: '1' }] })));
    const result = await allAtOnce(3, 'mutation($id: ID!) { issueInvoice(id: $id) { id } }', (i) => ({ id: sales[i].id }));
    expect(result).toEqual({ accepted: 2, refused: 1 });
    expect(await api.stockOf(ring)).toBe('0');
  });
});
