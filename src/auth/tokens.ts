// Access tokens: HS256 JWTs, short-lived (ACCESS_TOKEN_TTL). The claims say who the
// caller is, the session the token belongs to (`sid`: a logout ends its tokens, see
// sessionVerifier.ts) and, optionally, the tenant the token was issued for; roles are
// not in the token but looked up per tenant, so removing a member takes effect
// without waiting for tokens to expire. A token without `sid` (issued before
// sessions existed) is refused: it could not be revoked.
//
// The same key derives each refresh token's successor (sessions.ts), so only the
// gateway can compute it.
import { webcrypto } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { hashOpaqueToken } from './opaqueTokens';

// jose is ESM-only and this module is CommonJS: load it once, the ESM way.
const jose = import('jose');

export interface TokenClaims {
  userId: string;
  email: string;
  platformAdmin: boolean;
  /** The session (sessions.ts) the token was issued for. */
  sessionId: string;
  /** Tenant slug the token is bound to, if it was issued for one. */
  tenant?: string;
}

export class InvalidTokenError extends Error {}

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

const ISSUER = 'tenantgraph';
/** Keeps successor MACs apart from JWT signatures made with the same key. */
const SUCCESSOR_PURPOSE = 'tenantgraph refresh successor\n';

export class TokenService {
  // Imported once: handing jose raw bytes would re-import the key on every call.
  private readonly key: Promise<webcrypto.CryptoKey>;
  // A token's claims cannot change, so a verified token is remembered until it expires:
  // clients send the same token on every request, and verifying costs more than serving.
  private readonly verified = new LRUCache<string, TokenClaims>({ max: 10_000 });
  /** User id -> why that user's tokens are refused, however valid they are. */
  private readonly refused = new Map<string, string>();

  constructor(
    secret: string,
    private readonly ttlMs: number,
  ) {
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  /**
   * From now on tokens of these users are refused with `reason`, those already issued
   * included: a token carries its claims, so only the verifier can stop one early.
   */
  refuse(userIds: Iterable<string>, reason: string): void {
    for (const id of userIds) this.refused.set(id, reason);
  }

  /** Why the user may not have a token, if they may not. */
  refusalOf(userId: string): string | undefined {
    return this.refused.get(userId);
  }

  async sign(claims: TokenClaims): Promise<SignedToken> {
    const { SignJWT } = await jose;
    const now = Math.floor(Date.now() / 1000);
    const exp = now + Math.round(this.ttlMs / 1000);
    const token = await new SignJWT({ email: claims.email, adm: claims.platformAdmin, sid: claims.sessionId, ...(claims.tenant ? { tenant: claims.tenant } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(await this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The refresh token that replaces `refreshToken`: an HMAC of it, not a random one, so
   * that every refresh of one token (two tabs at once, on any gateway process) hands
   * out the same successor, while no one without the key can compute it.
   */
  async refreshSuccessor(refreshToken: string): Promise<{ token: string; hash: string }> {
    const mac = await webcrypto.subtle.sign('HMAC', await this.key, new TextEncoder().encode(`${SUCCESSOR_PURPOSE}${refreshToken}`));
    const token = Buffer.from(mac).toString('base64url');
    return { token, hash: hashOpaqueToken(token) };
  }

  async verify(token: string): Promise<TokenClaims> {
    const claims = await this.claimsOf(token);
    const refusal = this.refused.get(claims.userId);
    if (refusal) throw new InvalidTokenError(refusal);
    return claims;
  }

  private async claimsOf(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known) return known;
    const { jwtVerify, errors } = await jose;
    try {
      const { payload } = await jwtVerify(token, await this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string' || typeof payload.exp !== 'number') {
        throw new InvalidTokenError('malformed token');
      }
      if (typeof payload.sid !== 'string') throw new InvalidTokenError('token without a session');
      const claims: TokenClaims = {
        userId: payload.sub,
        email: payload.email,
        platformAdmin: payload.adm === true,
        sessionId: payload.sid,
        ...(typeof payload.tenant === 'string' ? { tenant: payload.tenant } : {}),
      };
      this.verified.set(token, claims, { ttl: payload.exp * 1000 - Date.now() });
      return claims;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('token expired');
      throw new InvalidTokenError('invalid token');
    }
  }
}
