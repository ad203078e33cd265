// A browser app served from another origin calls /graphql only when CORS_ORIGINS
// allows that origin: a real Chromium enforces it, on real HTTP.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { openBrowser, type TestBrowser } from '../support/browser';
import { startTestGateway, type TestGateway, type TestUser } from '../support/testGateway';

/** A stand-in for a SaaS front end: one empty page on its own origin. */
async function startApp(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>app</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let allowedApp: Awaited<ReturnType<typeof startApp>>;
let otherApp: Awaited<ReturnType<typeof startApp>>;
let gw: TestGateway;
let owner: TestUser;
let browser: TestBrowser;

beforeAll(async () => {
  allowedApp = await startApp();
  otherApp = await startApp();
  gw = await startTestGateway({ env: { CORS_ORIGINS: `${allowedApp.origin}, https://*.example.com` } });
  owner = await gw.createUser();
  await gw.createTenant({ slug: 'cors-shop', owner });
  browser = await openBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
  await allowedApp?.close();
  await otherApp?.close();
});

/** From a page of `origin`, what the app's fetch of a tenant query gets: its data and request id, or the browser's refusal. */
async function callFrom(origin: string) {
  await browser.page.goto(origin);
  return browser.page.evaluate(
    async ({ url, token }) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-tenant': 'cors-shop' },
          body: JSON.stringify({ query: '{ products { totalCount } }' }),
        });
        return { body: await response.json(), requestId: response.headers.get('x-request-id') };
      } catch (error) {
        return { refused: String(error) };
      }
    },
    { url: gw.url, token: owner.token },
  );
}

test('a page of an allowed origin calls with Authorization and X-Tenant and reads the request id', async () => {
  const result = await callFrom(allowedApp.origin);
  expect(result).toEqual({ body: { data: { products: { totalCount: 0 } } }, requestId: expect.any(String) });
}, 60_000);

test('a page of any other origin is refused by the browser', async () => {
  const result = await callFrom(otherApp.origin);
  expect(result).toEqual({ refused: expect.stringContaining('Failed to fetch') });
}, 60_000);

test('a wildcard allows the subdomains of a domain, not the domain itself', async () => {
  const preflight = (origin: string) =>
    fetch(gw.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-tenant' } });
  const sub = await preflight('https://shop-1.example.com');
  expect(sub.status).toBe(204);
  expect(sub.headers.get('access-control-allow-origin')).toBe('https://shop-1.example.com');
  expect(sub.headers.get('access-control-allow-headers')).toContain('x-tenant');
  expect((await preflight('https://example.com')).headers.get('access-control-allow-origin')).toBeNull();
  expect((await preflight('https://example.com.evil.net')).headers.get('access-control-allow-origin')).toBeNull();
});

test('an origin that is not one is refused at start, by name', () => {
  expect(() => loadConfig({ CORS_ORIGINS: 'https://ok.example, not an origin' })).toThrow('CORS_ORIGINS: "not an origin"');
});
