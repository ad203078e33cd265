// Access tokens: HS256 JWTs. The claims say who the caller is and, optionally, the
// tenant the token was issued for; roles are not in the token but looked up per
// tenant, so removing a member takes effect without waiting for tokens to expire.
// jose is ESM-only and this module is CommonJS: load it once, the ESM way.
const jose = import('jose');

export interface TokenClaims {
  userId: string;
  email: string;
  platformAdmin: boolean;
  /** Tenant slug the token is bound to, if it was issued for one. */
  tenant?: string;
}

export class InvalidTokenError extends Error {}

const ISSUER = 'tenantgraph';

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: TokenClaims): Promise<string> {
    const { SignJWT } = await jose;
    return new SignJWT({ email: claims.email, adm: claims.platformAdmin, ...(claims.tenant ? { tenant: claims.tenant } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    const { jwtVerify, errors } = await jose;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string') throw new InvalidTokenError('malformed token');
      return {
        userId: payload.sub,
        email: payload.email,
        platformAdmin: payload.adm === true,
        ...(typeof payload.tenant === 'string' ? { tenant: payload.tenant } : {}),
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('token expired');
      throw new InvalidTokenError('invalid token');
    }
  }
}
