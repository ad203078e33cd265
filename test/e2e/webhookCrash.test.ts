// No event is lost when a process dies right after its commit: a gateway process
// answers a change and is SIGKILLed before anything is delivered (it runs no jobs and
// sends no deliveries, and neither does anything else), and the next process to start
// delivers the event, once.
import { startGatewayProcess, type GatewayProcess } from '../support/gatewayProcess';
import { eventually } from '../support/eventually';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';

let gw: TestGateway;
let receiver: WebhookReceiver;
const processes: GatewayProcess[] = [];

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
  const owner = await gw.createUser();
  await gw.createTenant({ slug: 'crashing', owner });
  const { body } = await gw.request('mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }', {
    variables: { input: { url: receiver.url, events: ['customer.created'] } },
    token: owner.token,
    tenant: 'crashing',
  });
  receiver.secrets.push(body.data.createWebhook.secret);

  const { PORT: _port, HOST: _host, ...shared } = gw.env;
  const doomed = await startGatewayProcess({ ...shared, JOB_CONCURRENCY: '0', WEBHOOK_CONCURRENCY: '0', LOG_LEVEL: 'silent' });
  processes.push(doomed);
  const response = await fetch(doomed.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-tenant': 'crashing' },
    body: JSON.stringify({ query: 'mutation { createCustomer(input: { name: "Survivor Sima" }) { id } }' }),
  });
  const { data } = (await response.json()) as { data: { createCustomer: { id: string } } };
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBe('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(receiver.received).toHaveLength(0);

  processes.push(await startGatewayProcess({ ...shared, JOB_CONCURRENCY: '1', WEBHOOK_CONCURRENCY: '1', WEBHOOK_SWEEP_SECONDS: '1', LOG_LEVEL: 'silent' }));
  const [delivery] = await eventually(() => receiver.received.length > 0 && receiver.received, 30_000);
  expect(delivery.signed).toBe(true);
  expect(delivery.body).toMatchObject({ type: 'customer.created', tenant: 'crashing', object: { id: data.createCustomer.id, name: 'Survivor Sima' } });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(receiver.received).toHaveLength(1);
}, 120_000);
