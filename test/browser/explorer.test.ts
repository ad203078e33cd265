// A newcomer's first minutes, in a real browser: open the gateway's URL, pick a demo
// login, run the tenant query, read the data; create a tenant and watch it being
// provisioned over graphql-ws. Nothing is loaded from anywhere but the gateway.
import { ensureDemo } from '../../src/demo/seedDemo';
import { openBrowser, type TestBrowser } from '../support/browser';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let gw: TestGateway;
let browser: TestBrowser;

beforeAll(async () => {
  gw = await startTestGateway({ env: { DEMO: 'true' } });
  await ensureDemo(gw.services);
  browser = await openBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

test('open /graphql, sign in with a demo login, run a tenant query and see its data; every request stays on the gateway', async () => {
  const { page, requests, errors } = browser;
  const gateway = new URL(gw.url);
  await page.goto(gw.url);

  // The header editor starts with an example of both headers.
  const headers = page.locator('.graphiql-editor-tool .graphiql-editor');
  await headers.getByText('Authorization').first().waitFor({ timeout: 60_000 });
  await headers.getByText('X-Tenant').first().waitFor();

  await page.getByRole('button', { name: 'admin@talanou.com' }).click();
  await page.getByText('Signed in as admin@talanou.com').waitFor({ timeout: 30_000 });
  await page.locator('.graphiql-execute-button').click();

  const result = page.locator('.result-window');
  // The starter query lists the dearest products first: the demo jeweller's gold coin leads.
  await result.getByText('COIN-BAHAR').waitFor({ timeout: 30_000 });
  expect(await result.innerText()).toMatch(/"totalCount":\s*8/); // Monaco renders spaces as no-break spaces
  await browser.screenshot('graphiql.png');

  // The schema docs work: the query type lists the tenant fields.
  await page.locator('button[aria-label="Show Documentation Explorer"]').click();
  const docs = page.getByRole('region', { name: 'Documentation Explorer' });
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.getByText('products', { exact: true }).first().waitFor();

  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((url) => new URL(url).host !== gateway.host)).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);

/** Replaces the operation editor's text and waits until GraphiQL has parsed it (the tab takes the operation's name). */
async function writeOperation(page: TestBrowser['page'], name: string, text: string) {
  await page.locator('.graphiql-query-editor .monaco-editor').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text); // typed text would get auto-closed brackets
  await page.locator('.graphiql-tab').filter({ hasText: name }).waitFor({ timeout: 30_000 });
}

test('create a tenant and watch provisioningProgress reach SUCCEEDED over graphql-ws at ws://<gateway>/graphql', async () => {
  const { page, requests, errors } = browser;
  const gateway = new URL(gw.url);
  const result = page.locator('.result-window');

  await writeOperation(page, 'NewShop', 'mutation NewShop { createTenant(input: { slug: "browser-shop", name: "Browser Shop" }) { job { id status } } }');
  await page.locator('.graphiql-execute-button').click();
  await result.getByText('"status"').first().waitFor({ timeout: 30_000 });
  const jobId = /"id":\s*"([^"]+)"/.exec(await result.innerText())![1];

  await writeOperation(page, 'Watch', `subscription Watch { provisioningProgress(jobId: "${jobId}") { status progress step } }`);
  const socket = page.waitForEvent('websocket', { timeout: 30_000 });
  await page.locator('.graphiql-execute-button').click();
  expect((await socket).url()).toBe(`ws://${gateway.host}/graphql`);
  await result.getByText('SUCCEEDED').waitFor({ timeout: 120_000 });
  expect(await result.innerText()).toMatch(/"progress":\s*100/);
  await browser.screenshot('graphiql-provisioning.png');

  expect((await gw.services.registry.find('browser-shop'))?.status).toBe('ACTIVE');
  expect(requests.filter((url) => new URL(url).host !== gateway.host)).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);
