// Invoices drive the books and the stock: issuing, paying and voiding each post
// exactly what a bookkeeper would (amounts computed by hand below), move stock, and
// show in the customer's ledger with a running balance.
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { tenantPlacements } from '../support/engines';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let api: TenantApi;
  let member: TenantApi;
  let ring: string;
  let gold: string;
  let engraving: string;
  let ali: string;
  let supplier: string;

  const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T10:00:00.000Z`;

  async function entriesOf(sourceId: string) {
    const { journalEntries } = await api.call(
      'query($id: ID!) { journalEntries(first: 100, filter: { sourceId: $id }) { edges { node { description reversesId lines { nodes { debit credit account { code } customer { name } } } } } } }',
      { id: sourceId },
    );
    return journalEntries.edges.map((e: any) => ({ ...e.node, lines: e.node.lines.nodes }));
  }

  const line = (code: string, debit: string, credit: string, customer: string | null = null) => ({
    debit,
    credit,
    account: { code },
    customer: customer ? { name: customer } : null,
  });

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const owner = await gw.createUser();
    const employee = await gw.createUser();
    await gw.createTenant({ slug: 'jeweller', owner, members: [[employee, 'MEMBER']] });
    api = tenantApi(gw, owner.token, 'jeweller');
    member = tenantApi(gw, employee.token, 'jeweller');
    await api.call('mutation { updateSettings(input: { invoiceTaxRate: "0.09" }) { invoiceTaxRate } }');
    ring = (await api.createProduct({ sku: 'RING', name: 'Gold ring', kind: 'JEWELRY', price: '300', cost: '200' })).id;
    gold = (await api.createProduct({ sku: 'GOLD', name: 'Gold 18k', kind: 'GOLD', price: '70', cost: '60', unit: 'g' })).id;
    engraving = (await api.createProduct({ sku: 'ENGRAVE', name: 'Engraving', kind: 'SERVICE', price: '25', trackStock: false })).id;
    ali = await api.createCustomer('Ali');
    supplier = await api.createCustomer('Gold Wholesale Ltd');
  });
  afterAll(() => gw.close());

  test('a purchase puts goods in stock and inventory, tax against tax owed, and owes the supplier', async () => {
    const purchase = await api.createInvoice({
      kind: 'PURCHASE',
      customerId: supplier,
      issueDate: day(1),
      items: [
        { productId: ring, quantity: '5', unitPrice: '180', taxRate: '0.1' },
        { productId: gold, quantity: '100', unitPrice: '58' },
        { description: 'Courier', quantity: '1', unitPrice: '20' },
      ],
    });
    expect(purchase.total).toBe('6810');
    expect(await api.issue(purchase.id)).toEqual({ status: 'ISSUED' });
    expect(await entriesOf(purchase.id)).toEqual([
      {
        description: `purchase invoice ${purchase.number}`,
        reversesId: null,
        lines: expect.arrayContaining([
          line('1400', '6700', '0'),
          line('5200', '20', '0'),
          line('2200', '90', '0'),
          line('2100', '0', '6810', 'Gold Wholesale Ltd'),
        ]),
      },
    ]);
    expect([await api.stockOf(ring), await api.stockOf(gold)]).toEqual(['5', '100']);
    // Paying the supplier by transfer: money leaves the bank.
    const payment = await api.pay(purchase.id, '6810', 'BANK_TRANSFER', { paidAt: day(2) });
    expect(payment.invoice).toEqual({ status: 'PAID', amountPaid: '6810' });
    expect((await entriesOf(payment.id))[0].lines).toEqual(expect.arrayContaining([line('2100', '6810', '0', 'Gold Wholesale Ltd'), line('1200', '0', '6810')]));
  });

  let sale: { id: string; number: string; total: string };

  test('a sale posts receivable, revenue, tax and cost of goods, and takes the goods out of stock', async () => {
    sale = await api.createInvoice({
      kind: 'SALE',
      customerId: ali,
      issueDate: day(3),
      items: [
        { productId: ring, quantity: '2' },
        { productId: engraving, quantity: '1' },
      ],
    });
    expect(sale.total).toBe('681.25'); // 625 + 9% tax (54 + 2.25)
    expect((await member.issue(sale.id)).status).toBe('ISSUED');
    expect((await entriesOf(sale.id))[0].lines).toEqual(
      expect.arrayContaining([
        line('1300', '681.25', '0', 'Ali'),
        line('4100', '0', '625'),
        line('2200', '0', '56.25'),
        line('5100', '400', '0'),
        line('1400', '0', '400'),
      ]),
    );
    expect(await api.stockOf(ring)).toBe('3');
    expect(await api.stockOf(engraving)).toBe('0'); // a service moves no stock
  });

  test('payments settle the receivable: partly, then fully, and never more', async () => {
    expect((await member.pay(sale.id, '300', 'CASH', { paidAt: day(4) })).invoice).toEqual({ status: 'PARTIALLY_PAID', amountPaid: '300' });
    expect((await api.pay(sale.id, '381.25', 'CARD', { paidAt: day(5), reference: 'POS-7781' })).invoice).toEqual({ status: 'PAID', amountPaid: '681.25' });
    const over = await api.refused('mutation($id: ID!) { recordPayment(invoiceId: $id, amount: "0.01", method: CASH) { id } }', { id: sale.id });
    expect(over.extensions).toMatchObject({ code: 'BAD_USER_INPUT', remaining: '0' });
    expect(await balancesByCode(api)).toEqual({
      '1100': '300',
      '1200': '-6428.75', // 381.25 in, 6810 out
      '1300': '0',
      '1400': '6300',
      '2100': '0',
      '2200': '33.75', // 90 paid on the purchase, 56.25 owed on the sale
      '4100': '-625',
      '5100': '400',
      '5200': '20',
    });
  });

  /** Ali buys `sold` and hands in `grams` of old gold, valued at 65 a gram. */
  const tradeWithAli = (issueDate: string, sold: { productId: string; quantity: string }, grams: string) =>
    api.createInvoice({ kind: 'TRADE', customerId: ali, issueDate, items: [sold, { productId: gold, quantity: grams, unitPrice: '65', tradeIn: true }] });

  test('a trade nets the traded-in gold against the sale: it enters stock and is credited to the customer', async () => {
    const trade = await tradeWithAli(day(6), { productId: gold, quantity: '10' }, '4');
    expect(trade.total).toBe('503'); // 700 + 63 tax - 260 traded in
    await api.issue(trade.id);
    expect((await entriesOf(trade.id))[0].lines).toEqual(
      expect.arrayContaining([
        line('1300', '763', '0', 'Ali'),
        line('4100', '0', '700'),
        line('2200', '0', '63'),
        line('5100', '600', '0'),
        line('1400', '0', '600'),
        line('1400', '260', '0'),
        line('1300', '0', '260', 'Ali'),
      ]),
    );
    expect(await api.stockOf(gold)).toBe('94'); // 100 - 10 sold + 4 traded in
    const { stockMovements } = await api.call('query($p: ID!) { stockMovements(productId: $p) { edges { node { type quantity invoice { number } } } } }', { p: gold });
    const movements = stockMovements.edges.map((e: any) => e.node);
    expect(movements).toHaveLength(3);
    expect(movements).toEqual(
      expect.arrayContaining([
        { type: 'SALE', quantity: '-10', invoice: { number: trade.number } },
        { type: 'TRADE_IN', quantity: '4', invoice: { number: trade.number } },
        { type: 'PURCHASE', quantity: '100', invoice: expect.objectContaining({ number: expect.any(String) }) },
      ]),
    );
    await api.pay(trade.id, '503', 'CASH', { paidAt: day(7) });
  });

  test('a trade-in worth more than the sale leaves the business owing the customer, settled by paying them', async () => {
    const trade = await tradeWithAli(day(8), { productId: ring, quantity: '1' }, '6');
    expect(trade.total).toBe('-63'); // 300 + 27 tax - 390 traded in
    expect((await api.issue(trade.id)).status).toBe('ISSUED');
    expect((await api.refused('mutation($id: ID!) { recordPayment(invoiceId: $id, amount: "64", method: CASH) { id } }', { id: trade.id })).message).toMatch(
      /more than the 63 still due/,
    );
    const refund = await api.pay(trade.id, '63', 'CASH', { paidAt: day(9) });
    expect(refund.invoice.status).toBe('PAID');
    expect((await entriesOf(refund.id))[0].lines).toEqual(expect.arrayContaining([line('1300', '63', '0', 'Ali'), line('1100', '0', '63')]));
  });

  test("the customer ledger lists every receivable line with a running balance", async () => {
    const { customerLedger } = await api.call(
      'query($c: ID!) { customerLedger(customerId: $c) { customer { name } balance entries { date accountCode debit credit balance sourceType } } }',
      { c: ali },
    );
    expect(customerLedger.customer.name).toBe('Ali');
    expect(customerLedger.entries.map((e: any) => [e.sourceType, e.debit, e.credit, e.balance])).toEqual([
      ['invoice', '681.25', '0', '681.25'], // sale, day 3
      ['payment', '0', '300', '381.25'],
      ['payment', '0', '381.25', '0'],
      ['invoice', '763', '0', '763'], // trade, day 6
      ['invoice', '0', '260', '503'],
      ['payment', '0', '503', '0'],
      ['invoice', '327', '0', '327'], // trade with the larger trade-in, day 8
      ['invoice', '0', '390', '-63'], // the business owes Ali 63...
      ['payment', '63', '0', '0'], // ...until it pays him
    ]);
    expect(customerLedger.balance).toBe('0');
  });

  test('voiding a paid sale reverses the sale and its payments, and puts the goods back', async () => {
    const before = await balancesByCode(api);
    const ringsBefore = await api.stockOf(ring);
    expect((await member.refused('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { id: sale.id })).extensions.code).toBe('FORBIDDEN');
    expect(await api.void(sale.id)).toEqual({ status: 'VOID' });
    expect(await api.stockOf(ring)).toBe(String(Number(ringsBefore) + 2));
    const entries = await entriesOf(sale.id);
    const reversal = entries.find((e: any) => e.reversesId);
    expect(reversal.lines).toEqual(
      expect.arrayContaining([line('1300', '0', '681.25', 'Ali'), line('4100', '625', '0'), line('2200', '56.25', '0'), line('5100', '0', '400'), line('1400', '400', '0')]),
    );
    // The till and the bank give the money back; the customer owes nothing either way.
    const after = await balancesByCode(api);
    expect(after['1100']).toBe(String(Number(before['1100']) - 300));
    expect(after['4100']).toBe(String(Number(before['4100']) + 625));
    expect(after['1300']).toBe(before['1300']);
    const { stockMovements } = await api.call('query($p: ID!) { stockMovements(productId: $p, first: 1) { edges { node { type quantity } } } }', { p: ring });
    expect(stockMovements.edges[0].node).toEqual({ type: 'REVERSAL', quantity: '2' });
    expect((await api.refused('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { id: sale.id })).message).toMatch(/already void/);
    expect((await api.refused('mutation($id: ID!) { recordPayment(invoiceId: $id, amount: "1", method: CASH) { id } }', { id: sale.id })).message).toMatch(/void/);
  });

  test('a draft can be voided with nothing to reverse, but not paid, and is issued only once', async () => {
    const draft = await api.createInvoice({ kind: 'SALE', items: [{ productId: ring, quantity: '1' }] });
    expect((await api.refused('mutation($id: ID!) { recordPayment(invoiceId: $id, amount: "1", method: CASH) { id } }', { id: draft.id })).message).toMatch(/DRAFT/);
    expect(await api.void(draft.id)).toEqual({ status: 'VOID' });
    expect(await entriesOf(draft.id)).toEqual([]);
    expect((await api.refused('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: draft.id })).message).toMatch(/only a DRAFT can be issued/);
    expect((await api.refused('mutation { issueInvoice(id: "0196a2c4-0000-7000-8000-000000000000") { id } }')).extensions.code).toBe('NOT_FOUND');
  });

  test('stock never goes below zero unless the tenant allows it', async () => {
    const [onHand, goldOnHand] = [await api.stockOf(ring), await api.stockOf(gold)];
    const big = await api.createInvoice({ kind: 'SALE', customerId: ali, items: [{ productId: gold, quantity: '1' }, { productId: ring, quantity: '100' }] });
    const refused = await api.refused('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: big.id });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', sku: 'RING', productId: ring });
    expect(refused.message).toBe(`not enough stock of RING (Gold ring): ${onHand} on hand, 100 needed`);
    // All or nothing: the gold on the same invoice did not move, nothing was posted.
    expect(await api.stockOf(gold)).toBe(goldOnHand);
    expect(await entriesOf(big.id)).toEqual([]);
    expect((await api.call('query($id: ID!) { invoice(id: $id) { status } }', { id: big.id })).invoice.status).toBe('DRAFT');

    await api.call('mutation { updateSettings(input: { stockAllowNegative: true }) { stockAllowNegative } }');
    expect((await api.issue(big.id)).status).toBe('ISSUED');
    expect(await api.stockOf(ring)).toBe(String(Number(onHand) - 100));
    await api.call('mutation { updateSettings(input: { stockAllowNegative: false }) { stockAllowNegative } }');
    await api.void(big.id);
    expect(await api.stockOf(ring)).toBe(onHand);
  });

  test('voiding a purchase whose goods were sold is refused: it would take stock below zero', async () => {
    const stone = (await api.createProduct({ sku: 'STONE', name: 'Turquoise', kind: 'STONE', price: '50', cost: '30' })).id;
    const purchase = await api.createInvoice({ kind: 'PURCHASE', items: [{ productId: stone, quantity: '2', unitPrice: '30' }] });
    await api.issue(purchase.id);
    await api.issue((await api.createInvoice({ kind: 'SALE', items: [{ productId: stone, quantity: '1' }] })).id);
    expect((await api.refused('mutation($id: ID!) { voidInvoice(id: $id) { id } }', { id: purchase.id })).message).toMatch(/not enough stock of STONE/);
    expect(await api.stockOf(stone)).toBe('1');
  });

  describe('bill of materials', () => {
    let chain: string;
    let clasp: string;
    const SET = 'mutation($p: ID!, $c: [BomComponentInput!]!) { setProductComponents(productId: $p, components: $c) { sku components { nodes { quantity component { sku } } } } }';
    const ASSEMBLE = 'mutation($p: ID!, $q: Decimal!) { assembleProduct(productId: $p, quantity: $q) { sku stock } }';

    beforeAll(async () => {
      chain = (await api.createProduct({ sku: 'CHAIN', name: 'Gold chain', kind: 'JEWELRY', price: '500', cost: '400' })).id;
      clasp = (await api.createProduct({ sku: 'CLASP', name: 'Clasp', kind: 'GOODS', price: '5', cost: '2' })).id;
      await api.issue((await api.createInvoice({ kind: 'PURCHASE', items: [{ productId: clasp, quantity: '3', unitPrice: '2' }] })).id);
    });

    test('a product lists its components, and cannot be made of itself', async () => {
      const { setProductComponents } = await api.call(SET, {
        p: chain,
        c: [
          { componentId: gold, quantity: '5.5' },
          { componentId: clasp, quantity: '1' },
          { componentId: engraving, quantity: '1' },
        ],
      });
      expect(setProductComponents.components.nodes).toEqual(
        expect.arrayContaining([
          { quantity: '5.5', component: { sku: 'GOLD' } },
          { quantity: '1', component: { sku: 'CLASP' } },
        ]),
      );
      expect((await api.refused(SET, { p: chain, c: [{ componentId: chain, quantity: '1' }] })).message).toMatch(/itself/);
      expect((await api.refused(SET, { p: gold, c: [{ componentId: chain, quantity: '1' }] })).message).toMatch(/made from this product/);
    });

    test('assembling consumes the components and adds the product, in one transaction', async () => {
      const goldBefore = await api.stockOf(gold);
      expect((await api.call(ASSEMBLE, { p: chain, q: '2' })).assembleProduct).toEqual({ sku: 'CHAIN', stock: '2' });
      expect(await api.stockOf(gold)).toBe(String(Number(goldBefore) - 11));
      expect(await api.stockOf(clasp)).toBe('1');
      const movements = async (p: string) =>
        (await api.call('query($p: ID!) { stockMovements(productId: $p, first: 1) { edges { node { type quantity } } } }', { p })).stockMovements.edges[0].node;
      expect(await movements(chain)).toEqual({ type: 'ASSEMBLY_IN', quantity: '2' });
      expect(await movements(clasp)).toEqual({ type: 'ASSEMBLY_OUT', quantity: '-2' });

      const short = await api.refused(ASSEMBLE, { p: chain, q: '2' });
      expect(short.message).toBe('not enough stock of CLASP (Clasp): 1 on hand, 2 needed');
      expect(await api.stockOf(gold)).toBe(String(Number(goldBefore) - 11));
      expect((await api.refused(ASSEMBLE, { p: clasp, q: '1' })).message).toMatch(/no bill of materials/);
    });
  });

  test('stock levels show what is on hand and its value at cost', async () => {
    const { stockLevels } = await api.call('{ stockLevels { product { sku } onHand value } }');
    const levels = Object.fromEntries(stockLevels.map((l: any) => [l.product.sku, [l.onHand, l.value]]));
    expect(levels.CHAIN).toEqual(['2', '800']);
    expect(levels.ENGRAVE).toBeUndefined(); // stock not tracked
    const { stockLevels: low } = await api.call('{ stockLevels(atOrBelow: "1") { product { sku } } }');
    expect(low.map((l: any) => l.product.sku).sort()).toEqual(['CLASP', 'STONE']);
  });
});
