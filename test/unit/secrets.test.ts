import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../src/auth/passwords';
import { createSecretBox } from '../../src/auth/secretBox';
import { parseKey } from '../../src/encryptionKey';

test('passwords verify against their hash and nothing else', async () => {
  const hash = await hashPassword('admin123');
  expect(hash).not.toContain('admin123');
  expect(await verifyPassword('admin123', hash)).toBe(true);
  expect(await verifyPassword('admin124', hash)).toBe(false);
  expect(await hashPassword('admin123')).not.toBe(hash); // salted
});

test('sealed secrets open with their key only, and tampering is detected', () => {
  const box = createSecretBox(parseKey(randomBytes(32).toString('hex')));
  const sealed = box.encrypt('postgresql://u:p@db/x');
  expect(sealed).not.toContain('p@db');
  expect(box.decrypt(sealed)).toBe('postgresql://u:p@db/x');
  expect(() => createSecretBox(parseKey(randomBytes(32).toString('base64'))).decrypt(sealed)).toThrow();
  const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
  expect(() => box.decrypt(tampered)).toThrow();
});

test('keys must be 32 bytes', () => {
  expect(() => parseKey('abcd')).toThrow(/32 bytes/);
});
