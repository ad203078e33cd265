// One slow receiver holds up nobody else: with a tenant's receiver hanging on a backlog
// of deliveries (more than the process sends at once), another tenant's delivery and a
// new tenant's provisioning both finish within a second.
import { IN_FLIGHT } from '../../src/webhooks/webhookSender';
import { eventually } from '../support/eventually';
import { createTenantViaApi, finishedJob } from '../support/provisioning';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

const CREATE_WEBHOOK = 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }';
const CUSTOMER = 'mutation($name: String!) { createCustomer(input: { name: $name }) { id } }';
const BACKLOG = 20;

let gw: TestGateway;
let owner: TestUser;
let hanging: WebhookReceiver;
let answering: WebhookReceiver;

const call = async (tenant: string, query: string, variables: Record<string, unknown>) => {
  const { body } = await gw.request(query, { variables, token: owner.token, tenant });
  expect(body.errors).toBeUndefined();
  return body.data;
};

beforeAll(async () => {
  hanging = await startWebhookReceiver();
  hanging.hang(true);
  answering = await startWebhookReceiver();
  // Long enough that a hanging attempt outlasts the whole test.
  gw = await startTestGateway({ env: { WEBHOOK_TIMEOUT_MS: '10000' } });
  owner = await gw.createUser();
  for (const [slug, receiver] of [['stuck', hanging], ['other', answering]] as const) {
    await gw.createTenant({ slug, owner });
    const { createWebhook } = await call(slug, CREATE_WEBHOOK, { input: { url: receiver.url, events: ['customer.created'] } });
    receiver.secrets.push(createWebhook.secret);
  }
  // A first tenant through the API builds the template: the one measured copies it.
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'warm-up' });
  expect((await finishedJob(gw, owner.token, job.id)).status).toBe('SUCCEEDED');
});

afterAll(async () => {
  await gw?.close();
  await hanging?.close();
  await answering?.close();
});

test("with a receiver hanging on a backlog, another tenant's delivery and a createTenant each finish within a second", async () => {
  for (let i = 0; i < BACKLOG; i++) await call('stuck', CUSTOMER, { name: `Stuck ${i}` });
  await eventually(() => hanging.held() > 0, 10_000);

  const { createCustomer } = await call('other', CUSTOMER, { name: 'Unhindered Hana' });
  const committed = Date.now();
  const [delivery] = await eventually(() => {
    const mine = answering.received.filter((r) => r.body.object.id === createCustomer.id);
    return mine.length > 0 && mine;
  }, 15_000, 10);
  expect(delivery.signed).toBe(true);
  const deliveredMs = delivery.receivedAt - committed;

  const asked = Date.now();
  const { job } = await createTenantViaApi(gw, owner.token, { slug: 'newcomer' });
  const finished = await finishedJob(gw, owner.token, job.id, 15_000);
  const provisionedMs = Date.now() - asked;
  expect(finished.status).toBe('SUCCEEDED');

  process.stdout.write(`with a hanging receiver: another tenant's delivery ${deliveredMs} ms after its commit, createTenant to ACTIVE ${provisionedMs} ms\n`);
  expect(deliveredMs).toBeLessThan(1000);
  expect(provisionedMs).toBeLessThan(1000);
  // One sender for the hanging receiver's backlog: a few requests at a time, not one per delivery.
  expect(hanging.held()).toBeGreaterThan(0);
  expect(hanging.held()).toBeLessThanOrEqual(IN_FLIGHT);
}, 90_000);
