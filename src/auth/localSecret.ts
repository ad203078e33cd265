// Outside production a missing secret is generated once and kept in the data
// folder, so tokens and encrypted credentials survive a restart of `npm start`.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function localSecret(dataDir: string, name: string, bytes = 32): string {
  const file = path.resolve(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(bytes).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
