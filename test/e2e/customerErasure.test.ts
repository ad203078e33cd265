// A customer's rights over their data (GDPR art. 15 and 17), wherever a tenant lives:
// customerData answers every row about them and nothing of anyone else; eraseCustomer
// leaves none of their personal values in any text or JSON column of any table of the
// tenant's database (found from the catalog, so a column added later is covered),
// nor in the platform's webhook deliveries and audit log (whose entries never held
// them), while the books, numbers and amounts stay as they were. Once per engine and
// isolation.
import pg from 'pg';
import { withDatabase } from '../../src/db/urls';
import { withMysql } from '../../src/db/withMysql';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantPlacements } from '../support/engines';
import { eventually } from '../support/eventually';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

const JANE = {
  name: 'Jane Erasmus-Quill',
  email: 'jane.quill@example.org',
  phone: '+44 20 7946 0958',
  address: '221 Quill Street, Bath',
  nationalId: 'QX-448812',
  notes: 'prefers calls after six',
};
const OLD_EMAIL = 'jq-old@example.net';
// What her documents say about her: addresses, notes, a memo, a refund's reason, the bank's text.
const ON_HER_DOCUMENTS = {
  shippingAddress: 'Flat 3, 17 Larch Row, Leeds',
  billingAddress: 'PO Box 9921, Leeds',
  orderNotes: 'leave with the porter, Mr Okonkwo',
  invoiceNotes: 'engraved for her sister Maud',
  refundReason: 'clasp broke on the Bath trip',
  memo: 'goodwill agreed on the phone with Jane',
  statementText: 'TRANSFER FROM J ERASMUS-QUILL',
};
const PERSONAL = [...Object.values(JANE), OLD_EMAIL, ...Object.values(ON_HER_DOCUMENTS)];

const CUSTOMER_DATA = 'query($id: ID!) { customerData(id: $id) }';
const ERASE = 'mutation($id: ID!) { eraseCustomer(id: $id) { id name email phone address nationalId notes erasedAt } }';
const DOCUMENTS = `query($c: ID!) {
  invoices(first: 50, filter: { customerId: $c }) { nodes { number total amountPaid status } }
  orders(first: 50, filter: { customerId: $c }) { nodes { number total refundedAmount status } }
  customerLedger(customerId: $c) { balance entries { debit credit } }
}`;

