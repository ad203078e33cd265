// The format of ENCRYPTION_KEY, the key that seals secrets kept at rest
// (auth/secretBox.ts): 32 bytes, written as hex or base64. Config checks it as it
// reads the environment, so it lives below both.

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
