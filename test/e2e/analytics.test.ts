// Analytics events: clients track events of their own next to the events the tenant's
// data emits, list them newest first, count them per day, week or month in a time zone,
// and a daily job drops the old ones without losing a domain event webhooks still need.
// Once per engine.
import { v7 as uuidv7 } from 'uuid';
import { dropExpiredEventsOfAllTenants, EVENT_RETENTION_TASK } from '../../src/provisioning/jobs/eventRetentionTask';
import type { TenantRecord } from '../../src/tenancy/tenantRegistry';
import { tenantPlacements } from '../support/engines';
import { eventually } from '../support/eventually';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { tenantApi, type TenantApi } from '../support/tenantApi';

const TRACK = `mutation($type: String!, $p: JSONObject, $s: String) {
  trackEvent(type: $type, properties: $p, sessionId: $s) { id type payload sessionId occurredAt }
}`;
const LIST = `query($filter: AnalyticsEventFilter, $first: Int, $after: String) {
  analyticsEvents(filter: $filter, first: $first, after: $after) { totalCount edges { node { type payload sessionId } } pageInfo { hasNextPage endCursor } }
}`;
const COUNTS = `query($from: DateOrDateTime!, $to: DateOrDateTime!, $g: EventGrouping!, $types: [String!], $tz: String) {
  eventCounts(from: $from, to: $to, groupBy: $g, types: $types, timeZone: $tz) { timeZone total periods { period start total counts { type count } } }
}`;

const DAY = 86_400_000;

