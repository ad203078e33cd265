// The token that accepts an invitation: 32 random bytes, shown once (in the answer to
// inviteMember and in the mail). The platform keeps its SHA-256 only; a random token
// of this length needs no slow hash.
import { createHash, randomBytes } from 'node:crypto';

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInvitationToken(token) };
}
