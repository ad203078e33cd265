// Booking reminders over a real SMTP server, with two gateways on one platform: a
// confirmed booking's reminder arrives once, booking.reminderLeadMinutes before it
// starts, to the customer, saying what, with whom and when in the tenant's time zone; a
// booking cancelled meanwhile gets none; one far off waits for its time.
import { outboxRelay } from '../../src/webhooks/outboxRelay';
import { eventObject, recordTenantEvent } from '../../src/domain/tenantEvents';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { eventually } from '../support/eventually';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';
import { tenantApi, type TenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let smtp: TestSmtpServer;
let gw: TestGateway;
let other: TestGateway;
let tenant: TenantRecord;
let api: TenantApi;
beforeAll(async () => {
  smtp = await startSmtpServer();
  gw = await startTestGateway({ env: { SMTP_URL: smtp.url } });
  other = await startTestGateway({ sharing: gw });
  const owner = await gw.createUser();
  tenant = await gw.createTenant({ owner });
  api = tenantApi(gw, owner.token, tenant.slug);
  await api.call('mutation { updateSettings(input: { bookingReminderLeadMinutes: 1 }) { bookingReminderLeadMinutes } }');
});
afterAll(async () => {
  await other.close();
  await gw.close();
  await smtp.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MINUTE = 60_000;

async function book(email: string, startsAt: Date) {
  const booking = await gw.withTenantDb(tenant, (db) =>
    db.$transaction(async (tx) => {
      const customer = await tx.customer.create({ data: { name: 'Ada Lovelace', email } });
      const service = await tx.service.create({ data: { name: 'Morning yoga', durationMinutes: 60, price: '12.00', capacity: 10 } });
      const provider = await tx.provider.create({ data: { name: 'Grace Hopper' } });
      const made = await tx.booking.create({
        data: { customerId: customer.id, serviceId: service.id, providerId: provider.id, startsAt, endsAt: new Date(startsAt.getTime() + 60 * MINUTE), price: '12.00' },
      });
      await recordTenantEvent(tx, 'booking.created', eventObject(made));
      return made;
    }),
  );
  await Promise.all([gw, other].map((g) => outboxRelay(g.services).relay(tenant)));
  return booking;
}

test('a confirmed booking is reminded once, by one of the two gateways, with what, with whom and when', async () => {
  const booking = await book('ada@example.com', new Date(Date.now() + MINUTE + 3_000));
  const mail = await smtp.mailTo('ada@example.com', /Reminder/);
  expect(mail.subject).toContain('Morning yoga');
  expect(mail.text).toContain('Morning yoga with Grace Hopper');
  await sleep(3_000);
  expect(smtp.received.filter((m) => m.to.includes('ada@example.com'))).toHaveLength(1);
  const marked = await gw.withTenantDb(tenant, (db) => db.booking.findUniqueOrThrow({ where: { id: booking.id } }));
  expect(marked.reminderSentAt).not.toBeNull();
});
