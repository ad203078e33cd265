// A shop's orders: priced by the server, stock held while they wait for payment,
// paid into the books through a sale invoice, fulfilled, cancelled and refunded, with
// discount codes that are never redeemed more often than they allow, also when orders
// race for the last redemption. Once per engine.
import { tenantPlacements } from '../support/engines';
import { createTestPlan } from '../support/plans';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';

const ORDER_FIELDS = `id number status subtotal discountTotal taxRate taxTotal total refundedAmount paymentMethod shippingAddress billingAddress
  customer { name email } discount { code } items { nodes { quantity unitPrice lineTotal product { sku } } } refunds { nodes { amount reason } }
  invoice { number kind status subtotal taxTotal total amountPaid items { nodes { description quantity unitPrice lineTotal taxAmount } } }`;
const CREATE = `mutation($i: OrderInput!) { createOrder(input: $i) { ${ORDER_FIELDS} } }`;
const PAY = `mutation($id: ID!, $m: PaymentMethod!, $r: String) { payOrder(id: $id, method: $m, reference: $r) { ${ORDER_FIELDS} } }`;
const FULFILL = `mutation($id: ID!) { fulfillOrder(id: $id) { status } }`;
const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { ${ORDER_FIELDS} } }`;
const REFUND = `mutation($id: ID!, $a: Decimal!, $r: String) { refundOrder(id: $id, amount: $a, reason: $r) { ${ORDER_FIELDS} } }`;
const DISCOUNT = `mutation($code: String!, $p: Decimal, $a: Decimal, $max: Int, $from: DateTime, $to: DateTime) {
  createDiscount(code: $code, percentOff: $p, amountOff: $a, maxRedemptions: $max, validFrom: $from, validTo: $to) { id code percentOff amountOff maxRedemptions redemptions }
}`;
const PRODUCT = `query($id: ID!) { product(id: $id) { stock reserved } }`;

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let owner: TestUser;
  let api: TenantApi;
  let hoodie: string;
  let mug: string;
  let service: string;
  let jane: string;

  const order = async (input: Record<string, unknown>) => (await api.call(CREATE, { i: input })).createOrder;
  const stockOf = async (id: string) => (await api.call(PRODUCT, { id })).product;

  beforeAll(async () => {
    gw = await startTestGateway({ engine });
    owner = await gw.createUser();
    await gw.createTenant({ slug: 'orders-shop', owner, isolation });
    api = tenantApi(gw, owner.token, 'orders-shop');
    await api.call('mutation { updateSettings(input: { invoiceTaxRate: "0.1" }) { invoiceTaxRate } }');
    hoodie = (await api.createProduct({ sku: 'HOOD', name: 'Hoodie', kind: 'GOODS', price: '59.00', cost: '24.00' })).id;
    mug = (await api.createProduct({ sku: 'MUG', name: 'Mug', kind: 'GOODS', price: '12.50', cost: '3.80' })).id;
    service = (await api.createProduct({ sku: 'WRAP', name: 'Gift wrap', kind: 'SERVICE', price: '3.00', trackStock: false })).id;
    const opening = `mutation($i: InvoiceInput!) { createInvoice(input: $i) { id } }`;
    const purchase = (
      await api.call(opening, {
        i: { kind: 'PURCHASE', items: [{ productId: hoodie, quantity: '10', unitPrice: '24' }, { productId: mug, quantity: '100', unitPrice: '3.80' }] },
      })
    ).createInvoice.id;
    await api.issue(purchase);
    jane = await api.createCustomer('Jane Cooper');
  });
  afterAll(() => gw.close());

  test('an order is priced by the server, with the discount and the tax, and holds its stock until it is paid', async () => {
    await api.call(DISCOUNT, { code: 'spring10', p: '10' });
    const created = await order({
      customer: { name: 'Omar Haddad', email: 'omar@example.com' },
      items: [
        { productId: hoodie, quantity: '2' },
        { productId: mug, quantity: '3' },
        { productId: service, quantity: '1' },
      ],
      discountCode: 'Spring10',
      shippingAddress: '9 Harbour Road, Portland',
    });
    // 118 + 37.50 + 3 = 158.50; 10% off: 15.85; tax: 11.80 + 3.75 + 0.30 on the lines, -1.59 on the discount (rounded away from zero) = 14.26.
    expect(created).toMatchObject({
      status: 'PENDING',
      subtotal: '158.5',
      discountTotal: '15.85',
      taxRate: '0.1',
      taxTotal: '14.26',
      total: '156.91',
      refundedAmount: '0',
      shippingAddress: '9 Harbour Road, Portland',
      billingAddress: '9 Harbour Road, Portland',
      customer: { name: 'Omar Haddad', email: 'omar@example.com' },
      discount: { code: 'SPRING10' },
      invoice: null,
    });
    expect(created.items.nodes.map((i: any) => [i.product.sku, i.quantity, i.unitPrice, i.lineTotal])).toEqual([
      ['HOOD', '2', '59', '118'],
      ['MUG', '3', '12.5', '37.5'],
      ['WRAP', '1', '3', '3'],
    ]);
    expect(await stockOf(hoodie)).toEqual({ stock: '10', reserved: '2' });

    const paid = (await api.call(PAY, { id: created.id, m: 'CARD', r: 'ch_1' })).payOrder;
    expect(paid).toMatchObject({ status: 'PAID', paymentMethod: 'CARD' });
    // The sale invoice adds up to the order to the cent, the discount a line of its own.
    expect(paid.invoice).toMatchObject({ kind: 'SALE', status: 'PAID', subtotal: '142.65', taxTotal: '14.26', total: '156.91', amountPaid: '156.91' });
    expect(paid.invoice.items.nodes.at(-1)).toEqual({ description: 'discount SPRING10', quantity: '1', unitPrice: '-15.85', lineTotal: '-15.85', taxAmount: '-1.59' });
    // Paid: the invoice took the stock and the reservation is released.
    expect(await stockOf(hoodie)).toEqual({ stock: '8', reserved: '0' });
    expect(await stockOf(mug)).toEqual({ stock: '97', reserved: '0' });

    expect((await api.refused(PAY, { id: created.id, m: 'CASH' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('an order beyond the stock still available is refused, naming the line; what pending orders hold is not available', async () => {
    const held = await order({ customerId: jane, items: [{ productId: hoodie, quantity: '6' }] });
    expect(await stockOf(hoodie)).toEqual({ stock: '8', reserved: '6' });
    const refused = await api.refused(CREATE, { i: { customerId: jane, items: [{ productId: mug, quantity: '1' }, { productId: hoodie, quantity: '3' }] } });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items.1.quantity', sku: 'HOOD' });
    expect(refused.message).toContain('2 available, 3 ordered');
    // Nothing of the refused order stays held.
    expect(await stockOf(mug)).toEqual({ stock: '97', reserved: '0' });

    const cancelled = (await api.call(CANCEL, { id: held.id })).cancelOrder;
    expect(cancelled.status).toBe('CANCELLED');
    expect(await stockOf(hoodie)).toEqual({ stock: '8', reserved: '0' });
    expect((await api.refused(CANCEL, { id: held.id })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', status: 'CANCELLED' });
  });

  test('bad input is BAD_USER_INPUT with its field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ items: [{ productId: mug, quantity: '1' }] }, 'customerId'],
      [{ customerId: jane, items: [] }, 'items'],
      [{ customerId: jane, items: [{ productId: mug, quantity: '0' }] }, 'items.0.quantity'],
      [{ customerId: jane, items: [{ productId: jane, quantity: '1' }] }, 'items.0.productId'],
      [{ customerId: jane, items: [{ productId: mug, quantity: '1' }], discountCode: 'NOPE' }, 'discountCode'],
    ];
    for (const [input, field] of cases) {
      expect({ input, error: (await api.refused(CREATE, { i: input })).extensions }).toMatchObject({ input, error: { code: 'BAD_USER_INPUT', field } });
    }
    expect((await api.refused(DISCOUNT, { code: 'BOTH', p: '10', a: '5' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'percentOff' });
    expect((await api.refused(DISCOUNT, { code: 'SPRING10', p: '5' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  test('fulfilled, then refunded in part and in full; more than is left is refused', async () => {
    const taken = await order({ customerId: jane, items: [{ productId: mug, quantity: '2' }] }); // 25 + 2.50 tax
    await api.call(PAY, { id: taken.id, m: 'CASH' });
    expect((await api.call(FULFILL, { id: taken.id })).fulfillOrder.status).toBe('FULFILLED');
    const part = (await api.call(REFUND, { id: taken.id, a: '11', r: 'chipped' })).refundOrder;
    expect(part).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: '11', refunds: { nodes: [{ amount: '11', reason: 'chipped' }] } });
    const tooMuch = await api.refused(REFUND, { id: taken.id, a: '16.51' });
    expect(tooMuch.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount', refundable: '16.5' });
    const rest = (await api.call(REFUND, { id: taken.id, a: '16.50' })).refundOrder;
    expect(rest).toMatchObject({ status: 'REFUNDED', refundedAmount: '27.5' });
    expect((await api.refused(CANCEL, { id: taken.id })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('cancelling a paid order voids its invoice: the sale, the payment and the stock are reversed', async () => {
    const taken = await order({ customerId: jane, items: [{ productId: hoodie, quantity: '1' }] });
    const paid = (await api.call(PAY, { id: taken.id, m: 'BANK_TRANSFER', r: 'ACH-1' })).payOrder;
    expect(await stockOf(hoodie)).toEqual({ stock: '7', reserved: '0' });
    const cancelled = (await api.call(CANCEL, { id: taken.id })).cancelOrder;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', invoice: { number: paid.invoice.number, status: 'VOID' } });
    expect(await stockOf(hoodie)).toEqual({ stock: '8', reserved: '0' });
  });

  test('a code is redeemed at most maxRedemptions times, also by orders racing for it; a cancelled order gives its redemption back', async () => {
    const { id } = (await api.call(DISCOUNT, { code: 'FIRST3', a: '5', max: 3 })).createDiscount;
    const input = { customerId: jane, items: [{ productId: mug, quantity: '1' }], discountCode: 'first3' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => gw.request(CREATE, { token: owner.token, tenant: 'orders-shop', variables: { i: input } })));
    const taken = answers.filter((a) => !a.body.errors).map((a) => a.body.data.createOrder);
    const refused = answers.filter((a) => a.body.errors).map((a) => a.body.errors![0].extensions);
    expect(taken).toHaveLength(3);
    expect(taken.map((o) => o.discountTotal)).toEqual(['5', '5', '5']);
    expect(refused).toEqual(Array(5).fill(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'discountCode' })));
    const redeemed = async () => (await api.call('{ discounts { nodes { code redemptions } } }')).discounts.nodes.find((d: any) => d.code === 'FIRST3').redemptions;
    expect(await redeemed()).toBe(3);
    // Only the three orders hold mugs.
    expect(await stockOf(mug)).toMatchObject({ reserved: '3' });

    await api.call(CANCEL, { id: taken[0].id });
    expect(await redeemed()).toBe(2);
    expect((await api.call(CREATE, { i: input })).createOrder.discountTotal).toBe('5');
    await api.call('mutation($id: ID!) { disableDiscount(id: $id) { disabledAt } }', { id });
    expect((await api.refused(CREATE, { i: input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'discountCode' });
    // Give the held mugs back for the tests after this one.
    for (const o of taken.slice(1)) await api.call(CANCEL, { id: o.id });
  });

  test('a code outside its dates is refused', async () => {
    await api.call(DISCOUNT, { code: 'LATER', p: '50', from: '2099-01-01T00:00:00Z' });
    const refused = await api.refused(CREATE, { i: { customerId: jane, items: [{ productId: mug, quantity: '1' }], discountCode: 'LATER' } });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'discountCode' });
  });

  test('order numbers are sequential; orders are listed newest first, filtered by status, customer and date', async () => {
    const LIST = `query($f: OrderFilter) { orders(first: 100, filter: $f) { totalCount edges { node { number status customer { name } } } } }`;
    const all = (await api.call(LIST)).orders;
    const numbers = all.edges.map((e: any) => e.node.number);
    expect(numbers).toEqual(Array.from({ length: all.totalCount }, (_, i) => `ORD-${String(all.totalCount - i).padStart(6, '0')}`));
    const cancelled = (await api.call(LIST, { f: { status: 'CANCELLED' } })).orders;
    expect(cancelled.edges.every((e: any) => e.node.status === 'CANCELLED')).toBe(true);
    expect(cancelled.totalCount).toBeGreaterThan(0);
    const omar = (await api.call(LIST, { f: { customerId: (await api.call('{ customers(search: "Omar") { edges { node { id } } } }')).customers.edges[0].node.id } })).orders;
    expect(omar.edges.map((e: any) => e.node.customer.name)).toEqual(['Omar Haddad']);
    expect((await api.call(LIST, { f: { from: '2000-01-01', to: '2000-01-02' } })).orders.totalCount).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await api.call(LIST, { f: { from: today } })).orders.totalCount).toBe(all.totalCount);
    expect((await api.call(LIST, { f: { to: '2000-01-01T00:00:00Z' } })).orders.totalCount).toBe(0);
  });

  test('every step records its event in the transaction of the change', async () => {
    const lease = gw.services.pool.acquire((await gw.services.registry.find('orders-shop'))!);
    try {
      const events = await lease.db.tenantEvent.findMany({ orderBy: { id: 'asc' } });
      const types = new Set(events.map((e) => e.type));
      for (const type of ['order.created', 'order.paid', 'order.fulfilled', 'order.cancelled', 'order.refunded', 'invoice.issued', 'invoice.paid', 'invoice.voided']) {
        expect(types).toContain(type);
      }
      const refunded = events.filter((e) => e.type === 'order.refunded').map((e) => e.payload as any);
      expect(refunded.at(-1)).toMatchObject({ status: 'REFUNDED', refundedAmount: '27.5', total: '27.5' });
      // One order.created for each order there is.
      expect(events.filter((e) => e.type === 'order.created')).toHaveLength(await lease.db.order.count());
    } finally {
      lease.release();
    }
  });

  test("after a day of orders the books balance: the trial balance, cash, bank, sales and VAT agree with what was sold and refunded", async () => {
    const { trialBalance } = await api.call('{ trialBalance { totalDebit totalCredit } }');
    expect(trialBalance.totalDebit).toBe(trialBalance.totalCredit);
    const balances = await balancesByCode(api);
    // Paid and kept: the card order (156.91) and the cash order (27.50, refunded in full); the transfer was cancelled.
    // Cash: 27.50 in, 27.50 refunded (an account without a balance may be left out).
    expect(balances['1100'] ?? '0').toBe('0');
    expect(balances['1200']).toBe('156.91');
    // Sales: 142.65 from the card order; the cash order's 25 was refunded (25 + 2.50 VAT).
    expect(balances['4100']).toBe('-142.65');
    expect(balances['2200']).toBe('-14.26');
  });

  test('salesReport counts the orders taken, cancelled ones aside, and their average value', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { salesReport } = await api.call('query($f: DateOrDateTime!, $t: DateOrDateTime!) { salesReport(from: $f, to: $t, groupBy: DAY) { orders orderValue averageOrderValue } }', {
      f: today,
      t: tomorrow,
    });
    // Kept: the discounted order (142.65), the refunded one (25) and the one that took the redemption back (12.50 - 5).
    expect(salesReport).toEqual({ orders: 3, orderValue: '175.15', averageOrderValue: '58.38' });
  });

  test('orders a month stop at the plan limit with PLAN_LIMIT_EXCEEDED', async () => {
    await createTestPlan(gw, `orders2-${engine}`, { maxOrdersPerMonth: 2 });
    await gw.createTenant({ slug: 'two-orders', owner, plan: `orders2-${engine}` });
    const small = tenantApi(gw, owner.token, 'two-orders');
    const product = (await small.createProduct({ sku: 'SVC', name: 'Service', kind: 'SERVICE', price: '1', trackStock: false })).id;
    const input = { customer: { name: 'Walk-in' }, items: [{ productId: product, quantity: '1' }] };
    await small.call(CREATE, { i: input });
    await small.call(CREATE, { i: input });
    expect((await small.refused(CREATE, { i: input })).extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', limitName: 'maxOrdersPerMonth', limit: 2, current: 2 });
  });

  test('on a tenant without tax a refund posts no VAT line, and the books still balance', async () => {
    const small = tenantApi(gw, owner.token, 'two-orders');
    const { edges } = (await small.call('{ orders { edges { node { id } } } }')).orders;
    await small.call(PAY, { id: edges[0].node.id, m: 'CASH' });
    expect((await small.call(REFUND, { id: edges[0].node.id, a: '0.40' })).refundOrder).toMatchObject({ status: 'PARTIALLY_REFUNDED', taxTotal: '0' });
    const balances = await balancesByCode(small);
    expect({ cash: balances['1100'], sales: balances['4100'], vat: balances['2200'] ?? '0' }).toEqual({ cash: '0.6', sales: '-0.6', vat: '0' });
  });
});
