// What erasing a customer leaves of an event naming them (src/modules/customers/erasedPayload.ts):
// a domain event loses the personal columns of its model's rows, nested ones too; a
// tracked event, of the client's shape, loses any text holding one of their values.
import { erasedPayload, recordedValues } from '../../src/modules/customers/erasedPayload';

const id = '0190a4b2-0000-7000-8000-000000000001';

test("a domain event's row loses its personal columns, required ones to the placeholder, and keeps the rest", () => {
  const created = { id, name: 'Jane Quill', email: 'jane@example.org', phone: null, notes: 'VIP', createdAt: '2026-12-01T10:00:00.000Z' };
  expect(erasedPayload('customer.created', created, [])).toEqual({ ...created, name: 'erased customer', email: null, notes: null });
});

test("rows nested in a domain event's row lose theirs too; amounts, numbers and ids stay", () => {
  const refunded = {
    id,
    number: 'ORD-000007',
    customerId: id,
    total: '109',
    shippingAddress: '17 Larch Row',
    notes: 'ring twice',
    items: [{ id, productId: id, quantity: '1', unitPrice: '100' }],
    refunds: [{ id, amount: '10', reason: 'clasp broke' }],
  };
  expect(erasedPayload('order.refunded', refunded, ['Larch'])).toEqual({
    ...refunded,
    shippingAddress: null,
    notes: null,
    refunds: [{ id, amount: '10', reason: null }],
  });
});

test("a tracked event's text holding one of their values goes, ignoring case, at any depth; the rest stays", () => {
  const properties = { customerId: id, email: 'JANE@EXAMPLE.ORG', label: 'Jane Quill, VIP', steps: [{ note: 'called Jane Quill' }, 'checkout'], count: 3 };
  expect(erasedPayload('profile_viewed', properties, ['jane@example.org', 'Jane Quill', ''])).toEqual({
    customerId: id,
    email: 'erased customer',
    label: 'erased customer',
    steps: [{ note: 'erased customer' }, 'checkout'],
    count: 3,
  });
});

test('what their domain events recorded is known to look for, earlier values among them; a tracked event records none', () => {
  expect(recordedValues('customer.created', { id, name: 'Jane Quill', email: 'old@example.net', phone: null }).sort()).toEqual(['Jane Quill', 'old@example.net']);
  expect(recordedValues('order.created', { id, billingAddress: 'PO Box 9', items: [] })).toEqual(['PO Box 9']);
  expect(recordedValues('profile_viewed', { email: 'old@example.net' })).toEqual([]);
});
