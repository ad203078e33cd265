// Customers as a shop keeps them: changed field by field, and deleted only while no
// document names them (invoices, orders and the books keep who they were for), with
// every change recorded as an event in its own transaction. Once per engine.
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantPlacements } from '../support/engines';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';

const FIELDS = 'id name email phone address nationalId notes';
const CREATE = `mutation($i: CustomerInput!) { createCustomer(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: CustomerUpdateInput!) { updateCustomer(id: $id, input: $i) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteCustomer(id: $id) }';
const CUSTOMER = `query($id: ID!) { customer(id: $id) { ${FIELDS} } }`;

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let owner: TenantApi;
  let member: TenantApi;
  let viewer: TenantApi;
  let tenant: TenantRecord;
  let ring: string;

  const create = async (input: Record<string, unknown>) => (await owner.call(CREATE, { i: input })).createCustomer;

  const eventsOf = (customerId: string) => gw.eventsAbout(tenant, customerId);

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    const [admin, writer, reader] = [await gw.createUser(), await gw.createUser(), await gw.createUser()];
    tenant = await gw.createTenant({ slug: 'customers', owner: admin, members: [[writer, 'MEMBER'], [reader, 'VIEWER']] });
    owner = tenantApi(gw, admin.token, 'customers');
    member = tenantApi(gw, writer.token, 'customers');
    viewer = tenantApi(gw, reader.token, 'customers');
    ring = (await owner.createProduct({ sku: 'RING', name: 'Ring', kind: 'GOODS', price: '100', cost: '60' })).id;
    await owner.issue((await owner.createInvoice({ kind: 'PURCHASE', items: [{ productId: ring, quantity: '5', unitPrice: '60' }] })).id);
  });
  afterAll(() => gw.close());

  describe('updateCustomer', () => {
    let sara: any;
    beforeAll(async () => {
      sara = await create({ name: 'Sara Karimi', email: 'sara@example.com', phone: '+98 21 5555 0101', notes: 'prefers 18k' });
    });

    test('changes only the fields given, and null clears an optional one', async () => {
      const { updateCustomer: moved } = await member.call(UPDATE, { id: sara.id, i: { address: '12 Valiasr St, Tehran', phone: '+98 21 5555 0199' } });
      expect(moved).toEqual({ ...sara, address: '12 Valiasr St, Tehran', phone: '+98 21 5555 0199' });
      const { updateCustomer: cleared } = await member.call(UPDATE, { id: sara.id, i: { email: null, notes: null } });
      expect(cleared).toEqual({ ...moved, email: null, notes: null });
      expect((await owner.call(CUSTOMER, { id: sara.id })).customer).toEqual(cleared);
    });

    test.each([
      ['a name cleared', { name: null }, 'BAD_USER_INPUT', /^name: /],
      ['an empty name', { name: '  ' }, 'BAD_USER_INPUT', /^name: is required/],
      ['an email that is not one', { email: 'sara at example' }, 'BAD_USER_INPUT', /^email: must be an email address/],
    ])('refuses %s, changing nothing', async (_what, input, code, message) => {
      const before = (await owner.call(CUSTOMER, { id: sara.id })).customer;
      const error = await owner.refused(UPDATE, { id: sara.id, i: input });
      expect(error.extensions.code).toBe(code);
      expect(error.message).toMatch(message);
      expect((await owner.call(CUSTOMER, { id: sara.id })).customer).toEqual(before);
    });

    test('a customer that does not exist is NOT_FOUND, a malformed id BAD_USER_INPUT, and a VIEWER may not', async () => {
      expect((await owner.refused(UPDATE, { id: '0190a4b2-0000-7000-8000-000000000000', i: { name: 'x' } })).extensions.code).toBe('NOT_FOUND');
      expect((await owner.refused(UPDATE, { id: '42', i: { name: 'x' } })).extensions.code).toBe('BAD_USER_INPUT');
      expect((await viewer.refused(UPDATE, { id: sara.id, i: { name: 'x' } })).extensions.code).toBe('FORBIDDEN');
    });

    test('each change is a customer.updated event with the customer as it became', async () => {
      const events = await eventsOf(sara.id);
      expect(events.map((e) => e.type)).toEqual(['customer.created', 'customer.updated', 'customer.updated']);
      expect(events[2].payload).toMatchObject({ id: sara.id, name: 'Sara Karimi', email: null, address: '12 Valiasr St, Tehran', notes: null });
    });
  });

  describe('deleteCustomer', () => {
    test('deletes a customer no document names, with a customer.deleted event', async () => {
      const walkIn = await create({ name: 'Walk-in Reza' });
      expect((await member.call(DELETE, { id: walkIn.id })).deleteCustomer).toBe(true);
      expect((await owner.refused(CUSTOMER, { id: walkIn.id })).extensions.code).toBe('NOT_FOUND');
      expect((await eventsOf(walkIn.id)).map((e) => e.type)).toEqual(['customer.created', 'customer.deleted']);
      expect((await owner.refused(DELETE, { id: walkIn.id })).extensions.code).toBe('NOT_FOUND');
    });

    test('refuses a customer on a draft invoice with CONFLICT, counting what refers to it', async () => {
      const ali = await create({ name: 'Ali' });
      await owner.createInvoice({ kind: 'SALE', customerId: ali.id, items: [{ productId: ring, quantity: '1' }] });
      const error = await owner.refused(DELETE, { id: ali.id });
      expect(error).toMatchObject({
        message: 'customer Ali cannot be deleted: referred to by 1 invoice',
        extensions: { code: 'CONFLICT', referencedBy: { invoices: 1, orders: 0, journalLines: 0, bookings: 0, creditTransactions: 0 } },
      });
      expect((await owner.call(CUSTOMER, { id: ali.id })).customer.name).toBe('Ali');
    });

    test('an issued invoice names the customer in the books too, and an order refers to its customer', async () => {
      const maryam = await create({ name: 'Maryam' });
      await owner.issue((await owner.createInvoice({ kind: 'SALE', customerId: maryam.id, items: [{ productId: ring, quantity: '1' }] })).id);
      const placed = await owner.call('mutation($i: OrderInput!) { createOrder(input: $i) { id } }', { i: { customerId: maryam.id, items: [{ productId: ring, quantity: '1' }] } });
      expect(placed.createOrder.id).toEqual(expect.any(String));
      const error = await owner.refused(DELETE, { id: maryam.id });
      expect(error.extensions).toEqual({ code: 'CONFLICT', referencedBy: { invoices: 1, orders: 1, journalLines: 1, bookings: 0, creditTransactions: 0 } });
      expect(error.message).toBe('customer Maryam cannot be deleted: referred to by 1 invoice, 1 order, 1 journal line');
    });

    test('a VIEWER may not delete', async () => {
      const guest = await create({ name: 'Guest' });
      expect((await viewer.refused(DELETE, { id: guest.id })).extensions.code).toBe('FORBIDDEN');
      expect((await owner.call(CUSTOMER, { id: guest.id })).customer.name).toBe('Guest');
    });
  });
});
