// The explorer's session in a real browser: a demo sign-in in one tab is what every
// other tab's requests carry, and what every tab shows, an access token that expired
// is refreshed before the request that needs it leaves, and a sign-out in any tab
// signs them all out.
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

/** The GraphQL requests a tab sends: operation, the token it carries and the tenant it names. */
function graphqlRequests(page: Page) {
  const sent: Array<{ operation: string; token: string | undefined; tenant: string | undefined }> = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { query?: string; operationName?: string };
    const operation = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
    sent.push({ operation, token: /^Bearer (\S+)$/.exec(request.headers().authorization ?? '')?.[1], tenant: request.headers()['x-tenant'] });
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
  await second.locator('.result-window').getByText('COIN-BAHAR').waitFor({ timeout: 30_000 });
  const products = sentBySecond.find((r) => r.operation === 'Products')!;
  expect(sessionIdOf(products.token)).toBe(session);

  // Expired by now (6 s), and so is any token a refresh of the second tab got: the first tab's header holds the sign-in's token, and its next query refreshes it first.
  await new Promise((resolve) => setTimeout(resolve, 6_500));
  await first.locator('.graphiql-execute-button').click();
  await first.locator('.result-window').getByText('COIN-BAHAR').waitFor({ timeout: 30_000 });
  const operations = sentByFirst.map((r) => r.operation);
  expect(operations).toContain('ExplorerRefresh');
  const query = sentByFirst.filter((r) => r.operation === 'Products').at(-1)!;
  expect(operations.lastIndexOf('ExplorerRefresh')).toBeLessThan(operations.lastIndexOf('Products'));
  expect(query.token).not.toBe(signedIn.token);
  expect(sessionIdOf(query.token)).toBe(session);
  expect(await first.locator('.result-window').innerText()).not.toContain('UNAUTHENTICATED');
  expect(browser.errors).toEqual([]);
}, 180_000);

test('every tab shows who is signed in and for which tenant, and a sign-out in either tab signs every tab out', async () => {
  const first = browser.page;
  const second = await browser.newPage();
  const sentBySecond = graphqlRequests(second);
  const errorsBefore = browser.errors.length;
  await openExplorer(first);
  await openExplorer(second);
  const badge = (page: Page) => page.locator('.tg-session');
  const stored = async () => JSON.parse((await first.evaluate(`localStorage.getItem('tenantgraph.explorer.session')`)) as string) as { token: string } | null;

  for (const [signingIn, signingOut] of [
    [first, second],
    [second, first],
  ]) {
    await signingIn.getByRole('button', { name: 'admin@demo-shop.com' }).click();
    for (const page of [first, second]) {
      await badge(page).getByText('admin@demo-shop.com').waitFor({ timeout: 30_000 });
      expect(await badge(page).innerText()).toMatch(/admin@demo-shop\.com\s*·\s*demo-shop/);
      await page.getByText('Signed in as admin@demo-shop.com, tenant demo-shop').waitFor({ timeout: 30_000 });
    }
    const { token } = (await stored())!;
    // The tab that did not sign in runs its query as the signed-in user, on their tenant.
    await signingOut.locator('.graphiql-execute-button').click();
    await signingOut.locator('.result-window').getByText('TEE-BLK-M').waitFor({ timeout: 30_000 });

    await signingOut.getByRole('button', { name: 'Sign out' }).click();
    for (const page of [first, second]) {
      await badge(page).getByText('Not signed in').waitFor({ timeout: 30_000 });
      await page.getByText('Pick a user').waitFor({ timeout: 30_000 });
    }
    expect(await stored()).toBeNull();
    // Over on the gateway too: the session's tokens no longer work.
    expect((await gw.request('{ me { email } }', { token })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  }

  // Signed out, a tab's query carries no token of the ended session, and names the tenant it showed last.
  await second.locator('.graphiql-execute-button').click();
  await second.locator('.result-window').getByText('UNAUTHENTICATED').waitFor({ timeout: 30_000 });
  const last = sentBySecond.filter((r) => r.operation === 'Products').at(-1)!;
  expect(last).toEqual({ operation: 'Products', token: undefined, tenant: 'demo-shop' });
  expect(browser.errors.slice(errorsBefore)).toEqual([]);
}, 180_000);
