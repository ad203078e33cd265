// A newcomer's first minute, in a real browser: open the gateway's URL, pick a demo
// login, run the tenant query, read the data. Nothing is loaded from anywhere but
// the gateway.
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
  await result.getByText('GOLD-18K').waitFor({ timeout: 30_000 });
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

test('a subscription goes over graphql-ws to ws://<gateway>/graphql, which the page may reach', async () => {
  const { page, errors } = browser;
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('subscription Watch { provisioningProgress { status } }');
  // The tab takes the operation's name once GraphiQL has parsed the new text: only then does it know it is a subscription.
  await page.locator('.graphiql-tab').filter({ hasText: 'Watch' }).waitFor({ timeout: 30_000 });
  const socket = page.waitForEvent('websocket', { timeout: 30_000 });
  await page.locator('.graphiql-execute-button').click();
  expect((await socket).url()).toBe(`ws://${new URL(gw.url).host}/graphql`);
  // Until the gateway speaks graphql-ws the socket is refused; what must never happen is the page's CSP blocking it.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
}, 120_000);
