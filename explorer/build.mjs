// Bundles the GraphiQL explorer for the gateway to serve: the app (explorer/src)
// and Monaco's web workers, into dist/explorer with content-hashed names, a
// manifest saying which file is which, and a gzip copy of each text file so the
// gateway never compresses per request. Part of `npm run build`.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'explorer');
const started = Date.now();

const workers = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  sourcemap: false,
  outdir,
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  target: ['chrome110', 'firefox110', 'safari16'],
};

const [app, ...workerBuilds] = await Promise.all([
  build({
    ...common,
    entryPoints: { app: 'explorer/src/main.tsx' },
    format: 'esm',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  }),
  ...Object.entries(workers).map(([name, entry]) =>
    build({ ...common, entryPoints: { [`${name}.worker`]: entry }, format: 'iife', entryNames: '[name]-[hash]' }),
  ),
]);

const outputsOf = (result) => Object.keys(result.metafile.outputs).map((file) => path.basename(file));
const appFiles = outputsOf(app);
const manifest = {
  js: appFiles.find((f) => f.startsWith('app-') && f.endsWith('.js')),
  css: appFiles.find((f) => f.startsWith('app-') && f.endsWith('.css')),
  workers: Object.fromEntries(Object.keys(workers).map((name, i) => [name, outputsOf(workerBuilds[i]).find((f) => f.endsWith('.js'))])),
};
writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

let bytes = 0;
let gzipped = 0;
for (const file of readdirSync(outdir)) {
  if (!/\.(js|css|ttf|svg)$/.test(file)) continue;
  const content = readFileSync(path.join(outdir, file));
  const packed = gzipSync(content, { level: 9 });
  writeFileSync(path.join(outdir, `${file}.gz`), packed);
  bytes += content.length;
  gzipped += packed.length;
}
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`explorer: bundled ${mb(bytes)} (${mb(gzipped)} gzipped) into dist/explorer in ${Date.now() - started} ms`);
