// generated/graphql is what codegen.ts makes from schema.graphql and the operations
// in examples/ and test/: regenerate it with `npm run codegen`. The generator runs
// in a child process (it is ESM, which jest's CommonJS runtime cannot load) and
// hands its output back instead of writing it.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..');

const REGENERATE = `
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
const { config } = await loadCodegenConfig({ configFilePath: 'codegen.ts' });
const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content }))));
`;

test('generated/graphql is up to date with the schema and the operations', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', REGENERATE], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const fresh = new Map((JSON.parse(stdout) as Array<{ filename: string; content: string }>).map((o) => [path.resolve(root, o.filename), o.content]));
  const dir = path.join(root, 'generated', 'graphql');
  const committed = new Map(readdirSync(dir).map((f) => [path.join(dir, f), readFileSync(path.join(dir, f), 'utf8')]));
  expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
  for (const [file, content] of fresh) expect({ file, content: committed.get(file) }).toEqual({ file, content });
}, 120_000);
