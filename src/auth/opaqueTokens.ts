// Opaque tokens (refresh, password reset, invitation): 32 random bytes, handed out once
// (a refresh token's successor is 32 bytes of HMAC instead: tokens.ts). The platform
// keeps only their SHA-256, which is enough for tokens with that much entropy (no
// slow hash needed) and lets a token be looked up by its hash.
import { createHash, randomBytes } from 'node:crypto';

export const hashOpaqueToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function generateOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}
