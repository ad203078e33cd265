// Bundles the browser apps the gateway serves: the GraphiQL explorer (explorer/src)
// and Monaco's web workers into dist/explorer, the operator console (console/src)
// into dist/console; each with content-hashed names, a manifest saying which file
// is which, and a gzip copy of each text file so the gateway never compresses per
// request. Part of `npm run build`.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'explorer');
const consoleDir = path.join(root, 'dist', 'console');
const started = Date.now();

const workers = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

for (const dir of [outdir, consoleDir]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

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

const [consoleApp, app, ...workerBuilds] = await Promise.all([
  build({ ...common, outdir: consoleDir, entryPoints: { console: 'console/src/main.tsx' }, format: 'esm', entryNames: '[name]-[hash]' }),
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
const consoleFiles = outputsOf(consoleApp);
const consoleManifest = { js: consoleFiles.find((f) => f.endsWith('.js')), css: consoleFiles.find((f) => f.endsWith('.css')) };
writeFileSync(path.join(consoleDir, 'manifest.json'), `${JSON.stringify(consoleManifest, null, 2)}\n`);

/** Writes a gzip copy of each text file of `dir`; returns the bytes before and after. */
function gzipCopies(dir) {
  let bytes = 0;
  let gzipped = 0;
  for (const file of readdirSync(dir)) {
    if (!/\.(js|css|ttf|svg)$/.test(file)) continue;
    const content = readFileSync(path.join(dir, file));
    const packed = gzipSync(content, { level: 9 });
    writeFileSync(path.join(dir, `${file}.gz`), packed);
    bytes += content.length;
    gzipped += packed.length;
  }
  return { bytes, gzipped };
}
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
for (const [name, dir] of [['explorer', outdir], ['console', consoleDir]]) {
  const { bytes, gzipped } = gzipCopies(dir);
  console.log(`${name}: bundled ${mb(bytes)} (${mb(gzipped)} gzipped) into dist/${name} in ${Date.now() - started} ms`);
}
