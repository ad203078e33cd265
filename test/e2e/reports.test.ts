// Reports are summed by PostgreSQL; the numbers below are worked out by hand from
// the invoices this file creates.
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';
import { tenantPlacements } from '../support/engines';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let api: TenantApi;

  const SALES = 'query($f: DateOrDateTime!, $t: DateOrDateTime!, $g: SalesGrouping!) { salesReport(from: $f, to: $t, groupBy: $g) { count revenue average periods { period count revenue average } } }';
  const TOP = 'query($f: DateOrDateTime!, $t: DateOrDateTime!, $n: Int!) { topProducts(from: $f, to: $t, limit: $n) { product { sku } revenue units invoices } }';

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const owner = await gw.createUser();
    await gw.createTenant({ slug: 'reported', owner });
    api = tenantApi(gw, owner.token, 'reported');
    await api.call('mutation { updateSettings(input: { invoiceTaxRate: "0.1" }) { invoiceTaxRate } }');
    const a = (await api.createProduct({ sku: 'A', name: 'A', kind: 'GOODS', price: '100', cost: '50' })).id;
    const b = (await api.createProduct({ sku: 'B', name: 'B', kind: 'GOODS', price: '40', cost: '20' })).id;
    const invoice = async (kind: string, issueDate: string, items: unknown[], then: 'issue' | 'void' | 'draft' = 'issue') => {
      const created = await api.createInvoice({ kind, issueDate, items });
      if (then !== 'draft') await api.issue(created.id);
      if (then === 'void') await api.void(created.id);
    };
    await invoice('PURCHASE', '2026-01-01T08:00:00Z', [{ productId: a, quantity: '20', unitPrice: '50' }, { productId: b, quantity: '20', unitPrice: '20' }]);
    await invoice('SALE', '2026-01-10T09:00:00Z', [{ productId: a, quantity: '2' }]); // 200 (+20 tax)
    await invoice('SALE', '2026-01-10T22:00:00Z', [{ productId: b, quantity: '1' }]); // 40; already Jan 11 in Tehran
    await invoice('TRADE', '2026-01-20T10:00:00Z', [{ productId: a, quantity: '1' }, { productId: b, quantity: '1', unitPrice: '30', tradeIn: true }]); // 100
    await invoice('SALE', '2026-02-03T10:00:00Z', [{ productId: b, quantity: '5' }], 'void');
    await invoice('SALE', '2026-02-14T10:00:00Z', [{ productId: a, quantity: '1' }, { productId: b, quantity: '2' }]); // 180
    await invoice('SALE', '2026-02-15T10:00:00Z', [{ productId: a, quantity: '1' }], 'draft');
    await invoice('SALE', '2026-03-01T10:00:00Z', [{ productId: a, quantity: '3' }]); // after the range
  });
  afterAll(() => gw.close());

  test('sales by month: issued sales and trades, before tax, without trade-ins, drafts or voids', async () => {
    const { salesReport } = await api.call(SALES, { f: '2026-01-01T00:00:00Z', t: '2026-03-01T00:00:00Z', g: 'MONTH' });
    expect(salesReport).toEqual({
      count: 4,
      revenue: '520',
      average: '130',
      periods: [
        { period: '2026-01', count: 3, revenue: '340', average: '113.33' },
        { period: '2026-02', count: 1, revenue: '180', average: '180' },
      ],
    });
  });

  test("sales by day, empty days included, in the tenant's time zone", async () => {
    const range = { f: '2026-01-09T00:00:00Z', t: '2026-01-12T00:00:00Z', g: 'DAY' };
    expect((await api.call(SALES, range)).salesReport.periods).toEqual([
      { period: '2026-01-09', count: 0, revenue: '0', average: '0' },
      { period: '2026-01-10', count: 2, revenue: '240', average: '120' },
      { period: '2026-01-11', count: 0, revenue: '0', average: '0' },
    ]);
    await api.call('mutation { updateSettings(input: { reportTimeZone: "Asia/Tehran" }) { reportTimeZone } }');
    try {
      // 22:00 UTC is 01:30 the next morning in Tehran (UTC+3:30).
      expect((await api.call(SALES, range)).salesReport.periods.map((p: any) => [p.period, p.count, p.revenue])).toEqual([
        ['2026-01-09', 0, '0'],
        ['2026-01-10', 1, '200'],
        ['2026-01-11', 1, '40'],
        ['2026-01-12', 0, '0'],
      ]);
    } finally {
      await api.call('mutation { updateSettings(input: { reportTimeZone: "UTC" }) { reportTimeZone } }');
    }
  });

  test("plain dates are days in the tenant's time zone: a range runs from midnight to midnight there", async () => {
    const days = async () => ({
      sales: (await api.call('{ salesReport(from: "2026-01-10", to: "2026-01-12", groupBy: DAY) { periods { period count revenue } } }')).salesReport.periods,
      top: (await api.call('{ topProducts(from: "2026-01-11", to: "2026-01-12") { product { sku } revenue } }')).topProducts,
    });
    expect(await days()).toEqual({
      sales: [
        { period: '2026-01-10', count: 2, revenue: '240' },
        { period: '2026-01-11', count: 0, revenue: '0' },
      ],
      top: [],
    });
    await api.call('mutation { updateSettings(input: { reportTimeZone: "Asia/Tehran" }) { reportTimeZone } }');
    try {
      // Tehran's 2026-01-11 is 2026-01-10T20:30Z to 2026-01-11T20:30Z: the 22:00 UTC sale is in it.
      expect(await days()).toEqual({
        sales: [
          { period: '2026-01-10', count: 1, revenue: '200' },
          { period: '2026-01-11', count: 1, revenue: '40' },
        ],
        top: [{ product: { sku: 'B' }, revenue: '40' }],
      });
      // Tehran's first midnight of year 1 is still in year 0 in UTC, which no query can take.
      expect(await api.refused('{ topProducts(from: "0001-01-01", to: "2026-01-01") { units } }')).toMatchObject({
        message: expect.stringContaining('"0001-01-01"'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    } finally {
      await api.call('mutation { updateSettings(input: { reportTimeZone: "UTC" }) { reportTimeZone } }');
    }
  });

  test('top products by revenue, then units; traded-in and voided lines do not count', async () => {
    const range = { f: '2026-01-01T00:00:00Z', t: '2026-03-01T00:00:00Z' };
    expect((await api.call(TOP, { ...range, n: 10 })).topProducts).toEqual([
      { product: { sku: 'A' }, revenue: '400', units: '4', invoices: 3 },
      { product: { sku: 'B' }, revenue: '120', units: '3', invoices: 2 },
    ]);
    expect((await api.call(TOP, { ...range, n: 1 })).topProducts).toHaveLength(1);
  });

  test('ranges and limits that make no sense are refused', async () => {
    const code = async (query: string, variables: Record<string, unknown>) => (await api.refused(query, variables)).extensions.code;
    expect(await code(SALES, { f: '2026-02-01T00:00:00Z', t: '2026-01-01T00:00:00Z', g: 'DAY' })).toBe('BAD_USER_INPUT');
    expect(await code(SALES, { f: '2020-01-01T00:00:00Z', t: '2026-01-01T00:00:00Z', g: 'DAY' })).toBe('BAD_USER_INPUT');
    expect(await code(TOP, { f: '2026-01-01T00:00:00Z', t: '2026-03-01T00:00:00Z', n: 0 })).toBe('BAD_USER_INPUT');
    for (const notADate of ['2026-02-30', '0000-01-01', '2026-1-5', 'yesterday']) {
      expect(await code(TOP, { f: notADate, t: '2026-03-01', n: 1 })).toBe('BAD_USER_INPUT');
    }
    expect(await code('mutation { updateSettings(input: { reportTimeZone: "Mars/Olympus" }) { reportTimeZone } }', {})).toBe('BAD_USER_INPUT');
  });
});
