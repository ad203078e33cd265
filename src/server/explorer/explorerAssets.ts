// The explorer's bundled files (dist/explorer, made by `npm run build`), and the
// operator console's (dist/console), served from memory. Their names carry a content
// hash, so browsers may keep them for a year; the ETag is the name, and a gzip copy
// made at build time is sent to clients that accept it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { projectRoot } from '../../projectRoot';

export interface ExplorerManifest {
  js: string;
  css: string;
  workers: Record<string, string>;
}

/** A bundled browser app: its folder and the manifest naming its files. */
export interface BundleBuild<M> {
  dir: string;
  manifest: M;
}

export type ExplorerBuild = BundleBuild<ExplorerManifest>;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
};

export const defaultExplorerDir = path.join(projectRoot, 'dist', 'explorer');

/** The app bundled in `dir`, or null when it has not been built there. */
export function loadBundle<M>(dir: string): BundleBuild<M> | null {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  return { dir, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as M };
}

/** The explorer's build in `dir`, or null when the explorer has not been built there. */
export const loadExplorerBuild = (dir = defaultExplorerDir): ExplorerBuild | null => loadBundle<ExplorerManifest>(dir);

interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
}

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

function decodedName(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined; // not valid percent-encoding: no file has that name
  }
}

/** Serves `<prefix><file>` from the build folder; anything else is a 404. */
export function serveExplorerAssets(build: Pick<BundleBuild<unknown>, 'dir'>, prefix: string) {
  const cache = new Map<string, Asset | null>();

  function load(name: string): Asset | null {
    if (cache.has(name)) return cache.get(name)!;
    const type = CONTENT_TYPES[path.extname(name)];
    const file = path.join(build.dir, name);
    let asset: Asset | null = null;
    if (type && SAFE_NAME.test(name) && !name.startsWith('.') && existsSync(file)) {
      asset = { body: readFileSync(file), gzip: existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : null, type };
    }
    cache.set(name, asset);
    return asset;
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    const name = decodedName((req.url ?? '').split('?')[0].slice(prefix.length));
    const asset = name === undefined ? null : load(name);
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const etag = `"${name!}"`;
    const headers: Record<string, string> = {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? asset.gzip! : asset.body;
    res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
