// Bank statements: CSV lines are imported into a bank account, matched to the bank
// payments they are (by amount, date and reference), and what has no payment is
// listed for a person to look at. Once per engine.
import { tenantPlacements } from '../support/engines';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';

const IMPORT = `mutation($b: ID!, $csv: String!) {
  importBankStatement(bankAccountId: $b, csv: $csv) { imported duplicates matched lines { date amount reference } }
}`;
const LINES = `query($b: ID!, $m: Boolean) {
  bankStatementLines(bankAccountId: $b, matched: $m, first: 100) { totalCount edges { node { date amount reference matchedPayment { amount reference invoice { number } } } } }
}`;

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let api: TenantApi;
  let bankAccountId: string;
  let product: string;

  /** An issued invoice of `amount` (a purchase when negative), paid with `method` on `day` of April 2026. */
  async function paid(amount: number, method: string, day: number, reference?: string) {
    const invoice = await api.createInvoice({
      kind: amount < 0 ? 'PURCHASE' : 'SALE',
      items: [{ productId: product, quantity: '1', unitPrice: String(Math.abs(amount)) }],
    });
    await api.issue(invoice.id);
    const payment = await api.pay(invoice.id, String(Math.abs(amount)), method, {
      paidAt: `2026-04-${String(day).padStart(2, '0')}T12:00:00Z`,
      ...(reference ? { reference } : {}),
    });
    return { invoice: invoice.number, payment: payment.id };
  }

  const lines = async (matched?: boolean) =>
    (await api.call(LINES, { b: bankAccountId, m: matched })).bankStatementLines.edges
      .map((e: any) => e.node)
      .sort((a: any, b: any) => Number(a.amount) - Number(b.amount));

  let card: { invoice: string };
  let statement: string;

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const owner = await gw.createUser();
    await gw.createTenant({ slug: 'banked', owner });
    api = tenantApi(gw, owner.token, 'banked');
    product = (await api.createProduct({ sku: 'SVC', name: 'Service', kind: 'SERVICE', price: '1', trackStock: false })).id;
    bankAccountId = (
      await api.call(
        'mutation { createBankAccount(input: { name: "Main", bankName: "Bank Melli", accountNumber: "IR0601700000000123456789" }) { id ledgerCode currency } }',
      )
    ).createBankAccount.id;

    await paid(100, 'BANK_TRANSFER', 2, 'TRX-1001'); // named by the line's reference
    await paid(250, 'CARD', 3); // two card payments of 250 on one day: which one is the line?
    await paid(250, 'CARD', 3);
    await paid(-80, 'BANK_TRANSFER', 4); // a supplier paid: money out
    card = await paid(300, 'CARD', 5); // named in the line's description by invoice number
    await paid(120, 'BANK_TRANSFER', 6, 'TRX-9'); // the line says TRX-8: not this one
    await paid(500, 'CHEQUE', 1, 'CHQ-77'); // the line is nine days later: too far apart
    await paid(60, 'CASH', 7); // cash never reaches the bank

    statement = [
      'Date,Amount,Reference,Description',
      '2026-04-02,100.00,TRX-1001,Transfer from Ali',
      '2026-04-03,250,,Card settlement',
      '2026-04-05,-80,,Supplier payment',
      `2026-04-05,300,,"card settlement ${card.invoice}"`,
      '2026-04-06,"1,000.00",,Deposit',
      '2026-04-06,120,TRX-8,',
      '2026-04-10,500,CHQ-77,Cheque',
      '2026-04-07,60,,',
      '2026-04-07,-12.50,,Bank fee',
    ].join('\n');
  });
  afterAll(() => gw.close());

  test('a bank account posts to an asset account without sub-accounts', async () => {
    const create = (ledger: string) =>
      api.refused('mutation($l: String) { createBankAccount(input: { name: "X", bankName: "Y", accountNumber: "Z", ledgerCode: $l }) { id } }', { l: ledger });
    expect((await create('1000')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ledgerCode' });
    expect((await create('4100')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ledgerCode' });
    expect((await api.call('{ bankAccounts { nodes { ledgerCode currency } } }')).bankAccounts.nodes).toEqual([{ ledgerCode: '1200', currency: 'USD' }]);
  });

  test('importing matches the lines that are surely or uniquely a bank payment, and nothing else', async () => {
    const { importBankStatement } = await api.call(IMPORT, { b: bankAccountId, csv: statement });
    expect(importBankStatement).toMatchObject({ imported: 9, duplicates: 0, matched: 3 });
    expect(importBankStatement.lines[0]).toEqual({ date: '2026-04-02', amount: '100', reference: 'TRX-1001' });

    const matched = await lines(true);
    expect(matched.map((l: any) => [l.amount, l.matchedPayment.amount])).toEqual([
      ['-80', '80'],
      ['100', '100'],
      ['300', '300'],
    ]);
    expect(matched[1].matchedPayment.reference).toBe('TRX-1001');
    expect(matched[2].matchedPayment.invoice.number).toBe(card.invoice);
    expect((await lines(false)).map((l: any) => l.amount)).toEqual(['-12.5', '60', '120', '250', '500', '1000']);
  });

  test('importing an overlapping statement skips what is stored and matches payments recorded since', async () => {
    const deposit = await paid(1000, 'BANK_TRANSFER', 6);
    const { importBankStatement } = await api.call(IMPORT, { b: bankAccountId, csv: `${statement}\n2026-04-12,-12.50,,Bank fee` });
    expect(importBankStatement).toMatchObject({ imported: 1, duplicates: 9, matched: 1 });
    const thousand = (await lines(true)).find((l: any) => l.amount === '1000');
    expect(thousand.matchedPayment.invoice.number).toBe(deposit.invoice);
    expect((await api.call(LINES, { b: bankAccountId })).bankStatementLines.totalCount).toBe(10);
  });

  test('a statement that cannot be read is refused with the line at fault, and nothing is stored', async () => {
    const refusal = async (csv: string) => (await api.refused(IMPORT, { b: bankAccountId, csv })).extensions;
    expect(await refusal('Date,Amount\n2026-04-01,5\n2026-13-01,5')).toMatchObject({ code: 'BAD_USER_INPUT', line: 3, field: 'date' });
    expect(await refusal('Date,Amount\n2026-04-01,five')).toMatchObject({ code: 'BAD_USER_INPUT', line: 2, field: 'amount' });
    expect(await refusal('When,What\n2026-04-01,5')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(await refusal('Date,Amount\n"2026-04-01,5')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect((await api.call(LINES, { b: bankAccountId })).bankStatementLines.totalCount).toBe(10);
  });

  test('a reference or description longer than its column holds (on every engine) is refused with its line, and nothing is stored', async () => {
    const refusal = async (csv: string) => (await api.refused(IMPORT, { b: bankAccountId, csv })).extensions;
    const header = 'Date,Amount,Reference,Description';
    expect(await refusal(`${header}\n2026-04-20,7,R-1,\n2026-04-20,8,${'R'.repeat(192)},`)).toMatchObject({ code: 'BAD_USER_INPUT', line: 3, field: 'reference' });
    expect(await refusal(`${header}\n2026-04-20,9,,${'d'.repeat(70_000)}`)).toMatchObject({ code: 'BAD_USER_INPUT', line: 2, field: 'description' });
    expect((await api.call(LINES, { b: bankAccountId })).bankStatementLines.totalCount).toBe(10);
    // As long as the columns hold, both are stored as they are.
    const longest = `${header}\n2026-04-21,11,${'R'.repeat(191)},${'d'.repeat(16_383)}`;
    expect((await api.call(IMPORT, { b: bankAccountId, csv: longest })).importBankStatement.lines).toEqual([{ date: '2026-04-21', amount: '11', reference: 'R'.repeat(191) }]);
  });
});
