// Traces over OTLP/HTTP, end to end: gateway processes export to a receiver this test
// runs (a node:http server taking POST /v1/traces), in http/json (read here span by
// span) and in the default http/protobuf; one without OTEL_EXPORTER_OTLP_ENDPOINT
// starts nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTracing } from '../../src/observability/tracing';
import { spansEnabled } from '../../src/observability/spans';
import { databaseOf } from '../../src/db/urls';
import { onServer, testDatabases } from '../support/database';
import { eventually } from '../support/eventually';
import { processEnv, startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { connectWs, operate } from '../support/graphqlWs';
import { JOB } from '../support/provisioning';
import { graphqlRequest } from '../support/testGateway';
import { startWebhookReceiver } from '../support/webhookReceiver';

interface Export {
  contentType: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface Receiver {
  endpoint: string;
  exports: Export[];
  close(): Promise<void>;
}

function startReceiver(port = 0): Promise<Receiver> {
  const exports: Export[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') exports.push({ contentType: String(req.headers['content-type']), headers: req.headers, body: Buffer.concat(chunks) });
      // An empty ExportTraceServiceResponse, in either encoding.
      const json = String(req.headers['content-type']).includes('json');
      res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      res.end(json ? '{}' : '');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        exports,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
  status?: { code?: number };
  events?: Array<{ name: string; attributes: OtlpAttribute[] }>;
}
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
  failed: boolean;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
}

const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]));