interface Fixture {
  type: string;
  at: string | Date;
  relayed?: boolean;
  payload?: Record<string, string>;
}

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let gw: TestGateway;
  let owner: TestUser;
  let viewer: TestUser;
  let api: TenantApi;
  let counted: TenantRecord;

  /** Events as their writers store them (the outbox of a change, or trackEvent), at chosen moments: ids are UUIDv7 of the moment, as Prisma makes them. */
  async function store(tenant: TenantRecord, events: Fixture[]) {
    await gw.withTenantDb(tenant, (db) =>
      db.tenantEvent.createMany({
        data: events.map(({ type, at, relayed = true, payload = {} }) => {
          const occurredAt = new Date(at);
          return { id: uuidv7({ msecs: occurredAt.getTime() }), type, payload, occurredAt, relayedAt: relayed ? occurredAt : null };
        }),
      }),
    );
  }

  async function storedTypes(tenant: TenantRecord) {
    const events = await gw.withTenantDb(tenant, (db) => db.tenantEvent.findMany({ orderBy: { occurredAt: 'asc' } }));
    return events.map((e) => `${e.type}${e.relayedAt ? '' : ' (not relayed)'}`);
  }

  beforeAll(async () => {
    gw = await startTestGateway({ engine, isolation });
    owner = await gw.createUser();
    viewer = await gw.createUser();
    await gw.createTenant({ slug: 'tracked', owner, members: [[viewer, 'VIEWER']] });
    counted = await gw.createTenant({ slug: 'counted', owner });
    api = tenantApi(gw, owner.token, 'tracked');
  });
  afterAll(() => gw.close());

  test('a tracked event is stored with its properties and session, relayed at once (never sent to webhooks), and listed newest first', async () => {
    const first = (await api.call(TRACK, { type: 'page_view', p: { path: '/rings', نام: 'انگشتر' }, s: 'sess-1' })).trackEvent;
    expect(first).toMatchObject({ type: 'page_view', payload: { path: '/rings', نام: 'انگشتر' }, sessionId: 'sess-1' });
    expect(Math.abs(Date.parse(first.occurredAt) - Date.now())).toBeLessThan(60_000);
    await api.call(TRACK, { type: 'checkout.step:2', s: 'sess-1' });
    await api.call(TRACK, { type: 'page_view', p: { path: '/gold' } });

    const { analyticsEvents } = await api.call(LIST, {});
    expect(analyticsEvents.totalCount).toBe(3);
    expect(analyticsEvents.edges.map((e: any) => e.node)).toEqual([
      { type: 'page_view', payload: { path: '/gold' }, sessionId: null },
      { type: 'checkout.step:2', payload: {}, sessionId: 'sess-1' },
      { type: 'page_view', payload: { path: '/rings', نام: 'انگشتر' }, sessionId: 'sess-1' },
    ]);
    const tenant = (await gw.services.registry.find('tracked'))!;
    expect(await storedTypes(tenant)).toEqual(['page_view', 'checkout.step:2', 'page_view']);
  });

  test('a client cannot forge an event of the data, nor send a bad type, oversized properties or session', async () => {
    const refusal = async (variables: Record<string, unknown>) => (await api.refused(TRACK, variables)).extensions;
    for (const type of ['order.paid', 'invoice.issued', 'order.anything', 'order', 'order:paid', 'customer_created', 'product-x']) {
      expect({ type, refusal: await refusal({ type }) }).toMatchObject({ type, refusal: { code: 'BAD_USER_INPUT', field: 'type' } });
    }
    for (const type of ['', 'Page_View', '1st', 'page view', 'x'.repeat(65), 'page/view']) {
      expect({ type, refusal: await refusal({ type }) }).toMatchObject({ type, refusal: { code: 'BAD_USER_INPUT', field: 'type' } });
    }
    expect(await refusal({ type: 'big', p: { blob: 'x'.repeat(4100) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'properties' });
    expect(await refusal({ type: 'page_view', s: 'has space' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sessionId' });
    expect(await refusal({ type: 'page_view', s: 's'.repeat(129) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sessionId' });
    expect((await api.call(LIST, {})).analyticsEvents.totalCount).toBe(3);
  });

  test('members and API keys track events; viewers and viewer keys may only read them', async () => {
    const key = async (role: string) =>
      (
        await api.call(`mutation($r: MemberRole!) { createApiKey(name: "shop", role: $r) { key } }`, { r: role })
      ).createApiKey.key as string;
    const withKey = (k: string) => ({ headers: { authorization: `ApiKey ${k}` } });
    const writer = await key('MEMBER');
    const byKey = await gw.request(TRACK, { ...withKey(writer), variables: { type: 'api.ping' } });
    expect(byKey.body.data?.trackEvent.type).toBe('api.ping');

    const readerKey = await key('VIEWER');
    expect((await gw.request(TRACK, { ...withKey(readerKey), variables: { type: 'api.ping' } })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const asViewer = tenantApi(gw, viewer.token, 'tracked');
    expect((await asViewer.refused(TRACK, { type: 'page_view' })).extensions.code).toBe('FORBIDDEN');
    expect((await asViewer.call(LIST, { filter: { types: ['api.ping'] } })).analyticsEvents.totalCount).toBe(1);
  });

  test('analyticsEvents pages by cursor and filters by types, session and time', async () => {
    await store(counted, [
      { type: 'order.paid', at: '2026-03-01T10:00:00Z', payload: { number: 'ORD-1' } },
      { type: 'page_view', at: '2026-03-01T21:00:00Z' },
      { type: 'page_view', at: '2026-03-02T08:00:00Z' },
      { type: 'order.paid', at: '2026-03-09T10:00:00Z', payload: { number: 'ORD-2' } },
      { type: 'invoice.issued', at: '2026-04-01T00:30:00Z' },
    ]);
    const asOwner = tenantApi(gw, owner.token, 'counted');
    const page1 = (await asOwner.call(LIST, { first: 2 })).analyticsEvents;
    expect(page1.edges.map((e: any) => e.node.type)).toEqual(['invoice.issued', 'order.paid']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await asOwner.call(LIST, { first: 2, after: page1.pageInfo.endCursor })).analyticsEvents;
    expect(page2.edges.map((e: any) => e.node.type)).toEqual(['page_view', 'page_view']);
    const page3 = (await asOwner.call(LIST, { first: 2, after: page2.pageInfo.endCursor })).analyticsEvents;
    expect(page3.edges.map((e: any) => e.node.payload)).toEqual([{ number: 'ORD-1' }]);
    expect(page3.pageInfo.hasNextPage).toBe(false);

    const filtered = async (filter: Record<string, unknown>) => (await asOwner.call(LIST, { filter })).analyticsEvents;
    expect((await filtered({ types: ['order.paid'] })).edges.map((e: any) => e.node.payload.number)).toEqual(['ORD-2', 'ORD-1']);
    expect((await filtered({ types: ['order.paid', 'invoice.issued'] })).totalCount).toBe(3);
    expect((await filtered({ from: '2026-03-01T21:00:00Z', to: '2026-03-09T10:00:00Z' })).edges.map((e: any) => e.node.type)).toEqual(['page_view', 'page_view']);
    expect((await filtered({ from: '2026-03-01T21:00:00+03:30' })).totalCount).toBe(4);
    expect((await filtered({ sessionId: 'nobody' })).totalCount).toBe(0);
    expect((await asOwner.refused(LIST, { filter: { types: [] } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.types' });
    expect((await asOwner.refused(LIST, { after: 'not-a-cursor' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('eventCounts counts per type per day, week and month, cut in the time zone asked for (default: the tenant\'s)', async () => {
    const asOwner = tenantApi(gw, owner.token, 'counted');
    const counts = async (variables: Record<string, unknown>) => (await asOwner.call(COUNTS, variables)).eventCounts;

    // 21:00 UTC on March 1st is already March 2nd in Tehran (+03:30).
    const utc = await counts({ from: '2026-03-01', to: '2026-03-03', g: 'DAY' });
    expect(utc).toEqual({
      timeZone: 'UTC',
      total: 3,
      periods: [
        { period: '2026-03-01', start: '2026-03-01T00:00:00.000Z', total: 2, counts: [{ type: 'order.paid', count: 1 }, { type: 'page_view', count: 1 }] },
        { period: '2026-03-02', start: '2026-03-02T00:00:00.000Z', total: 1, counts: [{ type: 'page_view', count: 1 }] },
      ],
    });
    const tehran = await counts({ from: '2026-03-01', to: '2026-03-03', g: 'DAY', tz: 'Asia/Tehran' });
    expect(tehran.timeZone).toBe('Asia/Tehran');
    expect(tehran.periods.map((p: any) => [p.period, p.start, p.counts])).toEqual([
      ['2026-03-01', '2026-02-28T20:30:00.000Z', [{ type: 'order.paid', count: 1 }]],
      ['2026-03-02', '2026-03-01T20:30:00.000Z', [{ type: 'page_view', count: 2 }]],
    ]);

    // Types asked for are listed in every period, zeros included.
    const weeks = await counts({ from: '2026-03-01', to: '2026-03-16', g: 'WEEK', types: ['order.paid', 'signup'] });
    expect(weeks.periods.map((p: any) => [p.period, p.counts])).toEqual([
      ['2026-02-23', [{ type: 'order.paid', count: 1 }, { type: 'signup', count: 0 }]],
      ['2026-03-02', [{ type: 'order.paid', count: 0 }, { type: 'signup', count: 0 }]],
      ['2026-03-09', [{ type: 'order.paid', count: 1 }, { type: 'signup', count: 0 }]],
    ]);

    // 00:30 UTC on April 1st is in March in New York.
    const months = async (tz?: string) => (await counts({ from: '2026-01-01T00:00:00Z', to: '2026-05-01T00:00:00Z', g: 'MONTH', tz })).periods.map((p: any) => [p.period, p.total]);
    expect(await months()).toEqual([['2026-01', 0], ['2026-02', 0], ['2026-03', 4], ['2026-04', 1]]);
    expect(await months('America/New_York')).toEqual([['2025-12', 0], ['2026-01', 0], ['2026-02', 0], ['2026-03', 5], ['2026-04', 0]]);

    // The tenant's report time zone is the default.
    await asOwner.call('mutation { updateSettings(input: { reportTimeZone: "Asia/Tehran" }) { reportTimeZone } }');
    expect((await counts({ from: '2026-03-01', to: '2026-03-03', g: 'DAY' })).periods.map((p: any) => p.total)).toEqual([1, 2]);
  });

  test('eventCounts refuses an unknown time zone, a reversed or too long range and empty types', async () => {
    const asOwner = tenantApi(gw, owner.token, 'counted');
    const refusal = async (variables: Record<string, unknown>) => (await asOwner.refused(COUNTS, variables)).extensions;
    expect(await refusal({ from: '2026-03-01', to: '2026-03-02', g: 'DAY', tz: 'Mars/Olympus' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(await refusal({ from: '2026-03-02', to: '2026-03-01', g: 'DAY' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await refusal({ from: '2000-01-01', to: '2026-01-01', g: 'DAY' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    expect(await refusal({ from: '2026-03-01', to: '2026-03-02', g: 'DAY', types: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
  });

  test('retention drops old events of every active tenant, but never a domain event not yet relayed', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 91 * DAY);
    const recent = new Date(now.getTime() - 89 * DAY);
    const aged = await gw.createTenant({ slug: 'aged', owner });
    for (const tenant of [aged, (await gw.services.registry.find('tracked'))!]) {
      await store(tenant, [
        { type: 'old.tracked', at: old },
        { type: 'order.paid', at: old },
        { type: 'invoice.issued', at: old, relayed: false },
        { type: 'old.unrelayed_tracked', at: old, relayed: false },
        { type: 'recent.tracked', at: recent },
        { type: 'order.cancelled', at: new Date(recent.getTime() + 60_000), relayed: false },
      ]);
    }
    const run = await dropExpiredEventsOfAllTenants(gw.services, now);
    expect(run).toMatchObject({ tenants: 3, failed: 0 });
    expect(await storedTypes(aged)).toEqual(['invoice.issued (not relayed)', 'recent.tracked', 'order.cancelled (not relayed)']);
    // The events tracked in the tests above are recent: they stay.
    expect(await storedTypes((await gw.services.registry.find('tracked'))!)).toEqual([
      'invoice.issued (not relayed)',
      'recent.tracked',
      'order.cancelled (not relayed)',
      'page_view',
      'checkout.step:2',
      'page_view',
      'api.ping',
    ]);
    // Once relayed, the domain event goes at the next run.
    await gw.withTenantDb(aged, (db) => db.tenantEvent.updateMany({ where: { type: 'invoice.issued' }, data: { relayedAt: now } }));
    expect(await dropExpiredEventsOfAllTenants(gw.services, now)).toEqual({ tenants: 3, dropped: 1, failed: 0 });
    expect(await storedTypes(aged)).toEqual(['recent.tracked', 'order.cancelled (not relayed)']);
  });

  test('the retention run is scheduled with the job worker', async () => {
    const known = await eventually(async () => {
      const rows = await gw.services.platform.$queryRaw<Array<{ identifier: string }>>`SELECT identifier FROM graphile_worker._private_known_crontabs`;
      return rows.some((row) => row.identifier === EVENT_RETENTION_TASK) && rows;
    });
    expect(known.map((row) => row.identifier)).toContain(EVENT_RETENTION_TASK);
  });
});
