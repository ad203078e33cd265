// A gym on the gateway, on each engine: services, providers and their hours on the
// tenant's clock (across the changes to and from summer time), classes and appointments
// with their refusals, credits, payments and refunds in the books, the events, the
// generated graph over the new models, the plan's bookings a month and who may do what.
import { DateTime } from 'luxon';
import { ALWAYS, bookingsApi, daysAhead } from '../support/bookingsApi';
import { eventually } from '../support/eventually';
import { connectWs, operate } from '../support/graphqlWs';
import { tenantEngines } from '../support/engines';
import { createTestPlan } from '../support/plans';
import { balancesByCode, tenantApi, type TenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway } from '../support/testGateway';

const ZONE = 'Europe/Berlin';

/** The next last Sunday of `month` (3: March, 10: October) in the zone at least a week ahead: a day summer time begins or ends. */
function nextChange(month: 3 | 10): DateTime {
  for (let year = DateTime.now().year; ; year++) {
    const lastDay = DateTime.fromObject({ year, month }, { zone: ZONE }).endOf('month').startOf('day');
    const sunday = lastDay.minus({ days: lastDay.weekday % 7 });
    if (sunday > DateTime.now().plus({ weeks: 1 })) return sunday;
  }
}

const BOOK_APPOINTMENT = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id status startsAt endsAt price } }';
const BOOK_CLASS = 'mutation($s: ID!, $c: ID!) { bookClass(classSessionId: $s, customerId: $c) { id status creditsUsed } }';
const CANCEL = 'mutation($id: ID!) { cancelBooking(id: $id, reason: "ill") { status cancelledAt invoice { status } } }';
const PAY = 'mutation($id: ID!, $m: PaymentMethod!) { payBooking(id: $id, method: $m) { status invoice { status total kind } } }';

