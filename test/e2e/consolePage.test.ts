// The console as HTTP: its page at /console under the same Content-Security-Policy as
// the explorer, its bundled files cached by content hash and gzipped, on in
// production too, off with CONSOLE=false.
import { startTestGateway, type TestGateway } from '../support/testGateway';

let gw: TestGateway;
let origin: string;
beforeAll(async () => {
  gw = await startTestGateway();
  origin = new URL(gw.url).origin;
});
afterAll(() => gw.close());

function configOf(html: string) {
  const json = /<script type="application\/json" id="console-config">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json!);
}

const assetsOf = (html: string) => [...html.matchAll(/"(\/console\/assets\/console-[^"]+)"/g)].map((m) => m[1]);

test('/console is a page that loads nothing from elsewhere, names the GraphQL path, and offers no logins without demo mode', async () => {
  const response = await fetch(`${origin}/console`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  const html = await response.text();
  expect(configOf(html)).toEqual({ endpoint: '/graphql', demo: null });
  expect(assetsOf(html).map((url) => url.split('.').pop()).sort()).toEqual(['css', 'js']);
});

test('its bundled files are cached for a year and gzipped when accepted; others are not served', async () => {
  for (const url of assetsOf(await (await fetch(`${origin}/console`)).text())) {
    const response = await fetch(`${origin}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip'); // fetch asks for gzip, and unzips
    expect((await response.text()).length).toBeGreaterThan(1000);
  }
  for (const path of ['/console/assets/nope.js', '/console/assets/manifest.json', '/console/assets/..%2Fmanifest.json']) {
    expect((await fetch(`${origin}${path}`)).status).toBe(404);
  }
});

test('with NODE_ENV=production the console is on (it shows only what the API lets each user read), and CONSOLE=false turns it off', async () => {
  const production = await startTestGateway({ env: { NODE_ENV: 'production' } });
  const off = await startTestGateway({ env: { CONSOLE: 'false' } });
  try {
    expect((await fetch(`${new URL(production.url).origin}/console`)).status).toBe(200);
    expect((await fetch(`${new URL(off.url).origin}/console`)).status).toBe(404);
  } finally {
    await off.close();
    await production.close();
  }
});
