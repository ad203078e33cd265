// The demo gym, on each engine, as its owner sees it after a demo start: two services
// (a class and a one-to-one), two trainers with weekly hours, a week of classes on the
// Berlin clock, credit packs sold, bookings in each state the operations reach, and
// books that balance; a second demo start adds nothing.
import { ensureDemo } from '../../src/demo/seedDemo';
import { DEMO_PASSWORD } from '../../src/demo/demoData';
import { tenantEngines } from '../support/engines';
import { MYSQL_URL } from '../support/mysqlDatabase';
import { tenantApi, type TenantApi } from '../support/tenantApi';
import { startTestGateway, type TestGateway } from '../support/testGateway';

const WEEK = `{
  tenant(slug: "demo-gym") { isolation timeZone currency }
  services(orderBy: NAME_ASC) { nodes { name capacity creditCost durationMinutes price } }
  providers(orderBy: NAME_ASC) { nodes { name availability { totalCount } services { totalCount } } }
  classSessions(first: 100) { totalCount nodes { startsAt capacity booked provider { name } } }
  bookings(first: 100) { totalCount nodes { status creditsUsed classSessionId invoice { status } } }
  customers(first: 100, orderBy: NAME_ASC) { nodes { name creditBalance } }
  creditTransactions(first: 100) { totalCount }
  trialBalance { totalDebit totalCredit }
}`;

describe.each(tenantEngines)('on %s', (engine) => {
  let gw: TestGateway;
  let owner: TenantApi;
  beforeAll(async () => {
    // The demo goes to MySQL when that is the only tenant server.
    gw = await startTestGateway({ engine, env: { DEMO: 'true', ...(engine === 'mysql' ? { TENANT_SERVERS: `mysql=${MYSQL_URL}` } : {}) } });
    await ensureDemo(gw.services);
    const login = await gw.request('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { variables: { e: 'admin@demo-gym.com', p: DEMO_PASSWORD } });
    owner = tenantApi(gw, login.body.data.login.token, 'demo-gym');
  }, 180_000);
  afterAll(() => gw.close());

  test('the gym has its services, trainers, a week of classes, packs and bookings in every state the operations reach', async () => {
    const week = await owner.call(WEEK);
    expect(week.tenant).toEqual({ isolation: engine === 'mysql' ? 'DATABASE' : 'POOL', timeZone: 'Europe/Berlin', currency: 'EUR' });
    expect(week.services.nodes).toEqual([
      { name: 'Personal training', capacity: 1, creditCost: 0, durationMinutes: 60, price: '65' },
      { name: 'Spin class', capacity: 12, creditCost: 1, durationMinutes: 45, price: '15' },
    ]);
    expect(week.providers.nodes).toEqual([
      { name: 'Jonas Weber', availability: { totalCount: 6 }, services: { totalCount: 2 } },
      { name: 'Mia Schneider', availability: { totalCount: 5 }, services: { totalCount: 2 } },
    ]);

    // Eleven classes over the seven days from tomorrow, at their Berlin wall-clock times.
    const sessions = week.classSessions.nodes;
    expect(week.classSessions.totalCount).toBe(11);
    const berlin = (at: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
    expect(new Set(sessions.map((s: { startsAt: string }) => berlin(s.startsAt)))).toEqual(new Set(['07:30', '18:30', '10:00']));
    const starts = sessions.map((s: { startsAt: string }) => Date.parse(s.startsAt));
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(7 * 86_400_000);
    expect(Math.min(...starts)).toBeGreaterThan(Date.now());

    const bookings = week.bookings.nodes;
    const statuses = new Set(bookings.map((b: { status: string }) => b.status));
    expect(statuses).toEqual(new Set(['HELD', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW']));
    // Places booked are the live bookings of each class, never above its capacity.
    const live = bookings.filter((b: { classSessionId: string | null; status: string }) => b.classSessionId && b.status !== 'CANCELLED').length;
    expect(sessions.reduce((sum: number, s: { booked: number }) => sum + s.booked, 0)).toBe(live);
    // Appointments: one paid, one of them since completed.
    const paid = bookings.filter((b: { invoice: { status: string } | null }) => b.invoice);
    expect(paid.map((b: { status: string; invoice: { status: string } }) => [b.status, b.invoice.status]).sort()).toEqual([
      ['COMPLETED', 'PAID'],
      ['CONFIRMED', 'PAID'],
    ]);

    // Packs of 10, 10, 10 and 5; a place in a class costs one credit, and the cancelled one came back.
    expect(week.customers.nodes.map((c: { name: string; creditBalance: number }) => [c.name, c.creditBalance])).toEqual([
      ['Ben Richter', 0],
      ['Emma Hoffmann', 8],
      ['Hannah Koch', 0],
      ['Lukas Becker', 7],
      ['Noah Schulz', 3],
      ['Sophie Wagner', 8],
    ]);
    expect(week.trialBalance.totalDebit).toBe(week.trialBalance.totalCredit);
  });

  test('a second demo start adds nothing', async () => {
    const before = await owner.call(WEEK);
    await ensureDemo(gw.services);
    expect(await owner.call(WEEK)).toEqual(before);
  }, 120_000);
});
