// What an operator's tools read: liveness, readiness (the platform database; Redis
// reported) and Prometheus metrics.
import { graphql } from '../../generated/graphql';
import { createLogger } from '../../src/logger';
import { GatewayMetrics } from '../../src/observability/metrics';
import { onServer } from '../support/database';
import { freePort } from '../support/gatewayProcess';
import { connectWs, operate } from '../support/graphqlWs';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

const PRODUCTS = graphql(`query OperationsProducts { products { totalCount } }`);

let gw: TestGateway;
let owner: TestUser;
let origin: string;

beforeAll(async () => {
  gw = await startTestGateway({ env: { MAX_TENANT_CLIENTS: '1' } });
  origin = new URL(gw.url).origin;
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'metrics-a', owner });
  await gw.createTenant({ slug: 'metrics-b', owner, isolation: 'SCHEMA' });
});
afterAll(() => gw.close());

const json = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, string> } };
};

/** The value of one series in Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`) && !l.startsWith(`${name} `)) return false;
    return wanted.every((w) => l.includes(w));
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

test('/healthz answers while the process is up; /readyz checks the platform database', async () => {
  expect(await json(`${origin}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
  expect(await json(`${origin}/readyz`)).toEqual({ status: 200, body: { status: 'ready', checks: { platformDatabase: 'ok' } } });
});

test('/readyz reports Redis when REDIS_URL is set, and stays ready when Redis is not there (the gateway serves on without it)', async () => {
  const withRedis = await startTestGateway({ env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' } });
  const noRedis = await startTestGateway({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
  try {
    expect(await json(`${new URL(withRedis.url).origin}/readyz`)).toEqual({ status: 200, body: { status: 'ready', checks: { platformDatabase: 'ok', redis: 'ok' } } });
    expect(await json(`${new URL(noRedis.url).origin}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { platformDatabase: 'ok', redis: 'unreachable' } },
    });
  } finally {
    // close() would also delete the gateway's Redis keys, and there is no Redis to reach.
    await Promise.all([withRedis.close(), noRedis.stop().then(() => noRedis.dbs.drop())]);
  }
});

test('/readyz is 503 when the platform database is gone, and /healthz still answers', async () => {
  const doomed = await startTestGateway();
  try {
    await onServer(`DROP DATABASE "${doomed.dbs.prefix}platform" WITH (FORCE)`);
    const origin = new URL(doomed.url).origin;
    expect(await json(`${origin}/readyz`)).toEqual({ status: 503, body: { status: 'not ready', checks: { platformDatabase: 'unreachable' } } });
    expect((await json(`${origin}/healthz`)).status).toBe(200);
  } finally {
    await doomed.close();
  }
});

test('/metrics counts requests and errors by operation and tenant, times them, and reports tenant clients and connections', async () => {
  await gw.request(PRODUCTS, { token: owner.token, tenant: 'metrics-a' });
  await gw.request(PRODUCTS, { token: owner.token, tenant: 'metrics-a' });
  await gw.request(PRODUCTS, { token: owner.token, tenant: 'metrics-b' });
  await gw.request('{ plans { code } }');
  await gw.request(PRODUCTS, { token: 'not.a.token', tenant: 'metrics-a' });
  await gw.request('{ products { nope } }', { token: owner.token, tenant: 'metrics-a' });

  const response = await fetch(`${origin}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const text = await response.text();
  expect(sample(text, 'tenantgraph_graphql_requests_total', { operation: 'OperationsProducts', tenant: 'metrics-a' })).toBe(2);
  expect(sample(text, 'tenantgraph_graphql_requests_total', { operation: 'OperationsProducts', tenant: 'metrics-b' })).toBe(1);
  expect(sample(text, 'tenantgraph_graphql_requests_total', { operation: '(anonymous)', tenant: '(none)' })).toBe(1);
  // Refused before execution (bad token) and never valid (unknown field): no operation name, no tenant.
  expect(sample(text, 'tenantgraph_graphql_errors_total', { operation: '(unresolved)', tenant: '(none)', code: 'UNAUTHENTICATED' })).toBe(1);
  expect(sample(text, 'tenantgraph_graphql_errors_total', { operation: '(unresolved)', tenant: '(none)', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  expect(sample(text, 'tenantgraph_graphql_request_duration_seconds_count', { operation: 'OperationsProducts' })).toBe(3);
  // One Prisma client (MAX_TENANT_CLIENTS=1) served both tenants' provisioning in turn; the reads needed none.
  expect(sample(text, 'tenantgraph_tenant_clients_open')).toBe(1);
  expect(sample(text, 'tenantgraph_tenant_clients_created_total')).toBe(1);
  // Connections are the server pool's: one to each tenant database.
  expect(sample(text, 'tenantgraph_db_connections', { server: 'default', state: 'open' })).toBe(2);
  expect(sample(text, 'tenantgraph_db_connections', { server: 'default', state: 'waiting' })).toBe(0);
  expect(sample(text, 'tenantgraph_db_connection_waits_total', { server: 'default', outcome: 'timeout' })).toBe(0);
  expect(sample(text, 'tenantgraph_process_resident_memory_bytes')).toBeGreaterThan(0);
});

test('operations over WebSocket are counted too, with the tenant its connection params name as the explorer sends them', async () => {
  const { client } = connectWs(gw.url, { Authorization: `Bearer ${owner.token}`, 'X-Tenant': 'metrics-b' });
  try {
    const [result] = await operate(client, 'query OperationsOverWs { products { totalCount } }').done;
    expect(result).toEqual({ data: { products: { totalCount: 0 } } });
  } finally {
    await client.dispose();
  }
  const text = await (await fetch(`${origin}/metrics`)).text();
  expect(sample(text, 'tenantgraph_graphql_requests_total', { operation: 'OperationsOverWs', tenant: 'metrics-b' })).toBe(1);
  expect(sample(text, 'tenantgraph_graphql_request_duration_seconds_count', { operation: 'OperationsOverWs' })).toBe(1);
});

test('/metrics counts provisioning jobs by status from the job table, and event-bus subscribers from the registered counter', async () => {
  const tenant = (await gw.services.registry.find('metrics-a'))!;
  await gw.services.platform.provisioningJob.createMany({
    data: [{ tenantId: tenant.id, status: 'FAILED' }, { tenantId: tenant.id, status: 'FAILED' }, { tenantId: tenant.id, status: 'QUEUED' }],
  });
  gw.services.metrics.observeEventBusSubscribers(() => 3);
  const text = await (await fetch(`${origin}/metrics`)).text();
  expect(sample(text, 'tenantgraph_provisioning_jobs', { status: 'FAILED' })).toBe(2);
  expect(sample(text, 'tenantgraph_provisioning_jobs', { status: 'QUEUED' })).toBe(1);
  expect(sample(text, 'tenantgraph_provisioning_jobs', { status: 'RUNNING' })).toBe(0);
  expect(sample(text, 'tenantgraph_event_bus_subscribers')).toBe(3);
});

test('operation and tenant labels stay bounded however many names clients send', async () => {
  const metrics = new GatewayMetrics({ ...gw.services, log: createLogger('silent'), maxOperations: 2, maxTenants: 1 });
  for (let i = 0; i < 50; i++) metrics.recordRequest({ operation: `Op${i}`, tenant: `shop-${i}`, errorCodes: [], seconds: 0.01 });
  const series = (await metrics.render()).split('\n').filter((l) => l.startsWith('tenantgraph_graphql_requests_total{'));
  expect(series).toEqual([
    'tenantgraph_graphql_requests_total{operation="Op0",tenant="shop-0"} 1',
    'tenantgraph_graphql_requests_total{operation="Op1",tenant="(other)"} 1',
    'tenantgraph_graphql_requests_total{operation="(other)",tenant="(other)"} 48',
  ]);
});

test('in production /metrics is closed to everyone until METRICS_TOKEN is set, and then needs it', async () => {
  const closed = await startTestGateway({ env: { NODE_ENV: 'production' } });
  const guarded = await startTestGateway({ env: { NODE_ENV: 'production', METRICS_TOKEN: 'a-long-enough-metrics-token' } });
  try {
    const refused = await fetch(`${new URL(closed.url).origin}/metrics`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe('/metrics is closed in production until METRICS_TOKEN is set\n');
    const url = `${new URL(guarded.url).origin}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const scraped = await fetch(url, { headers: { authorization: 'Bearer a-long-enough-metrics-token' } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('tenantgraph_graphql_requests_total');
  } finally {
    await Promise.all([closed.close(), guarded.close()]);
  }
});

test('with METRICS_TOKEN set, /metrics needs it', async () => {
  const guarded = await startTestGateway({ env: { METRICS_TOKEN: 'a-long-enough-metrics-token' } });
  try {
    const url = `${new URL(guarded.url).origin}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer a-long-enough-metrics-token' } })).status).toBe(200);
  } finally {
    await guarded.close();
  }
});
