// docs/configuration.md is what src/config.ts says: regenerate it with
// `npm run build && npm run docs:configuration`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configurationPage } from '../../src/cli/configurationPage';

const committed = readFileSync(path.resolve(__dirname, '../../docs/configuration.md'), 'utf8');

test('docs/configuration.md is up to date', () => {
  expect(committed).toBe(configurationPage());
});
