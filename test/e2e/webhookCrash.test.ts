// No event is lost when a process dies: one SIGKILLed right after its commit, before
// anything is delivered (it runs no jobs and sends no deliveries, and neither does
// anything else), and one SIGKILLed while its delivery waits for the receiver; in both
// cases the next process to start delivers the event, once.
import { startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { eventually } from '../support/eventually';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

let gw: TestGateway;
let receiver: WebhookReceiver;
const processes: GatewayProcess[] = [];

/** A tenant with a webhook on the receiver (which trusts its secret); its owner's token. */
async function hookedTenant(slug: string): Promise<string> {
  const owner = await gw.createUser();
  await gw.createTenant({ slug, owner });
  const { body } = await gw.request('mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }', {
    variables: { input: { url: receiver.url, events: ['customer.created'] } },
    token: owner.token,
    tenant: slug,
  });
  receiver.secrets.push(body.data.createWebhook.secret);
  return owner.token;
}

/** createCustomer on the process at `url`; the customer's id. */
async function createCustomer(url: string, token: string, tenant: string, name: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-tenant': tenant },
    body: JSON.stringify({ query: 'mutation($name: String!) { createCustomer(input: { name: $name }) { id } }', variables: { name } }),
  });
  const { data } = (await response.json()) as { data: { createCustomer: { id: string } } };
  return data.createCustomer.id;
}

/** The gateway's settings for another process, its address left to that one. */
const sharedEnv = () => {
  const { PORT: _port, HOST: _host, ...shared } = gw.env;
  return shared;
};

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // This in-process gateway only sets the platform up: it runs no jobs and no sweeps.
  gw = await startTestGateway({ env: { JOB_CONCURRENCY: '0', WEBHOOK_CONCURRENCY: '0' } });
});

afterAll(async () => {
  for (const child of processes) await child.stop();
  await gw?.close();
  await receiver?.close();
});

test('an event committed by a process killed right after its answer is delivered by the next process', async () => {
  const token = await hookedTenant('crashing');
  const doomed = await startGatewayProcess({ ...sharedEnv(), JOB_CONCURRENCY: '0', WEBHOOK_CONCURRENCY: '0', LOG_LEVEL: 'silent' });
  processes.push(doomed);
  const customerId = await createCustomer(doomed.url, token, 'crashing', 'Survivor Sima');
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(receiver.received).toHaveLength(0);

  const next = await startGatewayProcess({ ...sharedEnv(), JOB_CONCURRENCY: '1', WEBHOOK_CONCURRENCY: '1', WEBHOOK_SWEEP_SECONDS: '1', LOG_LEVEL: 'silent' });
  processes.push(next);
  const [delivery] = await eventually(() => receiver.received.length > 0 && receiver.received, 30_000);
  expect(delivery.signed).toBe(true);
  expect(delivery.body).toMatchObject({ type: 'customer.created', tenant: 'crashing', object: { id: customerId, name: 'Survivor Sima' } });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(receiver.received).toHaveLength(1);
  await next.stop();
}, 120_000);

test('a delivery in flight when its process is killed is sent by the next process', async () => {
  const token = await hookedTenant('interrupted');
  receiver.hang(true);
  const doomed = await startGatewayProcess({ ...sharedEnv(), JOB_CONCURRENCY: '0', WEBHOOK_CONCURRENCY: '1', LOG_LEVEL: 'silent' });
  processes.push(doomed);
  const customerId = await createCustomer(doomed.url, token, 'interrupted', 'Interrupted Iman');
  await eventually(() => receiver.held() > 0, 30_000);
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  receiver.hang(false);

  // Its sender's lock went with its connection; the sweep wakes the webhook with a delivery due.
  processes.push(await startGatewayProcess({ ...sharedEnv(), JOB_CONCURRENCY: '0', WEBHOOK_CONCURRENCY: '1', WEBHOOK_SWEEP_SECONDS: '1', LOG_LEVEL: 'silent' }));
  const mine = () => receiver.received.filter((r) => r.body.object.id === customerId);
  const [delivery] = await eventually(() => mine().length > 0 && mine(), 30_000);
  expect(delivery.signed).toBe(true);
  expect(delivery.body).toMatchObject({ type: 'customer.created', tenant: 'interrupted' });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(mine()).toHaveLength(1);
}, 120_000);
