// Bookings that race, on every engine and isolation: the last places of a class, one
// provider's time, a customer's last credits. Every request is a real HTTP request,
// all sent at once; the database decides, and the losers get a stable code.
import { classifyDatabaseError } from '../../src/db/databaseErrors';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { ALWAYS, bookingsApi, daysAhead } from '../support/bookingsApi';
import { tenantApi, type TenantApi } from '../support/tenantApi';
import { tenantPlacements } from '../support/engines';

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let tenant: TenantRecord;
  let token: string;
  let api: TenantApi;
  let gym: ReturnType<typeof bookingsApi>;
  let yoga: string;
  let massage: string;
  let ana: string;

  beforeAll(async () => {
    // Twenty transactions at once queue for the tenant's ten connections: on a busy machine the
    // queue can outlast the default wait of 5 s, which answers DATABASE_UNAVAILABLE by design.
    // What is tested here is who gets the place, so the queue may take its time.
    gw = await startTestGateway({ engine, isolation, env: { DB_ACQUIRE_TIMEOUT_MS: '30000' } });
    const owner = await gw.createUser();
    token = owner.token;
    tenant = await gw.createTenant({ slug: 'gym', owner });
    api = tenantApi(gw, token, 'gym');
    gym = bookingsApi(api);
    yoga = await gym.service({ name: 'Yoga', durationMinutes: 60, price: '15', capacity: 10, creditCost: 1 });
    massage = await gym.service({ name: 'Massage', durationMinutes: 60, price: '50' });
    ana = await gym.provider('Ana', [yoga, massage], ALWAYS);
  });
  afterAll(() => gw.close());

  const customers = (count: number, prefix: string) => Promise.all(Array.from({ length: count }, (_, i) => api.createCustomer(`${prefix} ${i + 1}`)));

  /** Sends every request at once; the codes of the refusals, and how many were taken. */
  async function allAtOnce(query: string, variables: Array<Record<string, unknown>>) {
    const responses = await Promise.all(variables.map((v) => gw.request(query, { token, tenant: 'gym', variables: v })));
    const codes = responses.flatMap((r) => (r.body.errors ? [r.body.errors[0].extensions.code] : []));
    return { taken: responses.length - codes.length, codes: [...new Set(codes)] };
  }

  const BOOK_CLASS = 'mutation($s: ID!, $c: ID!) { bookClass(classSessionId: $s, customerId: $c) { id } }';

  test('50 bookings at once for a class of 10: exactly 10 are taken, the other 40 answer CLASS_FULL', async () => {
    const [session] = await gym.classes({ serviceId: yoga, providerId: ana, startsAt: daysAhead(3, 7) });
    const members = await customers(50, 'Member');
    for (const c of members) await gym.creditPack(c, 1);
    const result = await allAtOnce(BOOK_CLASS, members.map((c) => ({ s: session, c })));
    expect(result).toEqual({ taken: 10, codes: ['CLASS_FULL'] });
    const { classSession } = await api.call('query($id: ID!) { classSession(id: $id) { booked capacity bookings { totalCount } } }', { id: session });
    expect(classSession).toEqual({ booked: 10, capacity: 10, bookings: { totalCount: 10 } });
    // The 40 refused kept their credit.
    const balances = await Promise.all(members.map((c) => gym.balance(c)));
    expect(balances.filter((b) => b === 0)).toHaveLength(10);
    expect(balances.filter((b) => b === 1)).toHaveLength(40);
  });

  test('20 overlapping appointments at once with one provider: exactly one is taken, the other 19 answer SLOT_TAKEN', async () => {
    const clients = await customers(20, 'Client');
    const base = Date.parse(daysAhead(4, 10));
    // Each starts 2 minutes after the one before: every pair of these hour-long appointments overlaps.
    const result = await allAtOnce(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      clients.map((customerId, i) => ({ i: { serviceId: massage, providerId: ana, customerId, startsAt: new Date(base + i * 120_000).toISOString() } })),
    );
    expect(result).toEqual({ taken: 1, codes: ['SLOT_TAKEN'] });
    const { bookings } = await api.call('query($p: ID!) { bookings(where: { providerId: { eq: $p }, classSessionId: { isNull: true } }) { totalCount } }', { p: ana });
    expect(bookings.totalCount).toBe(1);
  });

  test('a customer with 3 credits booking 8 classes at once gets exactly 3; the rest answer INSUFFICIENT_CREDITS and the balance ends at 0', async () => {
    const [customer] = await customers(1, 'Regular');
    await gym.creditPack(customer, 3);
    const sessions = await gym.classes({ serviceId: yoga, providerId: ana, startsAt: daysAhead(5, 6), repeatWeeks: 8 });
    const result = await allAtOnce(BOOK_CLASS, sessions.map((s) => ({ s, c: customer })));
    expect(result).toEqual({ taken: 3, codes: ['INSUFFICIENT_CREDITS'] });
    expect(await gym.balance(customer)).toBe(0);
    const { creditTransactions } = await api.call('query($c: ID!) { creditTransactions(where: { customerId: { eq: $c } }) { aggregates { sum { delta } } totalCount } }', { c: customer });
    expect(creditTransactions).toEqual({ aggregates: { sum: { delta: '0' } }, totalCount: 4 });
  });

  // MySQL has no exclusion constraint: there the provider's row lock alone keeps appointments apart (tested above).
  if (engine === 'postgresql') test('the database itself refuses an overlapping appointment written past the rules (the exclusion constraint), and takes one after a cancelled one', async () => {
    const [first, second] = await customers(2, 'Direct');
    const startsAt = new Date(daysAhead(6, 10));
    const row = (customerId: string, minutes: number) => ({
      customerId,
      serviceId: massage,
      providerId: ana,
      startsAt: new Date(startsAt.getTime() + minutes * 60_000),
      endsAt: new Date(startsAt.getTime() + (minutes + 60) * 60_000),
      price: '50',
    });
    const held = await gw.withTenantDb(tenant, (db) => db.booking.create({ data: row(first, 0) }));
    const refused = await gw.withTenantDb(tenant, (db) => db.booking.create({ data: row(second, 30) })).catch((error: unknown) => error);
    expect(classifyDatabaseError(refused)?.kind).toBe('exclusionViolation');
    await gw.withTenantDb(tenant, (db) => db.booking.update({ where: { id: held.id }, data: { status: 'CANCELLED' } }));
    await expect(gw.withTenantDb(tenant, (db) => db.booking.create({ data: row(second, 30) }))).resolves.toMatchObject({ status: 'CONFIRMED' });
  });
});
