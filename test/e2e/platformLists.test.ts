// The platform's lists page as the tenant graph's do: first/after and last/before with
// cursors that follow the order (ties broken by id), orderBy, where (and/or/not) and
// totalCount. A platform admin pages through every tenant; everyone else sees their
// own tenants' rows in every list, whatever their where says. Then the tenants list
// with 10,000 tenants, timed (nothing asserted of the times).
import { randomBytes, randomUUID } from 'node:crypto';
import type { Prisma } from '../../src/generated/platform/client';
import { startTestGateway, type GraphQLResponse, type TestGateway, type TestUser } from '../support/testGateway';

const TENANTS = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: [TenantOrderBy!], $where: TenantWhere) {
  tenants(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, where: $where) {
    nodes { slug }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const COUNTED = `query($first: Int, $where: TenantWhere) { tenants(first: $first, where: $where) { totalCount nodes { slug } } }`;

const STATUSES = ['PROVISIONING', 'ACTIVE', 'SUSPENDED', 'FAILED', 'ARCHIVED'] as const;
const FLEET = 250;
const BASE = Date.parse('2026-01-05T08:00:00Z');
const MINUTE = 60_000;

let gw: TestGateway;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
let alpha: { id: string };
let bravo: { id: string };

const call = (query: string, variables: Record<string, unknown>, token: string, tenant?: string) => gw.request(query, { variables, token, tenant });
const codeOf = (response: GraphQLResponse) => response.body.errors?.[0].extensions.code ?? 'ok';

async function ok(query: string, variables: Record<string, unknown>, token = admin.token, tenant?: string) {
  const { body } = await call(query, variables, token, tenant);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Every slug the tenants list gives, a page of `size` at a time, from the start (first/after) or from the end (last/before). */
async function pageThrough(variables: Record<string, unknown>, direction: 'forward' | 'backward', size: number, token = admin.token): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const paging: Record<string, unknown> = direction === 'forward' ? { first: size, after: cursor } : { last: size, before: cursor };
    const { nodes, pageInfo }: { nodes: Array<{ slug: string }>; pageInfo: Record<string, any> } = (await ok(TENANTS, { ...variables, ...paging }, token)).tenants;
    const page = nodes.map((n) => n.slug);
    if (direction === 'forward') {
      slugs.push(...page);
      expect(pageInfo.hasPreviousPage).toBe(cursor !== null);
      if (!pageInfo.hasNextPage) return slugs;
      cursor = pageInfo.endCursor;
    } else {
      slugs.unshift(...page);
      expect(pageInfo.hasNextPage).toBe(cursor !== null);
      if (!pageInfo.hasPreviousPage) return slugs;
      cursor = pageInfo.startCursor;
    }
  }
  throw new Error('the list never ended');
}

const ORDER_FIELDS: Record<string, 'slug' | 'name' | 'status' | 'createdAt'> = { SLUG: 'slug', NAME: 'name', STATUS: 'status', CREATED_AT: 'createdAt' };

/** The slugs in the order `orderBy` names, ties by id, as PostgreSQL sorts them reading the whole table. */
async function slugsSorted(orderBy: string[], where: Prisma.TenantWhereInput = {}): Promise<string[]> {
  const terms = orderBy.map((value) => {
    const [, field, direction] = /^(.+)_(ASC|DESC)$/.exec(value)!;
    return { [ORDER_FIELDS[field]]: direction.toLowerCase() };
  });
  const rows = await gw.services.platform.tenant.findMany({ where, orderBy: [...terms, { id: 'asc' }], select: { slug: true } });
  return rows.map((r) => r.slug);
}

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

beforeAll(async () => {
  gw = await startTestGateway();
  [admin, alice, bob] = await Promise.all([gw.createUser({ platformAdmin: true }), gw.createUser(), gw.createUser()]);
  alpha = await gw.createTenant({ slug: 'alpha', owner: alice });
  bravo = await gw.createTenant({ slug: 'bravo', owner: bob });

  const plans = await gw.services.platform.plan.findMany({ where: { code: { in: ['free', 'enterprise'] } } });
  const planId = (code: string) => plans.find((p) => p.code === code)!.id;
  await gw.services.platform.tenant.createMany({
    data: Array.from({ length: FLEET }, (_, i) => ({
      slug: `fleet-${String(i).padStart(3, '0')}`,
      name: `Shop ${i % 40}`, // six or seven of each name
      status: STATUSES[i % STATUSES.length],
      engine: i % 3 === 0 ? ('MYSQL' as const) : ('POSTGRESQL' as const),
      isolation: i % 2 === 0 ? ('DATABASE' as const) : ('SCHEMA' as const),
      server: i % 4 === 0 ? 'eu' : 'default',
      planId: planId(i % 2 === 0 ? 'free' : 'enterprise'),
      createdAt: new Date(BASE + (i % 60) * MINUTE), // four or five at each minute
    })),
  });
  await gw.services.platform.tenant.createMany({
    data: ['Half 50% OFF', 'Half 50x off', 'snake_case', 'snakeXcase'].map((name, i) => ({ slug: `odd-${i}`, name, planId: planId('free') })),
  });
  // Alice is also a member of two of the fleet.
  const joined = await gw.services.platform.tenant.findMany({ where: { slug: { in: ['fleet-007', 'fleet-123'] } } });
  await gw.services.platform.membership.createMany({ data: joined.map((t) => ({ userId: alice.id, tenantId: t.id, role: 'VIEWER' as const })) });
});
afterAll(() => gw.close());

describe('a platform admin pages through every tenant', () => {
  const orders = [['SLUG_ASC'], ['SLUG_DESC'], ['NAME_ASC'], ['NAME_DESC'], ['STATUS_ASC'], ['STATUS_DESC'], ['CREATED_AT_ASC'], ['CREATED_AT_DESC'], ['NAME_DESC', 'CREATED_AT_ASC']];

  test.each(orders.map((orderBy) => [orderBy.join(', '), orderBy]))('%s, forward and backward, ties broken by id', async (_, orderBy) => {
    const expected = await slugsSorted(orderBy as string[]);
    expect(expected.length).toBeGreaterThan(FLEET);
    expect(await pageThrough({ orderBy }, 'forward', 37)).toEqual(expected);
    expect(await pageThrough({ orderBy }, 'backward', 37)).toEqual(expected);
  });

  test('the default order is by slug, 20 at a time; after and before together give the rows between', async () => {
    const all = await slugsSorted(['SLUG_ASC']);
    const first = (await ok(TENANTS, {})).tenants;
    expect(first.nodes.map((n: { slug: string }) => n.slug)).toEqual(all.slice(0, 20));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const edges = `query($after: String, $before: String) { tenants(first: 100, orderBy: NAME_ASC, after: $after, before: $before) { edges { cursor node { slug } } } }`;
    const byName = (await ok(edges, {})).tenants.edges;
    const between = (await ok(edges, { after: byName[10].cursor, before: byName[20].cursor })).tenants.edges;
    expect(between.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(byName.slice(11, 20).map((e: { node: { slug: string } }) => e.node.slug));
  });

  test('a page of none, and a cursor past the end', async () => {
    const none = (await ok(TENANTS, { first: 0 })).tenants;
    expect(none).toMatchObject({ nodes: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null } });
    const last = (await ok(TENANTS, { last: 1, orderBy: ['NAME_ASC'] })).tenants;
    expect((await ok(TENANTS, { after: last.pageInfo.endCursor, orderBy: ['NAME_ASC'] })).tenants).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });
});

describe('where', () => {
  let everyone: Array<Prisma.TenantGetPayload<{ include: { plan: true } }>>;
  beforeAll(async () => {
    everyone = await gw.services.platform.tenant.findMany({ include: { plan: true } });
  });
  type Row = (typeof everyone)[number];
  const at = (minutes: number) => new Date(BASE + minutes * MINUTE).toISOString();

  const cases: Array<[string, Record<string, unknown>, (t: Row) => boolean]> = [
    ['status in, and an engine', { status: { in: ['ACTIVE', 'SUSPENDED'] }, engine: { eq: 'MYSQL' } }, (t) => ['ACTIVE', 'SUSPENDED'].includes(t.status) && t.engine === 'MYSQL'],
    ['or, with the plan code', { or: [{ name: { startsWith: 'SHOP 3' } }, { plan: { code: { eq: 'free' } } }] }, (t) => t.name.startsWith('Shop 3') || t.plan.code === 'free'],
    ['not', { not: { status: { eq: 'ARCHIVED' } } }, (t) => t.status !== 'ARCHIVED'],
    ['a range of creation times', { createdAt: { gte: at(10), lt: at(20) } }, (t) => t.createdAt >= new Date(at(10)) && t.createdAt < new Date(at(20))],
    ['server, isolation ne', { server: { eq: 'eu' }, isolation: { ne: 'SCHEMA' } }, (t) => t.server === 'eu' && t.isolation !== 'SCHEMA'],
    ['nested and, or, not', { and: [{ or: [{ status: { eq: 'ACTIVE' } }, { status: { eq: 'FAILED' } }] }, { not: { or: [{ engine: { eq: 'MYSQL' } }, { plan: { not: { code: { eq: 'free' } } } }] } }] }, (t) => ['ACTIVE', 'FAILED'].includes(t.status) && !(t.engine === 'MYSQL' || t.plan.code !== 'free')],
    ['% taken literally, any case', { name: { contains: '50% off' } }, (t) => t.name === 'Half 50% OFF'],
    ['_ taken literally', { name: { contains: 'e_c' } }, (t) => t.name === 'snake_case'],
    ['an empty in matches nothing', { slug: { in: [] } }, () => false],
    ['an empty or matches nothing', { or: [] }, () => false],
    ['an empty notIn, an empty and and a null operand leave everything', { slug: { notIn: [], eq: null }, and: [] }, () => true],
    ['an or with an empty branch leaves everything', { or: [{}, { slug: { eq: 'nope' } }] }, () => true],
    ['isNull on a column that is never null', { slug: { isNull: true } }, () => false],
    ['id in', { id: { in: [] as string[] } }, () => false],
  ];

  test.each(cases)('%s', async (_, where, matches) => {
    const expected = everyone.filter(matches).map((t) => t.slug);
    const { totalCount } = (await ok(COUNTED, { first: 0, where })).tenants;
    expect(totalCount).toBe(expected.length);
    expect((await pageThrough({ where }, 'forward', 100)).sort()).toEqual(expected.sort());
  });

  test('ids compare case-insensitively, as the tenant graph does', async () => {
    const { nodes } = (await ok(COUNTED, { where: { id: { eq: alpha.id.toUpperCase() } } })).tenants;
    expect(nodes).toEqual([{ slug: 'alpha' }]);
  });
});

describe('everyone else sees only their own', () => {
  beforeAll(async () => {
    // Each tenant has one of everything, written as the gateway writes them.
    for (const [tenant, owner, name] of [[alpha, alice, 'a'], [bravo, bob, 'b']] as const) {
      const tenantId = tenant.id;
      await gw.services.platform.apiKey.create({ data: { tenantId, name: `key-${name}`, prefix: `tg_${name}`, hash: randomBytes(16).toString('hex'), role: 'MEMBER', createdById: owner.id } });
      await gw.services.platform.invitation.create({
        data: { tenantId, email: `guest-${name}@example.com`, role: 'VIEWER', tokenHash: randomBytes(16).toString('hex'), invitedById: owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      const webhook = await gw.services.platform.webhook.create({ data: { tenantId, url: `http://127.0.0.1:9/${name}`, events: ['customer.created'], secretCipher: 'x' } });
      await gw.services.platform.webhookDelivery.create({ data: { webhookId: webhook.id, eventId: randomUUID(), eventType: 'customer.created', payload: {} } });
      await gw.services.platform.auditLog.create({ data: { tenantId, actorType: 'user', actorId: owner.id, action: `touch-${name}` } });
      const now = new Date();
      await gw.services.platform.billingTransaction.create({
        data: { tenantId, amount: '10', currency: 'USD', provider: 'manual-offline', description: `charge ${name}`, periodStart: now, periodEnd: now },
      });
    }
  });

  test('the tenants list holds their tenants, whatever the where', async () => {
    const mine = ['alpha', 'fleet-007', 'fleet-123'];
    expect(await pageThrough({}, 'forward', 1, alice.token)).toEqual(mine);
    expect(await pageThrough({ orderBy: ['NAME_DESC'] }, 'backward', 2, alice.token)).toHaveLength(3);
    for (const where of [{ or: [{ slug: { startsWith: '' } }, { not: { slug: { eq: 'alpha' } } }] }, { slug: { in: ['bravo', 'alpha'] } }, { not: { id: { eq: alpha.id } } }]) {
      const { totalCount, nodes } = (await ok(COUNTED, { where }, alice.token)).tenants;
      expect(nodes.every((n: { slug: string }) => mine.includes(n.slug))).toBe(true);
      expect(totalCount).toBe(nodes.length);
    }
    expect((await ok(COUNTED, {}, alice.token)).tenants.totalCount).toBe(3);
  });

  // Each list, its where type, what its nodes show, and a where that names the other tenant's (or user's) rows.
  const LISTS: Array<[string, string, string, (other: { tenantId: string; userId: string; sessionId: string }) => Record<string, unknown>]> = [
    ['members', 'MemberWhere', 'tenantId userId', (o) => ({ userId: { eq: o.userId } })],
    ['invitations', 'InvitationWhere', 'tenantId email', () => ({ email: { startsWith: 'guest-b' } })],
    ['apiKeys', 'ApiKeyWhere', 'name', () => ({ name: { eq: 'key-b' } })],
    ['webhooks', 'WebhookWhere', 'url', () => ({ url: { contains: '/b' } })],
    ['sessions', 'SessionWhere', 'id', (o) => ({ id: { eq: o.sessionId } })],
    ['auditLog', 'AuditEntryWhere', 'tenantId action', (o) => ({ or: [{ tenantId: { eq: o.tenantId } }, { action: { eq: 'touch-b' } }] })],
    ['billingTransactions', 'BillingTransactionWhere', 'tenantId description', (o) => ({ tenantId: { eq: o.tenantId } })],
  ];

  test.each(LISTS)("%s: the tenant's (or the caller's) rows only; a where naming another's finds nothing", async (name, whereType, fields, naming) => {
    const query = `query($where: ${whereType}) { ${name}(where: $where) { totalCount nodes { ${fields} } } }`;
    const all = (await ok(query, {}, alice.token, 'alpha'))[name];
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.nodes.length).toBeGreaterThan(0);
    expect(JSON.stringify(all.nodes)).not.toMatch(new RegExp(`${bravo.id}|${bob.id}|key-b|guest-b|/b"|touch-b|charge b`));
    const other = naming({ tenantId: bravo.id, userId: bob.id, sessionId: bob.sessionId });
    expect((await ok(query, { where: other }, alice.token, 'alpha'))[name]).toEqual({ totalCount: 0, nodes: [] });
  });

  test("another tenant's webhook's deliveries are NOT_FOUND", async () => {
    const webhook = await gw.services.platform.webhook.findFirstOrThrow({ where: { tenantId: bravo.id } });
    const query = 'query($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { id } } }';
    expect(codeOf(await call(query, { id: webhook.id }, alice.token, 'alpha'))).toBe('NOT_FOUND');
    expect((await ok(query, { id: webhook.id }, bob.token, 'bravo')).webhookDeliveries.nodes).toHaveLength(1);
  });
});

describe('the other lists order, filter and page like the tenants list', () => {
  test('members by name, filtered by role; invitations, API keys and webhooks by where', async () => {
    const carol = await gw.createUser({ email: 'carol@example.com' });
    await gw.services.platform.membership.create({ data: { userId: carol.id, tenantId: alpha.id, role: 'VIEWER' } });
    const members = (await ok('{ members(orderBy: EMAIL_DESC) { nodes { email role } } }', {}, alice.token, 'alpha')).members.nodes;
    expect(members.map((m: { email: string }) => m.email)).toEqual([alice.email, carol.email].sort().reverse());
    expect((await ok('{ members(where: { role: { eq: VIEWER } }) { nodes { email } } }', {}, alice.token, 'alpha')).members.nodes).toEqual([{ email: carol.email }]);

    expect((await ok('{ invitations(where: { role: { in: [VIEWER] } }) { nodes { email } } }', {}, alice.token, 'alpha')).invitations.nodes).toEqual([{ email: 'guest-a@example.com' }]);
    const keys = '{ apiKeys(where: { revokedAt: { isNull: true }, lastUsedAt: { isNull: true } }, orderBy: LAST_USED_AT_DESC) { nodes { name } } }';
    expect((await ok(keys, {}, alice.token, 'alpha')).apiKeys.nodes).toEqual([{ name: 'key-a' }]);
    expect((await ok('{ webhooks(where: { enabled: { eq: true } }, last: 1) { nodes { url } } }', {}, alice.token, 'alpha')).webhooks.nodes).toEqual([{ url: 'http://127.0.0.1:9/a' }]);
  });

  test('members by their last sign-in, nulls last ascending and first descending, page by page both ways', async () => {
    const dave = await gw.createUser({ email: 'dave@example.com' });
    await gw.services.platform.membership.create({ data: { userId: dave.id, tenantId: alpha.id, role: 'MEMBER' } });
    await gw.services.platform.user.update({ where: { id: dave.id }, data: { lastSignInAt: new Date('2026-02-01T00:00:00Z') } });
    await gw.services.platform.user.update({ where: { id: alice.id }, data: { lastSignInAt: new Date('2026-03-01T00:00:00Z') } });
    await gw.services.platform.user.update({ where: { email: 'carol@example.com' }, data: { lastSignInAt: null } });
    const query = `query($orderBy: [MemberOrderBy!], $first: Int, $after: String, $last: Int, $before: String) {
      members(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) { nodes { email } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`;
    for (const [orderBy, expected] of [
      ['LAST_SIGN_IN_AT_ASC', [dave.email, alice.email, 'carol@example.com']],
      ['LAST_SIGN_IN_AT_DESC', ['carol@example.com', alice.email, dave.email]],
    ] as const) {
      const forward: string[] = [];
      let after: string | null = null;
      for (let more = true; more; ) {
        const { nodes, pageInfo }: { nodes: Array<{ email: string }>; pageInfo: any } = (await ok(query, { orderBy, first: 1, after }, alice.token, 'alpha')).members;
        forward.push(...nodes.map((n) => n.email));
        [more, after] = [pageInfo.hasNextPage, pageInfo.endCursor];
      }
      expect(forward).toEqual(expected);
      const backward: string[] = [];
      let before: string | null = null;
      for (let more = true; more; ) {
        const { nodes, pageInfo }: { nodes: Array<{ email: string }>; pageInfo: any } = (await ok(query, { orderBy, last: 1, before }, alice.token, 'alpha')).members;
        backward.unshift(...nodes.map((n) => n.email));
        [more, before] = [pageInfo.hasPreviousPage, pageInfo.startCursor];
      }
      expect(backward).toEqual(expected);
    }
  });

  test('webhook deliveries by where, orderBy and last', async () => {
    const webhook = await gw.services.platform.webhook.findFirstOrThrow({ where: { tenantId: alpha.id } });
    const query = 'query($id: ID!) { webhookDeliveries(webhookId: $id, where: { status: { eq: PENDING }, eventType: { startsWith: "customer." } }, orderBy: CREATED_AT_ASC, last: 1) { totalCount nodes { eventType status } } }';
    expect((await ok(query, { id: webhook.id }, alice.token, 'alpha')).webhookDeliveries).toEqual({ totalCount: 1, nodes: [{ eventType: 'customer.created', status: 'PENDING' }] });
  });

  test('sessions, most recently used first by default, the current one said so', async () => {
    const other = await gw.services.platform.session.create({
      data: { userId: alice.id, refreshTokenHash: randomBytes(16).toString('hex'), userAgent: 'Older Browser', lastUsedAt: new Date(Date.now() - 86_400_000), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const sessions = (await ok('{ sessions { nodes { id current userAgent } } }', {}, alice.token)).sessions.nodes;
    expect(sessions).toEqual([{ id: alice.sessionId, current: true, userAgent: null }, { id: other.id, current: false, userAgent: 'Older Browser' }]);
    expect((await ok('{ sessions(where: { userAgent: { contains: "older" } }) { nodes { id } } }', {}, alice.token)).sessions.nodes).toEqual([{ id: other.id }]);
  });

  test('auditLog and billingTransactions keep their own arguments beside where, orderBy and last', async () => {
    const entries = (await ok('{ auditLog(tenant: "alpha", action: "touch-a", last: 5, orderBy: CREATED_AT_ASC) { nodes { action tenantId } } }', {})).auditLog.nodes;
    expect(entries).toEqual([{ action: 'touch-a', tenantId: alpha.id }]);
    const charges = '{ billingTransactions(status: PENDING, where: { description: { startsWith: "charge" } }, orderBy: PERIOD_START_DESC) { totalCount nodes { description } } }';
    expect((await ok(charges, {}, alice.token, 'alpha')).billingTransactions).toEqual({ totalCount: 1, nodes: [{ description: 'charge a' }] });
  });
});

describe('bad arguments are BAD_USER_INPUT', () => {
  const bad = async (query: string, variables: Record<string, unknown> = {}, token = admin.token, tenant?: string) => {
    const response = await call(query, variables, token, tenant);
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    return response.body.errors![0].message;
  };

  test.each(['members', 'invitations', 'apiKeys', 'webhooks', 'sessions', 'auditLog', 'billingTransactions', 'tenants'])('%s: first 101, first and last, a cursor of nothing', async (field) => {
    expect(await bad(`{ ${field}(first: 101) { nodes { __typename } } }`, {}, alice.token, 'alpha')).toBe('first must be between 0 and 100');
    expect(await bad(`{ ${field}(last: -1) { nodes { __typename } } }`, {}, alice.token, 'alpha')).toBe('last must be between 0 and 100');
    expect(await bad(`{ ${field}(first: 1, last: 1) { nodes { __typename } } }`, {}, alice.token, 'alpha')).toBe('ask for first or last, not both');
    expect(await bad(`{ ${field}(after: "garbage") { nodes { __typename } } }`, {}, alice.token, 'alpha')).toBe('after is not a cursor of this list in this order');
    // Refused before anything is read, even when only the count is asked.
    expect(await bad(`{ ${field}(before: "garbage") { totalCount } }`, {}, alice.token, 'alpha')).toBe('before is not a cursor of this list in this order');
  });

  test('webhookDeliveries, too', async () => {
    const webhook = await gw.services.platform.webhook.findFirstOrThrow({ where: { tenantId: alpha.id } });
    expect(await bad(`{ webhookDeliveries(webhookId: "${webhook.id}", first: 1, last: 1) { nodes { id } } }`, {}, alice.token, 'alpha')).toBe('ask for first or last, not both');
  });

  test('cursors that do not fit the order, and where values that are no values', async () => {
    const bySlug = (await ok(TENANTS, { first: 1 })).tenants.pageInfo.endCursor;
    const byId = (await ok(TENANTS, { first: 1, orderBy: ['ID_ASC'] })).tenants.pageInfo.endCursor;
    await bad(TENANTS, { after: bySlug, orderBy: ['ID_ASC'] });
    await bad(TENANTS, { before: byId, orderBy: ['SLUG_ASC'] });
    await bad(TENANTS, { after: cursorOf(['NOT_A_STATUS', alpha.id]), orderBy: ['STATUS_ASC'] });
    await bad(TENANTS, { after: cursorOf(['yesterday', alpha.id]), orderBy: ['CREATED_AT_ASC'] });
    await bad(TENANTS, { after: cursorOf([null, alpha.id]), orderBy: ['NAME_ASC'] });
    await bad(TENANTS, { after: cursorOf(['Shop 1', 'not-an-id']), orderBy: ['NAME_ASC'] });
    // Values PostgreSQL cannot take: a NUL, a moment outside years 1 to 9999.
    await bad(TENANTS, { after: cursorOf(['Shop\u0000', alpha.id]), orderBy: ['NAME_ASC'] });
    await bad(TENANTS, { after: cursorOf(['+050000-01-01T00:00:00.000Z', alpha.id]), orderBy: ['CREATED_AT_ASC'] });
    await bad(TENANTS, { after: cursorOf(['0000-01-01T00:00:00.000Z', alpha.id]), orderBy: ['CREATED_AT_ASC'] });
    expect(await bad(TENANTS, { where: { id: { eq: 'nope' } } })).toBe('where.id.eq is not a valid ID');
    expect(await bad(TENANTS, { where: { plan: { not: { not: { not: { not: { not: { not: { not: { not: { code: { eq: 'x' } } } } } } } } } } } })).toMatch(/nest at most 8 deep/);
    expect(await bad(TENANTS, { where: { or: Array.from({ length: 201 }, (_, i) => ({ slug: { eq: `s${i}` } })) } })).toBe('where: at most 200 conditions');
    expect(await bad(TENANTS, { where: { slug: { in: Array.from({ length: 1001 }, (_, i) => `s${i}`) } } })).toBe('where.slug.in: at most 1000 values');
  });
});

describe('10,000 tenants', () => {
  const timings: Array<[string, number]> = [];
  const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push([what, performance.now() - started]);
    return result;
  };
  afterAll(() => console.log(`tenants list, ${FLEET + 6 + 10_000} tenants (ms, over HTTP):\n${timings.map(([what, ms]) => `  ${ms.toFixed(1).padStart(8)}  ${what}`).join('\n')}`));

  test('every page of every order is as quick to find as the first', async () => {
    const plan = await gw.services.platform.plan.findFirstOrThrow({ where: { code: 'free' } });
    const BATCH = 2_000;
    for (let start = 0; start < 10_000; start += BATCH) {
      await gw.services.platform.tenant.createMany({
        data: Array.from({ length: BATCH }, (_, j) => {
          const i = start + j;
          return { slug: `pool-${String(i).padStart(5, '0')}`, name: `Pool shop ${i % 2_500}`, status: STATUSES[i % STATUSES.length], planId: plan.id, createdAt: new Date(BASE + i * 1_000) };
        }),
      });
    }
    await gw.services.platform.$executeRawUnsafe('ANALYZE "Tenant"');
    const total = await gw.services.platform.tenant.count();

    await timed('first page (20, by slug)', () => ok(TENANTS, {}));
    await timed('totalCount alone', () => ok(COUNTED, { first: 0 }));
    for (const order of ['SLUG_ASC', 'NAME_ASC', 'STATUS_DESC', 'CREATED_AT_DESC']) {
      let cursor: string | null = null;
      let pages = 0;
      let slowest = 0;
      const started = performance.now();
      do {
        const pageStarted = performance.now();
        const { tenants } = await ok(TENANTS, { first: 100, after: cursor, orderBy: [order] });
        slowest = Math.max(slowest, performance.now() - pageStarted);
        cursor = tenants.pageInfo.hasNextPage ? tenants.pageInfo.endCursor : null;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(total / 100));
      timings.push([`every page of 100 by ${order}: ${pages} pages, the slowest`, slowest], [`  the mean page`, (performance.now() - started) / pages]);
    }
    const lastPage = await timed('last 100 by NAME_DESC (from the end)', () => ok(TENANTS, { last: 100, orderBy: ['NAME_DESC'] }));
    expect(lastPage.tenants.nodes).toHaveLength(100);
    await timed('where name contains "shop 12" (+ totalCount)', () => ok(COUNTED, { first: 20, where: { name: { contains: 'shop 12' } } }));
    await timed('where status ACTIVE and plan code free (+ totalCount)', () => ok(COUNTED, { first: 20, where: { status: { eq: 'ACTIVE' }, plan: { code: { eq: 'free' } } } }));
    const own = await timed("a member's own 3 tenants (+ totalCount)", () => ok(COUNTED, { first: 20 }, alice.token));
    expect(own.tenants.totalCount).toBe(3);
  });
});
