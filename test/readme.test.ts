// The README documents every setting the gateway reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { settingDescriptions } from '../src/config';

test('every setting is in the README configuration table', () => {
  const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const missing = Object.keys(settingDescriptions).filter((name) => !readme.includes(`| \`${name}\` |`));
  expect(missing).toEqual([]);
});
