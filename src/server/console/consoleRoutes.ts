// The operator console: its page at /console, its bundled files (dist/console, made
// by `npm run build` beside the explorer's) under /console/assets/. On in production
// too (CONSOLE): it is static files, and shows each user only what the API lets them read.
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_PASSWORD } from '../../demo/demoData';
import { projectRoot } from '../../projectRoot';
import type { RouteHandler } from '../httpServer';
import { loadBundle, serveExplorerAssets } from '../explorer/explorerAssets';
import { bundlePage, demoLoginList, htmlPage } from '../explorer/explorerPage';
import type { ConsoleManifest, ConsolePageConfig } from './consoleConfig';

export const CONSOLE_PATH = '/console';
export const CONSOLE_ASSETS = '/console/assets/';
const defaultConsoleDir = path.join(projectRoot, 'dist', 'console');

function notBuilt(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('The console has not been built: run `npm run build`.\n');
}

export function consoleRoutes(options: { demo: boolean; endpoint: string; dir?: string }): Record<string, RouteHandler> {
  const build = loadBundle<ConsoleManifest>(options.dir ?? defaultConsoleDir);
  if (!build) return { [CONSOLE_PATH]: notBuilt };
  const config: ConsolePageConfig = {
    endpoint: options.endpoint,
    demo: options.demo ? { password: DEMO_PASSWORD, logins: demoLoginList() } : null,
  };
  const html = bundlePage({ title: 'console', css: `${CONSOLE_ASSETS}${build.manifest.css}`, js: `${CONSOLE_ASSETS}${build.manifest.js}`, id: 'console', config });
  return { [CONSOLE_PATH]: htmlPage(html), [CONSOLE_ASSETS]: serveExplorerAssets(build, CONSOLE_ASSETS) };
}