/** Every value of every text or JSON column of every table of the tenant's database (or schema), from the catalog. */
async function storedTexts(gw: TestGateway, tenant: TenantRecord): Promise<string[]> {
  const lease = gw.services.pool.acquire(tenant);
  const { engine, database, schemaName } = lease.target;
  lease.release();
  if (engine === 'mysql') {
    return withMysql(MYSQL_URL!, async (sql) => {
      const columns = await sql.query<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
         WHERE table_schema = ? AND data_type IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json')`,
        [schemaName],
      );
      const texts: string[] = [];
      for (const { t, c } of columns) {
        // The driver hands a JSON column over parsed.
        for (const { v } of await sql.query<{ v: unknown }>(`SELECT \`${c}\` AS v FROM \`${schemaName}\`.\`${t}\``)) {
          if (v !== null) texts.push(typeof v === 'string' ? v : JSON.stringify(v));
        }
      }
      return texts;
    });
  }
  // The server's own login, which row-level security does not hold: a POOL tenant's neighbours' rows are read too.
  const admin = new pg.Client({ connectionString: withDatabase(gw.dbs.serverUrl, database) });
  await admin.connect();
  try {
    const { rows: columns } = await admin.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE table_schema = $1 AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`,
      [schemaName],
    );
    const texts: string[] = [];
    for (const { t, c } of columns) {
      const { rows } = await admin.query<{ v: string | null }>(`SELECT "${c}"::text AS v FROM "${schemaName}"."${t}"`);
      for (const row of rows) if (row.v !== null) texts.push(row.v);
    }
    return texts;
  } finally {
    await admin.end();
  }
}

/** The personal values found in `texts`, ignoring case. */
const personalIn = (texts: string[]) => PERSONAL.filter((value) => texts.some((text) => text.toLowerCase().includes(value.toLowerCase())));

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let receiver: WebhookReceiver;
  let tenant: TenantRecord;
  let owner: TenantApi;
  let admin: TenantApi;
  let member: TenantApi;
  let viewer: TenantApi;
  let memberToken: string;
  let jane: string;
  let omar: string;
  let ring: string;
  let janesInvoices: string[];
  let janesOrder: { id: string; number: string };
  let omarsDocuments: { invoice: string; order: string };

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    gw = await startTestGateway({ engine, isolation, env: { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_SWEEP_SECONDS: '1' } });
    const [ownerUser, adminUser, memberUser, viewerUser] = [await gw.createUser(), await gw.createUser(), await gw.createUser(), await gw.createUser()];
    tenant = await gw.createTenant({ slug: 'atelier', owner: ownerUser, members: [[adminUser, 'ADMIN'], [memberUser, 'MEMBER'], [viewerUser, 'VIEWER']] });
    [owner, admin, member, viewer] = [ownerUser, adminUser, memberUser, viewerUser].map((user) => tenantApi(gw, user.token, 'atelier'));
    memberToken = memberUser.token;

    const { createWebhook } = await owner.call('mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret } }', {
      i: { url: receiver.url, events: ['customer.created', 'customer.erased', 'order.created'] },
    });
    receiver.secrets.push(createWebhook.secret);
    await owner.call('mutation { updateSettings(input: { invoiceTaxRate: "0.09" }) { invoiceTaxRate } }');
    ring = (await owner.createProduct({ sku: 'RING', name: 'Silver ring', kind: 'JEWELRY', price: '100', cost: '60' })).id;
    await owner.issue((await owner.createInvoice({ kind: 'PURCHASE', items: [{ productId: ring, quantity: '10', unitPrice: '60' }] })).id);

    // Jane: her email changed once (the old one is in her first event only), then documents of every kind.
    jane = (await owner.call('mutation($i: CustomerInput!) { createCustomer(input: $i) { id } }', { i: { ...JANE, email: OLD_EMAIL } })).createCustomer.id;
    await member.call('mutation($id: ID!, $i: CustomerUpdateInput!) { updateCustomer(id: $id, input: $i) { id } }', { id: jane, i: { email: JANE.email } });
    const paid = await owner.createInvoice({ kind: 'SALE', customerId: jane, notes: ON_HER_DOCUMENTS.invoiceNotes, items: [{ productId: ring, quantity: '1' }] });
    await owner.issue(paid.id);
    await owner.pay(paid.id, '109', 'BANK_TRANSFER', { reference: 'TRX-5501', paidAt: '2026-11-02T10:00:00Z' });
    const owed = await owner.createInvoice({ kind: 'SALE', customerId: jane, items: [{ productId: ring, quantity: '2' }] });
    await owner.issue(owed.id);
    janesOrder = (
      await member.call('mutation($i: OrderInput!) { createOrder(input: $i) { id number } }', {
        i: { customerId: jane, items: [{ productId: ring, quantity: '1' }], shippingAddress: ON_HER_DOCUMENTS.shippingAddress, billingAddress: ON_HER_DOCUMENTS.billingAddress, notes: ON_HER_DOCUMENTS.orderNotes },
      })
    ).createOrder;
    await member.call('mutation($id: ID!) { payOrder(id: $id, method: CARD) { id } }', { id: janesOrder.id });
    await owner.call('mutation($id: ID!, $r: String) { refundOrder(id: $id, amount: "10", reason: $r) { id } }', { id: janesOrder.id, r: ON_HER_DOCUMENTS.refundReason });
    await owner.call('mutation($i: JournalEntryInput!) { postJournalEntry(input: $i) { id } }', {
      i: { description: 'goodwill credit', lines: [{ account: '5200', debit: '5' }, { account: '1300', credit: '5', customerId: jane, memo: ON_HER_DOCUMENTS.memo }] },
    });
    const bank = (await owner.call('mutation { createBankAccount(input: { name: "Main", bankName: "Lloyds", accountNumber: "GB33BUKB20201555555555" }) { id } }')).createBankAccount.id;
    const imported = await owner.call('mutation($b: ID!, $csv: String!) { importBankStatement(bankAccountId: $b, csv: $csv) { matched } }', {
      b: bank,
      csv: `Date,Amount,Reference,Description\n2026-11-02,109.00,TRX-5501,${ON_HER_DOCUMENTS.statementText}`,
    });
    expect(imported.importBankStatement.matched).toBe(1);
    await member.call('mutation($p: JSONObject) { trackEvent(type: "profile_viewed", properties: $p) { id } }', {
      p: { customerId: jane, email: OLD_EMAIL.toUpperCase(), label: `${JANE.name}, VIP` },
    });
    const { invoices } = await owner.call(DOCUMENTS, { c: jane });
    janesInvoices = invoices.nodes.map((i: { number: string }) => i.number);

    // Omar, who must come out of all of it untouched.
    omar = (await owner.call('mutation { createCustomer(input: { name: "Omar Haddad", email: "omar@example.com", address: "9 Harbour Road, Portland" }) { id } }')).createCustomer.id;
    const his = await owner.createInvoice({ kind: 'SALE', customerId: omar, items: [{ productId: ring, quantity: '1' }] });
    await owner.issue(his.id);
    const hisOrder = (await owner.call('mutation($i: OrderInput!) { createOrder(input: $i) { number } }', { i: { customerId: omar, items: [{ productId: ring, quantity: '1' }], shippingAddress: '9 Harbour Road, Portland' } })).createOrder;
    omarsDocuments = { invoice: his.number, order: hisOrder.number };
  });
  afterAll(async () => {
    await gw?.close();
    await receiver?.close();
  });

  describe('customerData', () => {
    let data: any;
    beforeAll(async () => {
      data = (await admin.call(CUSTOMER_DATA, { id: jane })).customerData;
    });

    test('answers the customer and every row about them, as the API shows each', () => {
      expect(data.customer).toEqual({ id: jane, ...JANE, erasedAt: null, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), updatedAt: expect.any(String) });
      expect(data.invoices.map((i: any) => i.number).sort()).toEqual([...janesInvoices].sort());
      expect(data.invoices.find((i: any) => i.notes === ON_HER_DOCUMENTS.invoiceNotes)).toMatchObject({ total: '109', amountPaid: '109', status: 'PAID' });
      expect(data.invoiceItems).toHaveLength(3);
      expect(data.stockMovements).toHaveLength(3);
      expect(data.payments.map((p: any) => [p.amount, p.method, p.reference]).sort()).toEqual([['109', 'BANK_TRANSFER', 'TRX-5501'], ['109', 'CARD', null]]);
      expect(data.payments.find((p: any) => p.reference === 'TRX-5501').paidAt).toBe('2026-11-02T10:00:00.000Z');
      expect(data.orders).toEqual([expect.objectContaining({ number: janesOrder.number, total: '109', refundedAmount: '10', shippingAddress: ON_HER_DOCUMENTS.shippingAddress })]);
      expect(data.orderItems).toEqual([expect.objectContaining({ orderId: janesOrder.id, quantity: '1', unitPrice: '100' })]);
      expect(data.orderRefunds).toEqual([expect.objectContaining({ amount: '10', reason: ON_HER_DOCUMENTS.refundReason })]);
      // Three sales and two payments post to her receivable, and the goodwill credit.
      expect(data.journalLines).toHaveLength(6);
      expect(data.journalLines.every((l: any) => l.customerId === jane)).toBe(true);
      expect(data.journalLines.find((l: any) => l.memo)).toMatchObject({ credit: '5', debit: '0', memo: ON_HER_DOCUMENTS.memo });
      expect(data.bankStatementLines).toEqual([expect.objectContaining({ date: '2026-11-02', amount: '109', description: ON_HER_DOCUMENTS.statementText })]);
      const types = data.analyticsEvents.map((e: any) => e.type);
      expect(types).toEqual(expect.arrayContaining(['customer.created', 'customer.updated', 'invoice.issued', 'invoice.paid', 'order.created', 'order.paid', 'order.refunded', 'profile_viewed']));
      expect(data.analyticsEvents[0]).toMatchObject({ type: 'customer.created', payload: { email: OLD_EMAIL } });
    });

    test("holds nothing of another customer's", () => {
      const text = JSON.stringify(data);
      for (const theirs of [omar, 'Omar', omarsDocuments.invoice, omarsDocuments.order]) expect({ theirs, found: text.includes(theirs) }).toEqual({ theirs, found: false });
    });

    test('leaves out the kinds of rows the tenant holds none of about the customer', async () => {
      const { customerData } = await owner.call(CUSTOMER_DATA, { id: omar });
      expect(Object.keys(customerData).sort()).toEqual(['analyticsEvents', 'customer', 'invoiceItems', 'invoices', 'journalLines', 'orderItems', 'orders', 'stockMovements']);
    });

    test('is for admins and owners: a MEMBER or VIEWER is FORBIDDEN; an unknown customer NOT_FOUND, a malformed id BAD_USER_INPUT', async () => {
      expect((await member.refused(CUSTOMER_DATA, { id: jane })).extensions.code).toBe('FORBIDDEN');
      expect((await viewer.refused(CUSTOMER_DATA, { id: jane })).extensions.code).toBe('FORBIDDEN');
      expect((await owner.refused(CUSTOMER_DATA, { id: '0190a4b2-0000-7000-8000-000000000000' })).extensions.code).toBe('NOT_FOUND');
      expect((await owner.refused(CUSTOMER_DATA, { id: 'jane' })).extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('eraseCustomer', () => {
    let booksBefore: Record<string, string>;
    let documentsBefore: unknown;
    let omarBefore: unknown;
    let erased: any;

    beforeAll(async () => {
      // Her values are all stored somewhere before: the scan below would see them.
      expect(personalIn(await storedTexts(gw, tenant))).toEqual(PERSONAL);
      booksBefore = await balancesByCode(owner);
      documentsBefore = await owner.call(DOCUMENTS, { c: jane });
      omarBefore = (await owner.call(CUSTOMER_DATA, { id: omar })).customerData;
      for (const api of [member, viewer]) expect((await api.refused(ERASE, { id: jane })).extensions.code).toBe('FORBIDDEN');
      erased = (await admin.call(ERASE, { id: jane })).eraseCustomer;
    });

    test('answers the customer erased: a placeholder name, nothing else of theirs, and when', () => {
      expect(erased).toEqual({ id: jane, name: 'erased customer', email: null, phone: null, address: null, nationalId: null, notes: null, erasedAt: expect.any(String) });
      expect(Date.now() - Date.parse(erased.erasedAt)).toBeLessThan(60_000);
    });

    test('leaves none of their personal values in any text or JSON column of any table of the tenant', async () => {
      expect(personalIn(await storedTexts(gw, tenant))).toEqual([]);
    });

    test('keeps the books, numbers and amounts: every balance, invoice, order and ledger line as it was', async () => {
      expect(await balancesByCode(owner)).toEqual(booksBefore);
      expect(await owner.call(DOCUMENTS, { c: jane })).toEqual(documentsBefore);
      const { customerData } = await owner.call(CUSTOMER_DATA, { id: jane });
      expect(customerData.invoices.map((i: any) => i.number).sort()).toEqual([...janesInvoices].sort());
      expect(customerData.orders[0]).toMatchObject({ number: janesOrder.number, shippingAddress: null, billingAddress: null, notes: null });
      expect(customerData.analyticsEvents.map((e: any) => e.type)).toContain('customer.erased');
    });

    test('leaves another customer as they were', async () => {
      expect((await owner.call(CUSTOMER_DATA, { id: omar })).customerData).toEqual(omarBefore);
    });

    test('announces customer.erased with the id and the time only', async () => {
      const [delivery] = await eventually(() => receiver.received.filter((r) => r.body.type === 'customer.erased').length > 0 && receiver.received.filter((r) => r.body.type === 'customer.erased'));
      expect(delivery.signed).toBe(true);
      expect(delivery.body.object).toEqual({ id: jane, erasedAt: erased.erasedAt });
    });

    test("rewrites the webhook deliveries of the events naming them, in the platform's database", async () => {
      const deliveries = await gw.services.platform.webhookDelivery.findMany({ where: { webhook: { tenantId: tenant.id } } });
      expect(deliveries.map((d) => d.eventType)).toEqual(expect.arrayContaining(['customer.created', 'order.created', 'customer.erased']));
      expect(personalIn(deliveries.map((d) => JSON.stringify(d.payload)))).toEqual([]);
    });

    test('is audited, the entry naming the customer by id', async () => {
      const entries = await gw.services.platform.auditLog.findMany({ where: { tenantId: tenant.id, action: 'eraseCustomer' } });
      expect(entries.map((e) => [e.target, e.actorType, (e.details as { args: unknown }).args])).toEqual([[jane, 'user', { id: jane }]]);
    });

    test("leaves none of their values in the tenant's audit log: the entries of the mutations that wrote them never held them", async () => {
      const entries = await gw.services.platform.auditLog.findMany({ where: { tenantId: tenant.id } });
      expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['createCustomer', 'updateCustomer', 'createOrder', 'refundOrder', 'postJournalEntry', 'importBankStatement', 'trackEvent']));
      expect(personalIn(entries.map((e) => JSON.stringify(e)))).toEqual([]);
    });

    test('an erased customer is refused with CONFLICT: a second erasure, a change, a new invoice or order', async () => {
      const again = await owner.refused(ERASE, { id: jane });
      expect(again).toMatchObject({ message: `customer ${jane} was already erased at ${erased.erasedAt}`, extensions: { code: 'CONFLICT', erasedAt: erased.erasedAt } });
      const refusals = [
        await member.refused('mutation($id: ID!) { updateCustomer(id: $id, input: { email: "back@example.com" }) { id } }', { id: jane }),
        await member.refused('mutation($c: ID!, $p: ID!) { createInvoice(input: { kind: SALE, customerId: $c, items: [{ productId: $p, quantity: "1" }] }) { id } }', { c: jane, p: ring }),
        await member.refused('mutation($c: ID!, $p: ID!) { createOrder(input: { customerId: $c, items: [{ productId: $p, quantity: "1" }] }) { id } }', { c: jane, p: ring }),
      ];
      expect(refusals.map((e) => e.extensions.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
      expect(personalIn(await storedTexts(gw, tenant))).toEqual([]);
    });

    test('racing the erasure, a new order naming the customer is either erased with them or refused', async () => {
      const kim = (await owner.call('mutation { createCustomer(input: { name: "Kim Racer-Nakamura" }) { id } }')).createCustomer.id;
      const fitting = (await owner.createProduct({ sku: 'FIT', name: 'Fitting', kind: 'SERVICE', price: '15' })).id;
      const address = '5 Racing Lane, Kyoto';
      const order = () =>
        gw.request('mutation($c: ID!, $p: ID!, $a: String) { createOrder(input: { customerId: $c, items: [{ productId: $p, quantity: "1" }], shippingAddress: $a }) { id } }', {
          token: memberToken,
          tenant: 'atelier',
          variables: { c: kim, p: fitting, a: address },
        });
      const [erasure, ...orders] = await Promise.all([admin.call(ERASE, { id: kim }), ...Array.from({ length: 6 }, order)]);
      expect(erasure.eraseCustomer.name).toBe('erased customer');
      for (const { body } of orders) expect(body.errors?.map((e) => e.extensions.code) ?? ['placed']).toEqual([body.errors ? 'CONFLICT' : 'placed']);
      const texts = await storedTexts(gw, tenant);
      expect([address, 'Kim Racer-Nakamura'].filter((value) => texts.some((text) => text.includes(value)))).toEqual([]);
    });

    test('an unknown customer is NOT_FOUND', async () => {
      expect((await owner.refused(ERASE, { id: '0190a4b2-0000-7000-8000-000000000000' })).extensions.code).toBe('NOT_FOUND');
    });
  });
});
