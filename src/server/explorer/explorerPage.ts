// The HTML page that boots the explorer: links to the bundled files and the page's
// settings as JSON. Its Content-Security-Policy lets the browser load nothing from
// anywhere but this gateway.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoLogins } from '../../demo/demoData';
import type { ExplorerBuild } from './explorerAssets';
import type { DemoLogin, ExplorerPageConfig } from './pageConfig';

export interface ExplorerPageOptions {
  build: ExplorerBuild | null;
  /** Where the bundled files are served, ending in "/". */
  assetsPath: string;
  endpoint: string;
  demo: boolean;
}

/** The demo's logins, for one-click sign-in (demo mode only). */
export function demoLoginList(): DemoLogin[] {
  const first = DEMO_TENANTS[0].slug;
  return [
    ...DEMO_TENANTS.flatMap((t) => {
      const { owner, member, viewer } = demoLogins(t.slug);
      return [
        { email: owner, label: `OWNER of ${t.slug} (${t.isolation} isolation)`, tenant: t.slug },
        { email: member, label: `MEMBER of ${t.slug}`, tenant: t.slug },
        { email: viewer, label: `VIEWER of ${t.slug}: reads only`, tenant: t.slug },
      ];
    }),
    { email: PLATFORM_ADMIN_EMAIL, label: `platform admin: every tenant (headers name ${first})`, tenant: first },
  ];
}

// JSON inside <script> must not be able to close the element.
export const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const HOST = /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/;

function contentSecurityPolicy(host: string | undefined): string {
  // Some browsers do not count ws(s) to the page's own host as 'self': name it.
  const sockets = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Monaco positions its widgets with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "worker-src 'self'",
    `connect-src 'self'${sockets}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function notBuilt(res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('The GraphiQL explorer has not been built: run `npm run build`. GraphQL itself is served at POST /graphql.\n');
}

export function explorerPage(options: ExplorerPageOptions) {
  const { build, assetsPath } = options;
  if (!build) return (_req: IncomingMessage, res: ServerResponse) => notBuilt(res);
  const asset = (file: string) => `${assetsPath}${file}`;
  const config: ExplorerPageConfig = {
    endpoint: options.endpoint,
    workers: Object.fromEntries(Object.entries(build.manifest.workers).map(([label, file]) => [label, asset(file)])),
    exampleTenant: options.demo ? DEMO_TENANTS[0].slug : '<tenant slug>',
    demo: options.demo ? { password: DEMO_PASSWORD, logins: demoLoginList() } : null,
  };
  return htmlPage(bundlePage({ title: 'GraphiQL', css: asset(build.manifest.css), js: asset(build.manifest.js), id: 'explorer', config }));
}

/** The page of a bundled app (the explorer, the console): its files, an element `id` it mounts on, and its settings as JSON in `<id>-config`. */
export function bundlePage(page: { title: string; css: string; js: string; id: string; config: unknown }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tenantgraph · ${page.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${page.css}">
<script type="module" src="${page.js}"></script>
</head>
<body>
<div id="${page.id}"></div>
<script type="application/json" id="${page.id}-config">${scriptSafeJson(page.config)}</script>
</body>
</html>
`;
}

/** Answers with `html`, under the policy that lets it load nothing from elsewhere. */
export function htmlPage(html: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy(req.headers.host),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  };
}