describe.each(tenantEngines)('on %s', (engine) => {
  let gw: TestGateway;
  let ownerToken: string;
  let owner: TenantApi;
  let member: TenantApi;
  let gym: ReturnType<typeof bookingsApi>;
  let yoga: string;
  let spin: string;
  let massage: string;
  let ana: string;
  let ben: string;

  beforeAll(async () => {
    gw = await startTestGateway({ engine });
    const [ownerUser, memberUser] = await Promise.all([gw.createUser(), gw.createUser()]);
    await gw.createTenant({ slug: 'gym', owner: ownerUser, members: [[memberUser, 'MEMBER']] });
    ownerToken = ownerUser.token;
    owner = tenantApi(gw, ownerUser.token, 'gym');
    member = tenantApi(gw, memberUser.token, 'gym');
    await owner.call(`mutation { updateSettings(input: { reportTimeZone: "${ZONE}", invoiceTaxRate: "0.1" }) { reportTimeZone } }`);
    gym = bookingsApi(owner);
    yoga = await gym.service({ name: 'Yoga', durationMinutes: 60, price: '15', capacity: 2 });
    spin = await gym.service({ name: 'Spin', durationMinutes: 45, price: '12', capacity: 20, creditCost: 2 });
    massage = await gym.service({ name: 'Massage', durationMinutes: 60, price: '50' });
    ana = await gym.provider('Ana', [yoga, spin, massage], ALWAYS);
    // Ben works mornings on Saturdays, Sundays and Mondays, on the clock of Berlin.
    ben = await gym.provider('Ben', [massage], [6, 7, 1].map((weekday) => ({ weekday, from: '09:00', to: '11:00' })));
  });
  afterAll(() => gw.close());

  async function slots(providerId: string, from: DateTime, to: DateTime): Promise<string[]> {
    const { availableSlots } = await owner.call('query($s: ID!, $p: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, providerId: $p, from: $f, to: $t) { startsAt endsAt } }', {
      s: massage,
      p: providerId,
      f: from.toUTC().toISO(),
      t: to.toUTC().toISO(),
    });
    return availableSlots.map((slot: { startsAt: string }) => slot.startsAt);
  }

  test.each([
    ['summer time begins', 3 as const, ['08:00', '09:00', '07:00', '08:00', '07:00', '08:00']],
    ['summer time ends', 10 as const, ['07:00', '08:00', '08:00', '09:00', '08:00', '09:00']],
  ])('when %s, the slots stay at 09:00 and 10:00 on the tenant clock, so their UTC hours move', async (_, month, utcHours) => {
    const sunday = nextChange(month);
    const found = await slots(ben, sunday.minus({ days: 1 }), sunday.plus({ days: 2 }));
    expect(found.map((at) => at.slice(11, 16))).toEqual(utcHours);
    expect(found.map((at) => DateTime.fromISO(at, { zone: ZONE }).toFormat('ccc HH:mm'))).toEqual(['Sat 09:00', 'Sat 10:00', 'Sun 09:00', 'Sun 10:00', 'Mon 09:00', 'Mon 10:00']);
  });

  test('a weekly class keeps its local time across the change to summer time; a booked slot is no longer offered', async () => {
    const saturday = nextChange(3).minus({ days: 1 }).set({ hour: 18 });
    const sessions = await gym.classes({ serviceId: yoga, providerId: ana, startsAt: saturday.toUTC().toISO()!, repeatWeeks: 2 });
    const { classSessions } = await owner.call('query($ids: [ID!]) { classSessions(where: { id: { in: $ids } }) { nodes { startsAt endsAt capacity booked } } }', { ids: sessions });
    expect(classSessions.nodes.map((s: { startsAt: string }) => DateTime.fromISO(s.startsAt, { zone: ZONE }).toFormat('ccc HH:mm'))).toEqual(['Sat 18:00', 'Sat 18:00']);
    expect(classSessions.nodes.map((s: { startsAt: string }) => s.startsAt.slice(11, 16))).toEqual(['17:00', '16:00']);

    const monday = nextChange(3).plus({ days: 1 }).set({ hour: 9 });
    const customer = await owner.createCustomer('Early Bird');
    await owner.call(BOOK_APPOINTMENT, { i: { serviceId: massage, providerId: ben, customerId: customer, startsAt: monday.toUTC().toISO() } });
    expect(await slots(ben, monday.startOf('day'), monday.endOf('day'))).toEqual([monday.set({ hour: 10 }).toUTC().toISO({ suppressMilliseconds: false })]);
  });

  test('an appointment outside the hours or in time off answers OUTSIDE_AVAILABILITY; over another, SLOT_TAKEN', async () => {
    const customer = await owner.createCustomer('Pat');
    const monday = nextChange(10).plus({ weeks: 1, days: 1 });
    const at = (hour: number, minute = 0) => ({ i: { serviceId: massage, providerId: ben, customerId: customer, startsAt: monday.set({ hour, minute }).toUTC().toISO() } });
    expect((await owner.refused(BOOK_APPOINTMENT, at(8))).extensions.code).toBe('OUTSIDE_AVAILABILITY');
    // Within the hours at the start, but ending after 11:00.
    expect((await owner.refused(BOOK_APPOINTMENT, at(10, 30))).extensions.code).toBe('OUTSIDE_AVAILABILITY');
    expect((await owner.call(BOOK_APPOINTMENT, at(9))).bookAppointment).toMatchObject({ status: 'CONFIRMED', price: '50' });
    const taken = await owner.refused(BOOK_APPOINTMENT, at(9, 30));
    expect(taken.extensions.code).toBe('SLOT_TAKEN');

    await member.call('mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id } }', {
      i: { providerId: ben, startsAt: monday.set({ hour: 10 }).toUTC().toISO(), endsAt: monday.set({ hour: 11 }).toUTC().toISO(), reason: 'dentist' },
    });
    expect((await owner.refused(BOOK_APPOINTMENT, at(10))).extensions.code).toBe('OUTSIDE_AVAILABILITY');
    expect(await slots(ben, monday.startOf('day'), monday.endOf('day'))).toEqual([]);
    // A class service is booked by the place, not by the appointment.
    const classBooking = await owner.refused(BOOK_APPOINTMENT, { i: { ...at(9).i, serviceId: yoga, providerId: ana } });
    expect(classBooking).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'serviceId' } });
    const classSlots = await owner.refused('query($s: ID!, $p: ID!, $f: DateTime!, $t: DateTime!) { availableSlots(serviceId: $s, providerId: $p, from: $f, to: $t) { startsAt } }', {
      s: yoga,
      p: ana,
      f: monday.toUTC().toISO(),
      t: monday.plus({ days: 1 }).toUTC().toISO(),
    });
    expect(classSlots.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceId' });
  });

  test('a class fills up (CLASS_FULL), a cancellation frees its place, and the same customer cannot book twice', async () => {
    const [session] = await gym.classes({ serviceId: yoga, providerId: ana, startsAt: daysAhead(10, 8) });
    const [a, b, c] = await Promise.all(['Ada', 'Bo', 'Cy'].map((name) => owner.createCustomer(name)));
    const first = (await owner.call(BOOK_CLASS, { s: session, c: a })).bookClass;
    expect(first).toMatchObject({ status: 'CONFIRMED', creditsUsed: 0 });
    expect((await owner.refused(BOOK_CLASS, { s: session, c: a })).extensions.code).toBe('BAD_USER_INPUT');
    await owner.call(BOOK_CLASS, { s: session, c: b });
    expect((await owner.refused(BOOK_CLASS, { s: session, c: c })).extensions).toMatchObject({ code: 'CLASS_FULL', capacity: 2 });
    // A member may cancel a booking nobody paid for.
    expect((await member.call(CANCEL, { id: first.id })).cancelBooking).toMatchObject({ status: 'CANCELLED', invoice: null });
    expect((await owner.refused(CANCEL, { id: first.id })).extensions.code).toBe('BAD_USER_INPUT');
    await owner.call(BOOK_CLASS, { s: session, c: c });
    const { classSession } = await owner.call('query($id: ID!) { classSession(id: $id) { booked bookings(where: { status: { eq: CONFIRMED } }) { nodes { customer { name } } } } }', { id: session });
    expect(classSession.booked).toBe(2);
    expect(classSession.bookings.nodes.map((n: any) => n.customer.name).sort()).toEqual(['Bo', 'Cy']);
  });

  test('a held appointment keeps its slot until it is paid, which confirms it; a held place counts in its class; a class paid in credits is not held', async () => {
    const customer = await owner.createCustomer('Hal');
    const tuesday = nextChange(10).plus({ weeks: 2, days: 2 });
    const at = (hour: number, hold?: boolean) => ({ i: { serviceId: massage, providerId: ana, customerId: customer, startsAt: tuesday.set({ hour }).toUTC().toISO(), hold } });
    const held = (await owner.call(BOOK_APPOINTMENT, at(15, true))).bookAppointment;
    expect(held.status).toBe('HELD');
    expect((await owner.refused(BOOK_APPOINTMENT, at(15))).extensions.code).toBe('SLOT_TAKEN');
    expect((await owner.call(PAY, { id: held.id, m: 'CARD' })).payBooking).toMatchObject({ status: 'CONFIRMED', invoice: { status: 'PAID', kind: 'SALE' } });

    const [session] = await gym.classes({ serviceId: yoga, providerId: ana, startsAt: daysAhead(11, 8) });
    const place = (await owner.call('mutation($s: ID!, $c: ID!) { bookClass(classSessionId: $s, customerId: $c, hold: true) { status classSession { booked } } }', { s: session, c: customer })).bookClass;
    expect(place).toEqual({ status: 'HELD', classSession: { booked: 1 } });
    const [spinClass] = await gym.classes({ serviceId: spin, providerId: ana, startsAt: daysAhead(11, 10) });
    const credits = await owner.refused('mutation($s: ID!, $c: ID!) { bookClass(classSessionId: $s, customerId: $c, hold: true) { status } }', { s: spinClass, c: customer });
    expect(credits.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hold' });
  });

  test('credits: a pack adds them, a booking takes them (INSUFFICIENT_CREDITS without), and cancelling before the cut-off gives them back, after it not', async () => {
    const dee = await owner.createCustomer('Dee');
    const [soon] = await gym.classes({ serviceId: spin, providerId: ana, startsAt: new Date(Date.now() + 3 * 3_600_000).toISOString() });
    const [later] = await gym.classes({ serviceId: spin, providerId: ana, startsAt: daysAhead(12, 9) });
    expect((await owner.refused(BOOK_CLASS, { s: later, c: dee })).extensions).toMatchObject({ code: 'INSUFFICIENT_CREDITS', needed: 2, balance: 0 });
    await gym.creditPack(dee, 5, '40');
    expect(await gym.balance(dee)).toBe(5);
    const early = (await owner.call(BOOK_CLASS, { s: later, c: dee })).bookClass;
    expect(early.creditsUsed).toBe(2);
    expect(await gym.balance(dee)).toBe(3);
    await owner.call(CANCEL, { id: early.id });
    expect(await gym.balance(dee)).toBe(5);
    // The class in 3 hours is within the default cut-off of a day: cancelling keeps the credits spent.
    const late = (await owner.call(BOOK_CLASS, { s: soon, c: dee })).bookClass;
    await owner.call(CANCEL, { id: late.id });
    expect(await gym.balance(dee)).toBe(3);
    const { customer } = await owner.call('query($id: ID!) { customer(id: $id) { creditBalance creditTransactions { nodes { delta reason } } } }', { id: dee });
    expect(customer.creditTransactions.nodes.map((t: any) => `${t.reason} ${t.delta}`).sort()).toEqual(['BOOKING -2', 'BOOKING -2', 'PACK_SOLD 5', 'REFUND 2']);
    expect((await owner.refused(PAY, { id: early.id, m: 'CASH' })).extensions.code).toBe('BAD_USER_INPUT');
  });

  test('a day at the front desk: payments, a refunded cancellation, a no-show and a completed class; the books balance and hold the sales', async () => {
    const before = await balancesByCode(owner);
    const day = daysAhead(20);
    const at = (hour: number) => new Date(Date.parse(day) + hour * 3_600_000).toISOString();
    const [ed, flo, gus, hal] = await Promise.all(['Ed', 'Flo', 'Gus', 'Hal'].map((name) => owner.createCustomer(name)));
    const book = async (customerId: string, hour: number) =>
      (await owner.call(BOOK_APPOINTMENT, { i: { serviceId: massage, providerId: ana, customerId, startsAt: at(hour) } })).bookAppointment.id;

    const edMassage = await book(ed, 9);
    expect((await owner.call(PAY, { id: edMassage, m: 'CARD' })).payBooking).toEqual({ status: 'CONFIRMED', invoice: { status: 'PAID', total: '55', kind: 'SALE' } });
    await owner.call('mutation($id: ID!) { completeBooking(id: $id) { status } }', { id: edMassage });

    const floMassage = await book(flo, 10);
    await owner.call(PAY, { id: floMassage, m: 'CASH' });
    // Refunding money is for admins: a member may not cancel a paid booking.
    expect((await member.refused(CANCEL, { id: floMassage })).extensions.code).toBe('FORBIDDEN');
    expect((await owner.call(CANCEL, { id: floMassage })).cancelBooking).toMatchObject({ status: 'CANCELLED', invoice: { status: 'VOID' } });

    const [yogaClass] = await gym.classes({ serviceId: yoga, providerId: ana, startsAt: at(12) });
    const gusYoga = (await owner.call(BOOK_CLASS, { s: yogaClass, c: gus })).bookClass.id;
    await owner.call(PAY, { id: gusYoga, m: 'BANK_TRANSFER' });
    expect((await owner.call('mutation($id: ID!) { markNoShow(id: $id) { status } }', { id: gusYoga })).markNoShow.status).toBe('NO_SHOW');
    expect((await owner.refused(CANCEL, { id: gusYoga })).extensions.code).toBe('BAD_USER_INPUT');

    await gym.creditPack(hal, 4, '30');
    const [spinClass] = await gym.classes({ serviceId: spin, providerId: ana, startsAt: at(14) });
    const halSpin = (await owner.call(BOOK_CLASS, { s: spinClass, c: hal })).bookClass.id;
    await owner.call('mutation($id: ID!) { completeBooking(id: $id) { status } }', { id: halSpin });

    const { trialBalance } = await owner.call('{ trialBalance { totalDebit totalCredit } }');
    expect(trialBalance.totalDebit).toBe(trialBalance.totalCredit);
    const after = await balancesByCode(owner);
    const moved = (code: string) => Number(after[code] ?? 0) - Number(before[code] ?? 0);
    // Sales of 50 (Ed), 15 (Gus) and 30 (Hal's pack), each with 10% tax; Flo's sale and payment reversed.
    expect(moved('4100')).toBeCloseTo(-95);
    expect(moved('2200')).toBeCloseTo(-9.5);
    expect(moved('1100') + moved('1200')).toBeCloseTo(104.5);
    expect(moved('1300')).toBeCloseTo(0);

    const { bookings } = await owner.call('query($ids: [ID!]) { bookings(where: { id: { in: $ids } }, orderBy: [STARTS_AT_ASC]) { nodes { status customer { name } service { name } invoice { status } } } }', {
      ids: [edMassage, floMassage, gusYoga, halSpin],
    });
    expect(bookings.nodes.map((b: any) => `${b.customer.name} ${b.service.name} ${b.status} ${b.invoice?.status ?? '-'}`)).toEqual([
      'Ed Massage COMPLETED PAID',
      'Flo Massage CANCELLED VOID',
      'Gus Yoga NO_SHOW PAID',
      'Hal Spin COMPLETED -',
    ]);
    const { analyticsEvents } = await owner.call('{ analyticsEvents(where: { type: { startsWith: "booking." } }, first: 100) { nodes { type payload } } }');
    const ofThese = (type: string) =>
      analyticsEvents.nodes.filter((e: any) => e.type === type && [edMassage, floMassage, gusYoga, halSpin].includes(e.payload.id)).length;
    expect([ofThese('booking.created'), ofThese('booking.cancelled'), ofThese('booking.completed')]).toEqual([4, 1, 2]);
  });

  test('the live feed hears booking.created, booking.completed and booking.cancelled, each with the booking', async () => {
    const socket = connectWs(gw.url, { authorization: `Bearer ${ownerToken}`, tenant: 'gym' });
    try {
      const feed = operate(socket.client, 'subscription { tenantEvents(types: ["booking.created", "booking.cancelled", "booking.completed"]) { type object } }');
      const heard = (type: string, id: string) => feed.results.some((r) => r.data?.tenantEvents.type === type && r.data.tenantEvents.object.id === id);
      const [session] = await gym.classes({ serviceId: spin, providerId: ana, startsAt: daysAhead(15, 18) });
      const book = async () => {
        const customer = await owner.createCustomer('Listener');
        await gym.creditPack(customer, 2);
        return (await owner.call(BOOK_CLASS, { s: session, c: customer })).bookClass.id as string;
      };
      // The subscription starts in its own time: book until one is heard.
      let booked = '';
      await eventually(async () => {
        booked = await book();
        return eventually(() => heard('booking.created', booked), 500).catch(() => false);
      }, 15_000, 0);
      const other = await book();
      await owner.call('mutation($id: ID!) { completeBooking(id: $id) { id } }', { id: booked });
      await owner.call(CANCEL, { id: other });
      await eventually(() => heard('booking.completed', booked) && heard('booking.cancelled', other), 10_000);
      const cancelled = feed.results.find((r) => r.data?.tenantEvents.type === 'booking.cancelled')!.data.tenantEvents.object;
      expect(cancelled).toMatchObject({ id: other, status: 'CANCELLED', classSessionId: session, creditsUsed: 2 });
      feed.stop();
    } finally {
      await socket.client.dispose();
    }
  });

  test('the new models join the graph: relations both ways, filters, sorting and aggregates', async () => {
    const { providers } = await owner.call(`{
      providers(orderBy: [NAME_ASC]) { nodes { name services { nodes { service { name } } } availability { totalCount } } }
    }`);
    expect(providers.nodes.map((p: any) => [p.name, p.services.nodes.map((s: any) => s.service.name).sort(), p.availability.totalCount])).toEqual([
      ['Ana', ['Massage', 'Spin', 'Yoga'], 7],
      ['Ben', ['Massage'], 3],
    ]);
    const { services } = await owner.call('{ services(where: { capacity: { gt: 1 } }) { nodes { name classSessions { aggregates { sum { booked } } } } } }');
    expect(services.nodes.map((s: any) => s.name)).toEqual(['Spin', 'Yoga']);
    const { customers } = await owner.call('{ customers(where: { bookings: { some: { status: { eq: NO_SHOW } } } }) { nodes { name bookings { totalCount } } } }');
    expect(customers.nodes).toEqual([{ name: 'Gus', bookings: { totalCount: 1 } }]);
    // A customer's bookings and credits keep who they were for.
    const gus = (await owner.call('{ customers(where: { name: { eq: "Gus" } }) { nodes { id } } }')).customers.nodes[0].id;
    const kept = await owner.refused('mutation($id: ID!) { deleteCustomer(id: $id) }', { id: gus });
    expect(kept.extensions).toMatchObject({ code: 'CONFLICT', referencedBy: { bookings: 1, creditTransactions: 0 } });
  });

  test('who may do what: a member books but does not set up services or hours', async () => {
    expect((await member.refused('mutation { createService(input: { name: "Pilates", durationMinutes: 50, price: "20", capacity: 8 }) { id } }')).extensions.code).toBe('FORBIDDEN');
    expect((await member.refused('mutation($p: ID!) { setProviderAvailability(providerId: $p, rules: []) { id } }', { p: ana })).extensions.code).toBe('FORBIDDEN');
    const refused = await owner.refused('mutation($p: ID!) { setProviderAvailability(providerId: $p, rules: [{ weekday: 8, from: "09:00", to: "17:00" }]) { id } }', { p: ana });
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rules.0.weekday' });
    const backwards = await owner.refused('mutation($p: ID!) { setProviderAvailability(providerId: $p, rules: [{ weekday: 1, from: "17:00", to: "09:00" }]) { id } }', { p: ana });
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rules.0.to' });
    const updated = await owner.call('mutation($id: ID!) { updateService(id: $id, input: { price: "55", active: false }) { price active } }', { id: massage });
    expect(updated.updateService).toEqual({ price: '55', active: false });
    const customer = await member.createCustomer('Late');
    const inactive = await member.refused(BOOK_APPOINTMENT, { i: { serviceId: massage, providerId: ana, customerId: customer, startsAt: daysAhead(30, 10) } });
    expect(inactive.extensions.code).toBe('BAD_USER_INPUT');
    await owner.call('mutation($id: ID!) { updateService(id: $id, input: { active: true }) { active } }', { id: massage });
  });

  test("bookings count towards the plan's bookings a month", async () => {
    await createTestPlan(gw, `one-booking-${engine}`, { maxBookingsPerMonth: 1 });
    const user = await gw.createUser();
    await gw.createTenant({ slug: 'tiny-gym', owner: user, plan: `one-booking-${engine}` });
    const tiny = tenantApi(gw, user.token, 'tiny-gym');
    const studio = bookingsApi(tiny);
    const service = await studio.service({ name: 'Pilates', durationMinutes: 50, price: '20', capacity: 8 });
    const provider = await studio.provider('Cleo', [service], ALWAYS);
    const [session] = await studio.classes({ serviceId: service, providerId: provider, startsAt: daysAhead(7, 9) });
    const [one, two] = await Promise.all(['One', 'Two'].map((name) => tiny.createCustomer(name)));
    await tiny.call(BOOK_CLASS, { s: session, c: one });
    expect((await tiny.refused(BOOK_CLASS, { s: session, c: two })).extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', limitName: 'maxBookingsPerMonth', limit: 1 });
  });
});
