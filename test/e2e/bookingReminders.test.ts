// Booking reminders over a real SMTP server, with two gateways on one platform and a
// tenant in every placement (engine and isolation): a confirmed booking's reminder
// arrives once, booking.reminderLeadMinutes before it starts, to the customer, saying
// what, with whom and when on the tenant's clock, even when the mail server first turns
// it away; a booking cancelled meanwhile gets none; one far off waits for its time.
import { eventually } from '../support/eventually';
import { tenantEngines, tenantPlacements } from '../support/engines';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer';
import { tenantApi, type TenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway } from '../support/testGateway';

const MINUTE = 60_000;
/** The lead the tenants remind at: the shortest the setting takes. */
const LEAD_MINUTES = 1;

let smtp: TestSmtpServer;
let gw: TestGateway;
let other: TestGateway;

interface Gym {
  placement: string;
  tenantId: string;
  api: TenantApi;
  onOther: TenantApi;
  offer: { serviceId: string; providerId: string };
  classStartsAt: Date;
  reminded: string;
  cancelled: string;
}
const gyms: Gym[] = [];

const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email));

async function openGym(api: TenantApi) {
  await api.call(`mutation { updateSettings(input: { bookingReminderLeadMinutes: ${LEAD_MINUTES}, reportTimeZone: "Europe/Berlin" }) { bookingReminderLeadMinutes } }`);
  const { createService } = await api.call('mutation { createService(input: { name: "Morning yoga", durationMinutes: 60, price: "12.00", capacity: 10 }) { id } }');
  const { createProvider } = await api.call('mutation($s: ID!) { createProvider(input: { name: "Grace Hopper", serviceIds: [$s] }) { id } }', { s: createService.id });
  return { serviceId: createService.id as string, providerId: createProvider.id as string };
}

async function scheduleClass(api: TenantApi, offer: { serviceId: string; providerId: string }, startsAt: Date): Promise<string> {
  const { scheduleClass } = await api.call('mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id } }', { i: { ...offer, startsAt } });
  return scheduleClass[0].id;
}

async function book(api: TenantApi, classSessionId: string, name: string, email: string): Promise<string> {
  const { createCustomer } = await api.call('mutation($n: String!, $e: String) { createCustomer(input: { name: $n, email: $e }) { id } }', { n: name, e: email });
  const { bookClass } = await api.call('mutation($c: ID!, $u: ID!) { bookClass(classSessionId: $c, customerId: $u) { id } }', { c: classSessionId, u: createCustomer.id });
  return bookClass.id;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  gw = await startTestGateway({ env: { SMTP_URL: smtp.url }, engine: tenantEngines.at(-1) });
  other = await startTestGateway({ sharing: gw });
  const owner = await gw.createUser();
  const opened = await Promise.all(
    tenantPlacements.map(async ({ engine, isolation }, i) => {
      const tenant = await gw.createTenant({ slug: `gym-${i}`, engine, isolation, owner });
      const api = tenantApi(gw, owner.token, tenant.slug);
      return { placement: `${engine} ${isolation}`, tenantId: tenant.id, api, onOther: tenantApi(other, owner.token, tenant.slug), offer: await openGym(api) };
    }),
  );
  // Every gym's class starts a little more than the lead from now, so its reminders fall due during the tests.
  const classStartsAt = new Date(Date.now() + LEAD_MINUTES * MINUTE + 20_000);
  for (const gym of opened) {
    const classId = await scheduleClass(gym.api, gym.offer, classStartsAt);
    const reminded = `ada-${gym.tenantId}@example.com`;
    const cancelled = `bob-${gym.tenantId}@example.com`;
    await book(gym.api, classId, 'Ada Lovelace', reminded);
    // Bob cancels on the other gateway, whose relay then has his booking's events too.
    const bobsBooking = await book(gym.api, classId, 'Bob Marley', cancelled);
    await gym.onOther.call('mutation($id: ID!) { cancelBooking(id: $id) { status } }', { id: bobsBooking });
    gyms.push({ ...gym, classStartsAt, reminded, cancelled });
  }
  // The mail server turns the first reminder away for now: it is sent again, still once.
  smtp.refuseNext = 1;
}, 120_000);
afterAll(async () => {
  await other.close();
  await gw.close();
  await smtp.close();
});

/** The reminder job of the booking: when it runs, or undefined when there is none. */
async function reminderJob(tenantId: string, bookingId: string) {
  const jobs = await gw.services.platform.$queryRaw<Array<{ run_at: Date }>>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`booking-reminder:${tenantId}:${bookingId}`}`;
  return jobs[0];
}

test('each confirmed booking is reminded once, by one of the two gateways, with what, with whom and when; a cancelled one is not', async () => {
  // Not before its time.
  expect(Date.now()).toBeLessThan(gyms[0].classStartsAt.getTime() - LEAD_MINUTES * MINUTE);
  expect(smtp.received).toEqual([]);
  await eventually(() => gyms.every((gym) => mailsTo(gym.reminded).length > 0), 2 * MINUTE, 200);
  // Let any second mail (or the cancelled booking's) arrive if one were coming.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(smtp.refuseNext).toBe(0); // one was turned away, and sent again
  const berlinTime = (moment: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(moment);
  for (const gym of gyms) {
    const mails = mailsTo(gym.reminded);
    expect({ placement: gym.placement, mails: mails.length }).toEqual({ placement: gym.placement, mails: 1 });
    expect(mails[0].subject).toContain('Reminder: Morning yoga');
    expect(mails[0].text).toContain('Hello Ada Lovelace');
    expect(mails[0].text).toContain('Morning yoga with Grace Hopper');
    expect(mails[0].text).toContain(`${berlinTime(gym.classStartsAt)} to ${berlinTime(new Date(gym.classStartsAt.getTime() + 60 * MINUTE))} (Europe/Berlin)`);
    expect({ placement: gym.placement, mails: mailsTo(gym.cancelled).length }).toEqual({ placement: gym.placement, mails: 0 });
  }
}, 3 * MINUTE);

test('a booking far off waits for its reminder time; cancelled, it has no reminder coming', async () => {
  const [gym] = gyms;
  const startsAt = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
  const booking = await book(gym.api, await scheduleClass(gym.api, gym.offer, startsAt), 'Cy Twombly', `cy-${gym.tenantId}@example.com`);
  const due = new Date(startsAt.getTime() - LEAD_MINUTES * MINUTE);
  await eventually(async () => (await reminderJob(gym.tenantId, booking))?.run_at.getTime() === due.getTime(), 10_000);

  await gym.onOther.call('mutation($id: ID!) { cancelBooking(id: $id) { status } }', { id: booking });
  await eventually(async () => (await reminderJob(gym.tenantId, booking)) === undefined, 10_000);
});
