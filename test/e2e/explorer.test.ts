// The explorer as HTTP: where it is served, how its files are cached, and that
// production keeps it off unless asked.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startTestGateway, type TestGateway } from '../support/testGateway';

let gw: TestGateway;
let origin: string;
beforeAll(async () => {
  gw = await startTestGateway();
  origin = new URL(gw.url).origin;
});
afterAll(() => gw.close());

const page = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });

function configOf(html: string) {
  const json = /<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json!);
}

test('a browser gets the explorer at /graphql and /graphiql; GraphQL clients still get GraphQL at /graphql', async () => {
  for (const url of [gw.url, `${origin}/graphiql`]) {
    const response = await page(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('/graphiql/assets/app-');
  }
  const query = await fetch(`${gw.url}?query=${encodeURIComponent('{ plans { code } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(((await query.json()) as { data: { plans: unknown[] } }).data.plans).toHaveLength(4);
});

test('the page names the GraphQL path and the bundled workers; without demo mode it offers no logins', async () => {
  const config = configOf(await (await page(gw.url)).text());
  expect(config.endpoint).toBe('/graphql');
  expect(Object.keys(config.workers).sort()).toEqual(['editor', 'graphql', 'json']);
  expect(config.demo).toBeNull();
});

test('bundled files are cached for a year by content hash, gzipped when accepted, and 304 when unchanged', async () => {
  const { workers } = configOf(await (await page(gw.url)).text());
  const url = `${origin}${workers.graphql}`;
  const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await plain.arrayBuffer());
  expect(plain.status).toBe(200);
  expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(plain.headers.get('content-type')).toContain('text/javascript');
  const etag = plain.headers.get('etag')!;

  // fetch() would unzip by itself; node:http hands over the bytes as sent.
  const zipped = await new Promise<Buffer>((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
  expect(zipped.length).toBeLessThan(body.length);
  expect(gunzipSync(zipped).equals(body)).toBe(true);

  const again = await fetch(url, { headers: { 'if-none-match': etag } });
  expect(again.status).toBe(304);
});

test.each(['/graphiql/assets/nope.js', '/graphiql/assets/..%2Fmanifest.json', '/graphiql/assets/manifest.json', '/graphiql/assets/%E0%A4%A'])('%s is not served', async (path) => {
  expect((await fetch(`${origin}${path}`)).status).toBe(404);
});

test('with NODE_ENV=production the explorer is off, unless GRAPHIQL=true', async () => {
  const off = await startTestGateway({ env: { NODE_ENV: 'production' } });
  const on = await startTestGateway({ env: { NODE_ENV: 'production', GRAPHIQL: 'true' } });
  try {
    expect((await page(`${new URL(off.url).origin}/graphiql`)).status).toBe(404);
    expect((await page(off.url)).headers.get('content-type')).not.toContain('text/html');
    expect((await page(`${new URL(on.url).origin}/graphiql`)).status).toBe(200);
    expect(configOf(await (await page(on.url)).text()).demo).toBeNull();
  } finally {
    await Promise.all([off.close(), on.close()]);
  }
});
