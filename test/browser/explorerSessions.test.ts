// The explorer's session in a real browser: a demo sign-in in one tab is what every
// other tab's requests carry, and an access token that expired is refreshed before
// the request that needs it leaves.
import type { Page, Request } from 'playwright-core';
import { ensureDemo } from '../../src/demo/seedDemo';
import { openBrowser, type TestBrowser } from '../support/browser';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let gw: TestGateway;
let browser: TestBrowser;

beforeAll(async () => {
  // Access tokens of 6 s: the explorer refreshes one 5 s before it expires, so within a second of signing in.
  gw = await startTestGateway({ env: { DEMO: 'true', ACCESS_TOKEN_TTL: '6s' } });
  await ensureDemo(gw.services);
  browser = await openBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

/** The GraphQL requests a tab sends: operation and the token it carries. */
function graphqlRequests(page: Page) {
  const sent: Array<{ operation: string; token: string | undefined }> = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { query?: string; operationName?: string };
    const operation = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
    sent.push({ operation, token: /^Bearer (\S+)$/.exec(request.headers().authorization ?? '')?.[1] });
  });
  return sent;
}

const sessionIdOf = (token: string | undefined) => token && (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;

async function openExplorer(page: Page) {
  await page.goto(gw.url);
  await page.locator('.graphiql-editor-tool .graphiql-editor').getByText('Authorization').first().waitFor({ timeout: 60_000 });
}

test('a sign-in in one tab is what the other tab sends; an expired access token is refreshed first', async () => {
  const first = browser.page;
  const second = await browser.newPage();
  const sentBySecond = graphqlRequests(second);
  const sentByFirst = graphqlRequests(first);
  await openExplorer(first);
  await openExplorer(second);

  await first.getByRole('button', { name: 'admin@talanou.com' }).click();
  await first.getByText('Signed in as admin@talanou.com').waitFor({ timeout: 30_000 });
  const signedIn = JSON.parse((await first.evaluate(`localStorage.getItem('tenantgraph.explorer.session')`)) as string) as { token: string };
  const session = sessionIdOf(signedIn.token);
  expect(session).toMatch(/^[0-9a-f-]{36}$/);

  // The second tab still shows the example header: its query goes out with the first tab's session.
  await second.locator('.graphiql-execute-button').click();
  await second.locator('.result-window').getByText('GOLD-18K').waitFor({ timeout: 30_000 });
  const products = sentBySecond.find((r) => r.operation === 'Products')!;
  expect(sessionIdOf(products.token)).toBe(session);

  // Expired by now (6 s), and so is any token a refresh of the second tab got: the first tab's header holds the sign-in's token, and its next query refreshes it first.
  await new Promise((resolve) => setTimeout(resolve, 6_500));
  await first.locator('.graphiql-execute-button').click();
  await first.locator('.result-window').getByText('GOLD-18K').waitFor({ timeout: 30_000 });
  const operations = sentByFirst.map((r) => r.operation);
  expect(operations).toContain('ExplorerRefresh');
  const query = sentByFirst.filter((r) => r.operation === 'Products').at(-1)!;
  expect(operations.lastIndexOf('ExplorerRefresh')).toBeLessThan(operations.lastIndexOf('Products'));
  expect(query.token).not.toBe(signedIn.token);
  expect(sessionIdOf(query.token)).toBe(session);
  expect(await first.locator('.result-window').innerText()).not.toContain('UNAUTHENTICATED');
  expect(browser.errors).toEqual([]);
}, 180_000);
