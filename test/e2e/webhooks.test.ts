// Webhooks: a change's event reaches a real receiver on 127.0.0.1, signed, with
// retries on failures, timeouts and a receiver that is down for a while; deliveries
// are listed and can be sent again; a webhook that keeps failing is disabled; the
// live feed streams the same events across two gateways sharing Redis. Once per engine.
import { tenantPlacements } from '../support/engines';
import { eventually } from '../support/eventually';
import { connectWs, operate } from '../support/graphqlWs';
import { startTestRedis, type TestRedis } from '../support/redis';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

const SETTINGS = {
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_TIMEOUT_MS: '400',
  WEBHOOK_DISABLE_AFTER: '2',
  WEBHOOK_SWEEP_SECONDS: '1',
};

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url events enabled } } }`;
const CUSTOMER = `mutation($name: String!) { createCustomer(input: { name: $name, email: "buyer@example.com" }) { id name createdAt } }`;
const DELIVERIES = `query($id: ID!, $first: Int, $after: String) {
  webhookDeliveries(webhookId: $id, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id eventId eventType status attempts statusCode durationMs responseBody error } }
  }
}`;
const WEBHOOK = `{ webhooks { nodes { id enabled disabledReason consecutiveFailures } } }`;

describe.each(tenantPlacements)('on $engine, $isolation isolation', ({ engine, isolation }) => {
  let redis: TestRedis;
  let gw: TestGateway;
  let owner: TestUser;
  let viewer: TestUser;
  let receiver: WebhookReceiver;
  const slug = 'hooked';

  const call = async (query: string, variables?: Record<string, unknown>, token = owner.token, tenant = slug) => {
    const { body } = await gw.request(query, { variables, token, tenant });
    return body;
  };
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const body = await call(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const createCustomer = async (name: string) => (await ok(CUSTOMER, { name })).createCustomer;
  const deliveriesOf = async (webhookId: string) => (await ok(DELIVERIES, { id: webhookId, first: 100 })).webhookDeliveries.edges.map((e: any) => e.node);
  const received = (customerId: string) => receiver.received.filter((r) => r.body.object.id === customerId);
  /** A webhook on the receiver for customer.created; the receiver trusts its secret. */
  const createWebhook = async (url = receiver.url) => {
    const { secret, webhook } = (await ok(CREATE, { input: { url, events: ['customer.created'], description: 'crm sync' } })).createWebhook;
    receiver.secrets.push(secret);
    return webhook as { id: string };
  };
  const deleteWebhook = (id: string) => ok('mutation($id: ID!) { deleteWebhook(id: $id) { id } }', { id });

  beforeAll(async () => {
    redis = await startTestRedis();
    receiver = await startWebhookReceiver();
    gw = await startTestGateway({ engine, env: { ...SETTINGS, REDIS_URL: redis.url } });
    owner = await gw.createUser();
    viewer = await gw.createUser();
    await gw.createTenant({ slug, owner, isolation, members: [[viewer, 'VIEWER']] });
  });

  afterAll(async () => {
    await gw?.close();
    await receiver?.close();
    await redis?.stop();
  });

  afterEach(() => {
    receiver.answers.length = 0;
    receiver.hang(false);
  });

  test('a new customer is POSTed to the webhook, signed, with the event id, type, tenant, time and the customer; the delivery is listed', async () => {
    const webhook = await createWebhook();
    const customer = await createCustomer('Signed Sara');
    const [delivery] = await eventually(() => received(customer.id).length > 0 && received(customer.id));
    expect(delivery.signed).toBe(true);
    expect(delivery.headers['tenantgraph-event']).toBe('customer.created');
    expect(delivery.body).toEqual({
      id: expect.any(String),
      type: 'customer.created',
      tenant: slug,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      object: { id: customer.id, name: 'Signed Sara', email: 'buyer@example.com', phone: null, address: null, nationalId: null, notes: null, createdAt: customer.createdAt },
    });
    const listed = await eventually(async () => (await deliveriesOf(webhook.id)).find((d: any) => d.status === 'SUCCEEDED'));
    expect(listed).toMatchObject({ eventId: delivery.body.id, eventType: 'customer.created', attempts: 1, statusCode: 200, responseBody: 'ok', error: null });
    expect(listed.durationMs).toBeGreaterThanOrEqual(0);
    expect(delivery.headers['tenantgraph-delivery']).toBe(listed.id);
    // Delivered once, not again by the sweep.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received(customer.id)).toHaveLength(1);
    await deleteWebhook(webhook.id);
  });

  test('the secret is answered once: the list never shows it, and a rotated secret signs from then on', async () => {
    const webhook = await createWebhook();
    const { webhooks } = await ok('{ webhooks { nodes { id url events description } } }');
    expect(webhooks.nodes.find((w: any) => w.id === webhook.id)).toEqual({ id: webhook.id, url: receiver.url, events: ['customer.created'], description: 'crm sync' });
    const { secret } = (await ok('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', { id: webhook.id })).rotateWebhookSecret;
    receiver.secrets.length = 0;
    receiver.secrets.push(secret);
    const customer = await createCustomer('Rotated Reza');
    const [delivery] = await eventually(() => received(customer.id).length > 0 && received(customer.id));
    expect(delivery.signed).toBe(true);
    await deleteWebhook(webhook.id);
  });

  test('a receiver that fails on purpose, then times out, is retried with backoff until it answers 2xx', async () => {
    const webhook = await createWebhook();
    receiver.answers.push(500, 'hang');
    const customer = await createCustomer('Retried Roya');
    const delivery = await eventually(async () => (await deliveriesOf(webhook.id)).find((d: any) => d.attempts === 2 && d.status === 'PENDING'));
    expect(delivery.error).toBe('no answer within 400 ms');
    const done = await eventually(async () => (await deliveriesOf(webhook.id)).find((d: any) => d.status === 'SUCCEEDED'));
    expect(done).toMatchObject({ attempts: 3, statusCode: 200 });
    const times = received(customer.id).map((r) => r.receivedAt);
    expect(received(customer.id).every((r) => r.signed)).toBe(true);
    // 50 ms after the first attempt, 100 ms (and the 400 ms timeout) after the second.
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(50 + 100 + 400);
    await deleteWebhook(webhook.id);
  });

  test('a receiver that is down for a while gets the event once it is back, within the attempts', async () => {
    const webhook = await createWebhook();
    await receiver.down();
    const customer = await createCustomer('Patient Parisa');
    await eventually(async () => (await deliveriesOf(webhook.id)).find((d: any) => d.attempts >= 1 && d.error));
    await receiver.up();
    const done = await eventually(async () => (await deliveriesOf(webhook.id)).find((d: any) => d.status === 'SUCCEEDED'));
    expect(done.attempts).toBeGreaterThan(1);
    expect(received(customer.id)).toHaveLength(1);
    await deleteWebhook(webhook.id);
  });

  test('after its last attempt a delivery is FAILED; failing deliveries in a row disable the webhook, saying why; redelivery sends it again', async () => {
    const webhook = await createWebhook();
    receiver.answers.push(...Array(6).fill(503));
    await createCustomer('Failing Farid');
    await createCustomer('Failing Fatemeh');
    const failed = await eventually(async () => {
      const all = await deliveriesOf(webhook.id);
      return all.length === 2 && all.every((d: any) => d.status === 'FAILED') && all;
    });
    expect(failed[0]).toMatchObject({ attempts: 3, statusCode: 503, responseBody: 'failing on purpose with 503' });
    const state = (await ok(WEBHOOK)).webhooks.nodes.find((w: any) => w.id === webhook.id);
    expect(state).toEqual({
      id: webhook.id,
      enabled: false,
      consecutiveFailures: 2,
      disabledReason: 'disabled after 2 failed deliveries in a row; the last: HTTP 503',
    });

    // Disabled: a new event makes no delivery.
    await createCustomer('Unheard Ui');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await deliveriesOf(webhook.id)).toHaveLength(2);

    await ok('mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { enabled } }', { id: webhook.id });
    const { redeliverWebhook } = await ok('mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status attempts } }', { id: failed[0].id });
    expect(redeliverWebhook).toEqual({ status: 'PENDING', attempts: 0 });
    await eventually(async () => (await deliveriesOf(webhook.id)).find((d: any) => d.id === failed[0].id && d.status === 'SUCCEEDED'));
    const after = (await ok(WEBHOOK)).webhooks.nodes.find((w: any) => w.id === webhook.id);
    expect(after).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await deleteWebhook(webhook.id);
  });

  test('deliveries page newest first', async () => {
    const webhook = await createWebhook();
    for (const name of ['Page One', 'Page Two', 'Page Three']) await createCustomer(name);
    await eventually(async () => (await deliveriesOf(webhook.id)).filter((d: any) => d.status === 'SUCCEEDED').length === 3);
    const first = (await ok(DELIVERIES, { id: webhook.id, first: 2 })).webhookDeliveries;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await ok(DELIVERIES, { id: webhook.id, first: 2, after: first.pageInfo.endCursor })).webhookDeliveries;
    const ids = [...first.edges, ...rest.edges].map((e: any) => e.node.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(new Set(ids).size).toBe(3);
    await deleteWebhook(webhook.id);
  });

  test('bad input and refusals have stable codes', async () => {
    const bad = await call(CREATE, { input: { url: 'ftp://example.com/x', events: ['customer.created'] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const unknown = await call(CREATE, { input: { url: receiver.url, events: ['customer.exploded'] } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events.0' });
    const byViewer = await call(CREATE, { input: { url: receiver.url, events: ['customer.created'] } }, viewer.token);
    expect(byViewer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const missing = await call('mutation { redeliverWebhook(deliveryId: "0190b1c2-0000-7000-8000-000000000000") { id } }');
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  test("another tenant's webhook is NOT_FOUND to that tenant's owner", async () => {
    const webhook = await createWebhook();
    const other = await gw.createUser();
    await gw.createTenant({ slug: 'other', owner: other });
    const foreign = await call(DELIVERIES, { id: webhook.id }, other.token, 'other');
    expect(foreign.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const removed = await call('mutation($id: ID!) { deleteWebhook(id: $id) { id } }', { id: webhook.id }, other.token, 'other');
    expect(removed.errors?.[0].extensions.code).toBe('NOT_FOUND');
    await deleteWebhook(webhook.id);
  });

  test('the live feed streams the events of its tenant to a member on another gateway sharing Redis', async () => {
    const second = await startTestGateway({ sharing: gw });
    const ws = connectWs(second.url, { authorization: `Bearer ${viewer.token}`, 'x-tenant': slug });
    const feed = operate(ws.client, 'subscription { tenantEvents(types: ["customer.created"]) { id type tenant occurredAt object } }');
    try {
      // Subscribed once a first event arrives; then every one after it does.
      const probe = await eventually(async () => {
        const customer = await createCustomer(`Probe ${Date.now()}`);
        return eventually(() => feed.results.find((r) => r.data?.tenantEvents.object.id === customer.id), 500).catch(() => undefined);
      }, 15_000, 0);
      expect(probe.data!.tenantEvents).toMatchObject({ type: 'customer.created', tenant: slug });
      const customer = await createCustomer('Live Leila');
      const live = await feed.until((r) => r.data?.tenantEvents.object.id === customer.id);
      expect(live.data!.tenantEvents.object).toMatchObject({ name: 'Live Leila' });
      // Streamed once, though both gateways sweep the outbox.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(feed.results.filter((r) => r.data?.tenantEvents.object.id === customer.id)).toHaveLength(1);
    } finally {
      feed.stop();
      await ws.client.dispose();
      await second.close();
    }
  });

  test('delivery latency, commit to receiver, for 200 events', async () => {
    const webhook = await createWebhook();
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = Date.now();
      const customer = await createCustomer(`Timed ${i}`);
      const [delivery] = await eventually(() => received(customer.id).length > 0 && received(customer.id), 30_000, 1);
      latencies.push(delivery.receivedAt - started);
    }
    latencies.sort((a, b) => a - b);
    const p50 = latencies[99];
    const p99 = latencies[197];
    process.stdout.write(`webhook delivery latency on ${engine} (mutation sent -> receiver), 200 events: p50 ${p50} ms, p99 ${p99} ms\n`);
    expect(p99).toBeLessThan(5_000);
    await deleteWebhook(webhook.id);
  }, 120_000);
});

describe('outbound safety in production', () => {
  let gw: TestGateway;
  let earlier: TestGateway | undefined;
  let receiver: WebhookReceiver | undefined;
  afterAll(async () => {
    await gw?.close();
    await earlier?.close();
    await receiver?.close();
  });

  test('a URL that resolves to a loopback or private address is refused, unless WEBHOOK_ALLOW_PRIVATE_URLS', async () => {
    gw = await startTestGateway({ env: { NODE_ENV: 'production' } });
    const owner = await gw.createUser();
    await gw.createTenant({ slug: 'guarded', owner });
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost/x', 'http://10.1.2.3/x', 'http://169.254.169.254/latest', 'http://[::1]/x']) {
      const { body } = await gw.request(CREATE, { variables: { input: { url, events: ['customer.created'] } }, token: owner.token, tenant: 'guarded' });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
    const allowed = await startTestGateway({ sharing: gw, env: { NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });
    try {
      const { body } = await allowed.request(CREATE, { variables: { input: { url: 'http://127.0.0.1:9/x', events: ['customer.created'] } }, token: owner.token, tenant: 'guarded' });
      expect(body.errors).toBeUndefined();
    } finally {
      await allowed.close();
    }
  });

  test('a loopback webhook saved before production is refused at delivery, FAILED with the reason; updateWebhook re-checks its URL', async () => {
    receiver = await startWebhookReceiver();
    // Saved while the gateway ran outside production, where loopback is allowed.
    earlier = await startTestGateway();
    const owner = await earlier.createUser();
    await earlier.createTenant({ slug: 'legacy', owner });
    const { body } = await earlier.request(CREATE, { variables: { input: { url: receiver.url, events: ['customer.created'] } }, token: owner.token, tenant: 'legacy' });
    const webhook = body.data.createWebhook.webhook;
    expect(webhook.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await earlier.stop();

    const production = await startTestGateway({ sharing: earlier, env: { NODE_ENV: 'production' } });
    const call = async (query: string, variables: Record<string, unknown>) => (await production.request(query, { variables, token: owner.token, tenant: 'legacy' })).body;
    try {
      expect((await call(CUSTOMER, { name: 'Guarded Golnar' })).errors).toBeUndefined();
      const failed = await eventually(async () => {
        const deliveries = (await call(DELIVERIES, { id: webhook.id })).data.webhookDeliveries.edges.map((e: any) => e.node);
        return deliveries.find((d: any) => d.status !== 'PENDING');
      }, 10_000);
      expect(failed).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        statusCode: null,
        error: expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback, private or reserved address/),
      });
      expect(receiver.received).toHaveLength(0);

      // Any change that leaves it enabled is refused until its URL is public; turning it off is not.
      const renamed = await call('mutation($id: ID!) { updateWebhook(id: $id, input: { description: "renamed" }) { id } }', { id: webhook.id });
      expect(renamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      expect(renamed.errors?.[0].message).toContain('127.0.0.1');
      const off = await call('mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: false }) { enabled } }', { id: webhook.id });
      expect(off).toEqual({ data: { updateWebhook: { enabled: false } } });
      const on = await call('mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { enabled } }', { id: webhook.id });
      expect(on.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    } finally {
      await production.close();
    }
  }, 60_000);
});