/** The spans of every http/json export so far, and the resources they came with. */
function spansOf(receiver: Receiver): { spans: Span[]; resources: Array<Record<string, unknown>> } {
  const spans: Span[] = [];
  const resources: Array<Record<string, unknown>> = [];
  for (const { body } of receiver.exports) {
    const request = JSON.parse(body.toString('utf8')) as {
      resourceSpans: Array<{ resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
    };
    for (const { resource, scopeSpans } of request.resourceSpans) {
      resources.push(attributesOf(resource.attributes));
      for (const span of scopeSpans.flatMap((scope) => scope.spans)) {
        spans.push({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId ?? '',
          name: span.name,
          attributes: attributesOf(span.attributes),
          failed: span.status?.code === 2,
          events: (span.events ?? []).map((event) => ({ name: event.name, attributes: attributesOf(event.attributes) })),
        });
      }
    }
  }
  return { spans, resources };
}

const dbs = testDatabases();
// One platform for every process here, with the same secrets: a token from one is good on the others.
const platform = processEnv(dbs);
const PASSWORD = 'a traced but secret passphrase';
const SKU = 'SKU-VARIABLE-VALUE-7731';
const COLLECTOR_TOKEN = 'collector-token-that-must-stay-out';
const URL_TOKEN = 'webhook-url-token-that-must-stay-out';
const fast = { OTEL_BSP_SCHEDULE_DELAY: '100' };

let json: Receiver;
let protobuf: Receiver;
let traced: GatewayProcess;
let tracedProto: GatewayProcess | undefined;

beforeAll(async () => {
  [json, protobuf] = await Promise.all([startReceiver(), startReceiver()]);
  traced = await startGatewayProcess({
    ...platform,
    ...fast,
    JOB_CONCURRENCY: '1',
    LOG_LEVEL: 'info',
    // The webhook receiver listens on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    OTEL_EXPORTER_OTLP_ENDPOINT: json.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_EXPORTER_OTLP_HEADERS: `x-collector-token=${COLLECTOR_TOKEN}`,
    OTEL_GRAPHQL_DOCUMENT: 'true',
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([traced?.stop(), tracedProto?.stop()]);
  await dbs.drop();
  await Promise.all([json?.close(), protobuf?.close()]);
});

interface Answer {
  data?: any;
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

const post = async (gateway: GatewayProcess, query: string, variables: Record<string, unknown> = {}, token?: string, tenant?: string): Promise<Answer> =>
  (await graphqlRequest(gateway.url, query, { variables, token, tenant })).body as Answer;

let token: string;
let tenantId: string;

test('an operation is a server span; its statements and lookups are its children, all with the tenant; no secret is exported', async () => {
  const signedUp = await post(traced, 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
    input: { email: 'tracer@example.com', password: PASSWORD, name: 'Tracer' },
  });
  token = signedUp.data.signUp.token;
  const created = await post(traced, 'mutation { createTenant(input: { slug: "traced-shop", name: "Traced" }) { tenant { id } job { id } } }', {}, token);
  tenantId = created.data.createTenant.tenant.id;
  const jobId = created.data.createTenant.job.id;
  await eventually(async () => (await post(traced, JOB, { id: jobId }, token)).data?.provisioningJob.status === 'SUCCEEDED', 60_000, 200);

  const product = await post(traced, 'mutation Stock($sku: String!) { createProduct(input: { sku: $sku, name: "n", kind: GOODS, price: "1" }) { id } }', { sku: SKU }, token, 'traced-shop');
  const productId = product.data.createProduct.id;
  const read = await post(traced, 'query OneProduct($id: ID!) { product(id: $id) { sku } }', { id: productId }, token, 'traced-shop');
  expect(read.data.product.sku).toBe(SKU);

  const operation = await eventually(() => spansOf(json).spans.find((s) => s.name === 'query OneProduct') ?? null, 10_000, 100);
  expect(operation.parentSpanId).toBe('');
  expect(operation.attributes).toMatchObject({
    'graphql.operation.type': 'query',
    'graphql.operation.name': 'OneProduct',
    'graphql.document': expect.stringContaining('product(id: $id)'),
    'tenant.id': tenantId,
    'tenant.slug': 'traced-shop',
  });

  // The planner's statement, under the operation, in the tenant's database, with placeholders for its values.
  const { spans, resources } = await eventually(() => {
    const exported = spansOf(json);
    return exported.spans.some((s) => s.traceId === operation.traceId && s.attributes['db.query.text']) ? exported : null;
  }, 10_000, 100);
  const request = spans.filter((s) => s.traceId === operation.traceId && s.spanId !== operation.spanId);
  const statements = request.filter((s) => s.attributes['db.system.name'] === 'postgresql');
  expect(statements.length).toBeGreaterThan(0);
  for (const span of request) {
    expect(span.parentSpanId).toBe(operation.spanId);
    expect(span.attributes).toMatchObject({ 'tenant.id': tenantId, 'tenant.slug': 'traced-shop' });
  }
  const planned = statements.find((s) => s.attributes['db.namespace'] === `${dbs.prefix}traced_shop`);
  expect(planned?.attributes['db.query.text']).toMatch(/\$1/);
  expect(planned?.attributes['db.query.text']).not.toContain(productId);

  // Prisma's write, through the adapter, in the mutation's trace.
  const write = spans.find((s) => s.name === 'mutation Stock')!;
  const writes = spans.filter((s) => s.traceId === write.traceId && s.attributes['db.operation.name'] === 'INSERT');
  expect(writes.some((s) => String(s.attributes['db.query.text']).startsWith('INSERT INTO "public"."Product"'))).toBe(true);
  for (const span of writes) expect(span).toMatchObject({ parentSpanId: write.spanId, attributes: expect.objectContaining({ 'tenant.id': tenantId }) });

  expect(resources[0]).toMatchObject({ 'service.name': 'tenantgraph' });
  expect(json.exports.every((e) => e.contentType.startsWith('application/json') && e.headers['x-collector-token'] === COLLECTOR_TOKEN)).toBe(true);

  // Nothing of the credentials, variables or bound values, anywhere in what was sent.
  const everything = json.exports.map((e) => e.body.toString('utf8')).join('\n');
  for (const secret of [PASSWORD, token, SKU, productId, COLLECTOR_TOKEN, 'JWT_SECRET', 'postgresql://', dbs.platformUrl]) expect(everything).not.toContain(secret);
  expect(everything).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
}, 120_000);

test('a provisioning job is a trace of its own, with its tenant', async () => {
  const job = spansOf(json).spans.find((s) => s.name === 'job PROVISION');
  expect(job).toMatchObject({ parentSpanId: '', failed: false, attributes: expect.objectContaining({ 'job.kind': 'PROVISION', 'tenant.id': tenantId }) });
  const statements = spansOf(json).spans.filter((s) => s.traceId === job!.traceId && s.attributes['db.system.name']);
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements) expect(statement.attributes['tenant.id']).toBe(tenantId);
});

test('a webhook delivery is a trace of its own, with its tenant; neither the receiver\'s URL nor the payload is exported', async () => {
  const receiver = await startWebhookReceiver();
  try {
    const url = `${receiver.url}/hooks?token=${URL_TOKEN}`;
    const hook = await post(traced, 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }', { input: { url, events: ['product.created'] } }, token, 'traced-shop');
    receiver.secrets.push(hook.data.createWebhook.secret);
    await post(traced, 'mutation { createProduct(input: { sku: "HOOKED-PAYLOAD-SKU", name: "n", kind: GOODS, price: "1" }) { id } }', {}, token, 'traced-shop');
    await eventually(() => receiver.received.length > 0, 20_000);
    const delivery = await eventually(() => spansOf(json).spans.find((s) => s.name === 'webhook delivery') ?? null, 10_000, 100);
    expect(delivery).toMatchObject({
      parentSpanId: '',
      failed: false,
      attributes: expect.objectContaining({ 'webhook.event': 'product.created', 'http.response.status_code': 200, 'tenant.id': tenantId }),
    });
    const everything = json.exports.map((e) => e.body.toString('utf8')).join('\n');
    for (const secret of [URL_TOKEN, receiver.url, 'HOOKED-PAYLOAD-SKU', hook.data.createWebhook.secret]) expect(everything).not.toContain(secret);
  } finally {
    await receiver.close();
  }
}, 60_000);

test('a rollout is a trace of its own, with a span per tenant it takes, each with its tenant', async () => {
  await onServer('UPDATE "User" SET "isPlatformAdmin" = true WHERE email = $1', ['tracer@example.com'], databaseOf(dbs.platformUrl));
  const admin = (await post(traced, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: 'tracer@example.com', p: PASSWORD })).data.login.token;
  // A tenant whose version is not known (as after an undone restore) takes its turn: its migrations are checked and its version read.
  await onServer('UPDATE "Tenant" SET "schemaVersion" = NULL WHERE slug = $1', ['traced-shop'], databaseOf(dbs.platformUrl));
  const started = await post(traced, 'mutation { startRollout(input: { cohorts: [{ name: "canary", tenants: ["traced-shop"] }] }) { id } }', {}, admin);
  const { id } = started.data.startRollout;
  await eventually(async () => (await post(traced, 'query($id: ID!) { rollout(id: $id) { status } }', { id }, admin)).data.rollout.status === 'SUCCEEDED', 30_000, 200);
  const rollout = await eventually(() => spansOf(json).spans.find((s) => s.name === 'rollout' && s.attributes['rollout.id'] === id) ?? null, 10_000, 100);
  expect(rollout.parentSpanId).toBe('');
  const turn = await eventually(() => spansOf(json).spans.find((s) => s.name === 'rollout tenant migration' && s.traceId === rollout.traceId) ?? null, 10_000, 100);
  expect(turn).toMatchObject({ parentSpanId: rollout.spanId, failed: false, attributes: expect.objectContaining({ 'tenant.id': tenantId, 'tenant.slug': 'traced-shop', 'rollout.tenant.status': 'SUCCEEDED' }) });
}, 60_000);

test('a failing request: its span has the error code, never the message; its log line has its trace id', async () => {
  const refused = await post(traced, '{ products { totalCount } }', {}, token, 'nobody-shop');
  expect(refused.errors?.[0].extensions.code).toBe('TENANT_NOT_FOUND');
  const failed = await eventually(
    () => spansOf(json).spans.find((s) => s.name === 'query' && s.failed && s.attributes['error.type'] === 'TENANT_NOT_FOUND') ?? null,
    10_000,
    100,
  );
  expect(failed.events).toEqual([{ name: 'exception', attributes: { 'exception.type': 'TENANT_NOT_FOUND' } }]);
  expect(JSON.stringify(failed)).not.toContain('nobody-shop');

  const line = await eventually(() => {
    const lines = traced
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return lines.find((l) => l.msg === 'graphql request' && l.tenant === 'nobody-shop') ?? null;
  }, 5_000);
  expect(line).toMatchObject({ errors: ['TENANT_NOT_FOUND'], trace_id: failed.traceId, span_id: failed.spanId });
});

test('over WebSocket too, an operation is a server span', async () => {
  const { client } = connectWs(traced.url, { authorization: `Bearer ${token}`, tenant: 'traced-shop' });
  try {
    expect(await operate(client, 'query OverSocket { products { totalCount } }').done).toEqual([{ data: { products: { totalCount: expect.any(Number) } } }]);
  } finally {
    await client.dispose();
  }
  const operation = await eventually(() => spansOf(json).spans.find((s) => s.name === 'query OverSocket') ?? null, 10_000, 100);
  expect(operation.attributes).toMatchObject({ 'tenant.slug': 'traced-shop' });
  const children = spansOf(json).spans.filter((s) => s.traceId === operation.traceId && s.spanId !== operation.spanId);
  expect(children.length).toBeGreaterThan(0);
  for (const child of children) expect(child.attributes['tenant.id']).toBe(tenantId);
});

test('with the default http/protobuf, spans arrive as protobuf', async () => {
  tracedProto = await startGatewayProcess({ ...platform, ...fast, JOB_CONCURRENCY: '0', OTEL_EXPORTER_OTLP_ENDPOINT: protobuf.endpoint });
  const answer = await post(tracedProto, 'query ProtoProducts { products { totalCount } }', {}, token, 'traced-shop');
  expect(answer.errors).toBeUndefined();
  const exported = await eventually(() => protobuf.exports.find((e) => e.body.includes('query ProtoProducts')) ?? null, 10_000, 100);
  expect(exported.contentType).toBe('application/x-protobuf');
  // Strings travel as they are in protobuf: the span's tenant is there, the token is not.
  expect(exported.body.includes(tenantId)).toBe(true);
  expect(exported.body.includes(token)).toBe(false);
}, 120_000);

test('without OTEL_EXPORTER_OTLP_ENDPOINT nothing is started', async () => {
  expect(startTracing({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_TRACES_SAMPLER: 'always_on' })).toBeUndefined();
  expect(spansEnabled()).toBe(false);
  // A started SDK would send to the default endpoint, localhost:4318: listen there, when the port is free, and hear nothing.
  const fallback = await startReceiver(4318).catch(() => undefined);
  const quiet = await startGatewayProcess({ ...platform, ...fast, JOB_CONCURRENCY: '0', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'quiet' });
  try {
    expect((await post(quiet, '{ products { totalCount } }', {}, token, 'traced-shop')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fallback?.exports ?? []).toEqual([]);
  } finally {
    await quiet.stop();
    await fallback?.close();
  }
}, 120_000);
