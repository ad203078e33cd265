#!/usr/bin/env node
// A deployment of this project with tenant models of its own, built as its users build
// one: a copy of the project's sources (what git tracks or would track; node_modules
// linked, not copied) with model files in tenant-models/ and, optionally, edits of other
// files (a column added to a built-in module), then the two commands of
// docs/own-model.md, each timed:
//   npm run migration:create -- tenant <name>    (connects to DATABASE_URL's PostgreSQL)
//   npm run build
// The folder it leaves runs a gateway (`node dist/src/main.js`), the db command and the
// bench, with the deployment's graph. Tests and the bench share one build: a deployment
// is kept under the system's temporary folder, per project and name, and built again
// only when the project's sources, the models or the edits change; a lock file makes
// concurrent callers (jest's workers) wait for one build.
//
// Used by tests (test/support/deployments.ts) and the bench, and from a shell:
//   node scripts/build-deployment.cjs <name> <model file or folder>... [--fresh]
// prints the folder and the two commands' times. --fresh builds anew and runs
// `npm run build` in full; without it, the project's own dist/ seeds the build
// (TypeScript compiles incrementally from it, and the explorer's bundle, which no model
// changes, is kept).
'use strict';

const { execFile, execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
/** A build that takes longer has hung: a command, or a wait for another process's build. */
const BUILD_TIMEOUT_MS = 10 * 60_000;
const STAMP = '.deployment.json';

/** The project's source files, relative: tracked, or new and not ignored (a change not yet committed is part of it). */
function sourceFiles() {
  const listed = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((file) => existsSync(path.join(root, file)) && statSync(path.join(root, file)).isFile()).sort();
}

/** The model files of `paths` (files, or folders of *.prisma files), as name -> text. */
function modelFiles(paths) {
  const files = new Map();
  for (const given of paths) {
    const at = path.resolve(root, given);
    const names = statSync(at).isDirectory() ? readdirSync(at).filter((name) => name.endsWith('.prisma')).sort().map((name) => path.join(at, name)) : [at];
    for (const file of names) {
      const name = path.basename(file);
      if (files.has(name)) throw new Error(`two model files are named ${name}`);
      files.set(name, readFileSync(file, 'utf8'));
    }
  }
  return files;
}

/** What the deployment is built from: every byte that can change its build. */
function fingerprint(sources, models, edits) {
  const hash = createHash('sha256');
  for (const file of sources) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  for (const [name, text] of models) hash.update(`model ${name}\0${text}\0`);
  hash.update(JSON.stringify(edits));
  return hash.digest('hex');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs `work` holding `lockFile` (made with O_EXCL, holding the pid); a lock whose process is gone is taken over. */
async function withLock(lockFile, work) {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8') || NaN);
      // An empty file: its maker has not written its pid yet.
      if (Number.isInteger(holder) && !isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockFile} is held by process ${holder} for more than ${BUILD_TIMEOUT_MS / 60_000} minutes`);
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/** Runs a command in `cwd`; its output goes into the error when it fails. Resolves with the seconds it took. */
function timed(cwd, command, args, env) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}${stderr}`));
      else resolve((performance.now() - started) / 1000);
    });
  });
}

function git(cwd, ...args) {
  execFileSync('git', ['-C', cwd, ...args], { stdio: 'ignore' });
}

/** Copies the sources, commits them (migration:create diffs against the committed schema), then adds the models and edits. */
function writeSources(dir, sources, models, edits, seedDist) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of sources) cpSync(path.join(root, file), path.join(dir, file), { preserveTimestamps: true });
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'));
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=deployment', '-c', 'user.email=deployment@localhost', 'commit', '-q', '--no-verify', '-m', 'the project as copied');
  for (const [name, text] of models) writeFileSync(path.join(dir, 'tenant-models', name), text);
  for (const { file, replace: [search, replacement] } of edits) {
    const at = path.join(dir, file);
    const text = readFileSync(at, 'utf8');
    if (!text.includes(search)) throw new Error(`${file} has no "${search}" to replace`);
    writeFileSync(at, text.replace(search, replacement));
  }
  if (seedDist && existsSync(path.join(root, 'dist'))) cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true, preserveTimestamps: true });
}

/**
 * The deployment `name`: this project with the tenant models `models` (files or folders
 * of *.prisma) and `edits` ({ file, replace: [search, replacement] }, the first match),
 * built; from the cache when nothing changed since it was last built. `databaseUrl` is
 * the PostgreSQL migration:create connects to (default DATABASE_URL, TEST_DATABASE_URL).
 */
async function buildDeployment({ name, models = [], edits = [], databaseUrl, fresh = false }) {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`a deployment's name is a-z, 0-9 and "-": ${name}`);
  const sources = sourceFiles();
  const files = modelFiles(models);
  const key = fingerprint(sources, files, edits);
  const home = path.join(os.tmpdir(), 'tenantgraph-deployments', createHash('sha256').update(root).digest('hex').slice(0, 12));
  mkdirSync(home, { recursive: true });
  const dir = path.join(home, name);
  const stampFile = path.join(dir, STAMP);
  const built = () => (existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null);
  const cached = built();
  if (!fresh && cached?.key === key) return { dir, ...cached.times, cached: true };

  return withLock(path.join(home, `${name}.lock`), async () => {
    const meanwhile = built();
    if (!fresh && meanwhile?.key === key) return { dir, ...meanwhile.times, cached: true };
    writeSources(dir, sources, files, edits, !fresh);
    const env = { ...process.env, DATABASE_URL: databaseUrl ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' };
    for (const setting of ['TENANT_MODELS_DIR', 'TENANT_MODULES', 'TENANTGRAPH_PRISMA_DIR']) delete env[setting];
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const migrationSeconds = await timed(dir, npm, ['run', '--silent', 'migration:create', '--', 'tenant', name.replace(/-/g, '_')], env);
    let buildSeconds;
    if (fresh || !existsSync(path.join(dir, 'dist/explorer'))) buildSeconds = await timed(dir, npm, ['run', '--silent', 'build'], env);
    else buildSeconds = (await timed(dir, npm, ['run', '--silent', 'generate'], env)) + (await timed(dir, process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.build.json'], env));
    const times = { migrationSeconds, buildSeconds };
    writeFileSync(stampFile, `${JSON.stringify({ key, times }, null, 2)}\n`);
    return { dir, ...times, cached: false };
  });
}

module.exports = { buildDeployment };

if (require.main === module) {
  const args = process.argv.slice(2);
  const fresh = args.includes('--fresh');
  const [name, ...models] = args.filter((arg) => arg !== '--fresh');
  if (!name || models.length === 0) {
    console.error('usage: node scripts/build-deployment.cjs <name> <model file or folder>... [--fresh]');
    process.exit(2);
  }
  buildDeployment({ name, models, fresh }).then(
    ({ dir, migrationSeconds, buildSeconds, cached }) => {
      console.log(`${dir}${cached ? ' (unchanged: built before)' : ''}\nnpm run migration:create -- tenant ${name.replace(/-/g, '_')}: ${migrationSeconds.toFixed(1)} s\nnpm run build: ${buildSeconds.toFixed(1)} s`);
    },
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
