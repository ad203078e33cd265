// AES-256-GCM for secrets kept at rest (external database URLs). The output is
// `v1.<iv>.<tag>.<ciphertext>` in base64url; tampering makes decryption fail.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export const KEY_RULE = 'must be 32 bytes: 64 hex characters, or base64 (e.g. `openssl rand -base64 32`)';

// Strict shapes: Buffer.from(text, 'base64') skips characters it does not know, so a
// typo could still decode to 32 bytes of something else.
const HEX_KEY = /^[0-9a-f]{64}$/i;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The 32 key bytes, or undefined when `text` is not a key. */
export function decodeKey(text: string): Buffer | undefined {
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex');
  if (BASE64_KEY.test(text)) return Buffer.from(text, 'base64');
  return undefined;
}

export function parseKey(text: string): Buffer {
  const key = decodeKey(text);
  if (!key) throw new Error(`ENCRYPTION_KEY ${KEY_RULE}`);
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !body) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
