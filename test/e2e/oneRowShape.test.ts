// A type has one row shape, whoever answers it: a row of the model inside a mutation's
// payload or a report (an adjusted product, a trial balance's accounts, a customer's
// ledger) answers exactly what the same row read through the tenant graph answers.
// Once per engine.
import { tenantPlacements } from '../support/engines';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';

const PRODUCT = 'id sku name description kind price cost currency unit stock reserved trackStock attributes imageUrls tags translations { locale name } categoryId category { name } createdAt updatedAt';
const ACCOUNT = 'id code name type parentId parent { code } createdAt';
const CUSTOMER = 'id name email phone address nationalId notes createdAt updatedAt';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let api: TenantApi;

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const owner = await gw.createUser();
    await gw.createTenant({ slug: 'shapes', owner });
    api = tenantApi(gw, owner.token, 'shapes');
  });
  afterAll(() => gw.close());

  test("a stock adjustment's product and journal entry are the rows the graph reads", async () => {
    const { id } = await api.createProduct({ sku: 'SHAPE-1', name: 'Ring', kind: 'JEWELRY', price: '400', cost: '250.5' });
    const { adjustStock } = await api.call(
      `mutation($i: StockAdjustmentInput!) { adjustStock(input: $i) { product { ${PRODUCT} } journalEntry { id number description lines { nodes { debit credit account { ${ACCOUNT} } } } } } }`,
      { i: { productId: id, reason: 'OPENING', quantity: '2' } },
    );
    const read = await api.call(
      `query($id: ID!, $entry: ID!) { product(id: $id) { ${PRODUCT} } journalEntry(id: $entry) { id number description lines { nodes { debit credit account { ${ACCOUNT} } } } } }`,
      { id, entry: adjustStock.journalEntry.id },
    );
    expect(adjustStock.product).toEqual(read.product);
    expect(adjustStock.journalEntry).toEqual(read.journalEntry);
  });

  test("a trial balance's accounts and a customer ledger's customer are the rows the graph reads", async () => {
    const customer = await api.createCustomer('Ledgered');
    const { id } = await api.createProduct({ sku: 'SHAPE-2', name: 'An hour', kind: 'SERVICE', price: '90.5' });
    const invoice = await api.createInvoice({ kind: 'SALE', customerId: customer, items: [{ productId: id, quantity: '1' }] });
    await api.issue(invoice.id);
    const { trialBalance, customerLedger } = await api.call(
      `query($customer: ID!) { trialBalance { lines { account { ${ACCOUNT} } } } customerLedger(customerId: $customer) { customer { ${CUSTOMER} } } }`,
      { customer },
    );
    const codes = trialBalance.lines.map((line: { account: { code: string } }) => line.account.code);
    expect(codes.length).toBeGreaterThan(1);
    const { accounts, customer: read } = await api.call(
      `query($codes: [String!], $customer: ID!) { accounts(where: { code: { in: $codes } }, first: 100) { nodes { ${ACCOUNT} } } customer(id: $customer) { ${CUSTOMER} } }`,
      { codes, customer },
    );
    const byCode = new Map(accounts.nodes.map((a: { code: string }) => [a.code, a]));
    expect(trialBalance.lines.map((line: { account: unknown }) => line.account)).toEqual(codes.map((code: string) => byCode.get(code)));
    expect(customerLedger.customer).toEqual(read);
  });
});
