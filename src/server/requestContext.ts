// Turns what a transport knows of a request (its headers, or a WebSocket's
// connection_init payload) into the GatewayContext resolvers use.
import { randomUUID } from 'node:crypto';
import { InvalidTokenError } from '../auth/tokens';
import { unauthenticated } from '../errors';
import { GatewayContext, type Principal } from '../schema/context';
import type { Services } from '../services';
import { requestedTenant } from '../tenancy/requestedTenant';

export interface RequestCredentials {
  authorization?: string | undefined;
  tenant?: string | undefined;
  host?: string | undefined;
  requestId?: string | undefined;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is a sane one, else a new id. */
export const requestIdOf = (header: string | undefined) => (header && REQUEST_ID.test(header) ? header : randomUUID());

/** Throws UNAUTHENTICATED for a token that is present but not valid: a bad token is never treated as none. */
export async function createRequestContext(services: Services, credentials: RequestCredentials): Promise<GatewayContext> {
  const requestId = requestIdOf(credentials.requestId);
  let principal: Principal | null = null;
  let claimedTenant: string | undefined;
  if (credentials.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(credentials.authorization.trim());
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    try {
      const claims = await services.tokens.verify(match[1]);
      principal = { kind: 'user', userId: claims.userId, email: claims.email, platformAdmin: claims.platformAdmin };
      claimedTenant = claims.tenant;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw unauthenticated(`${error.message}: sign in again`);
      throw error;
    }
  }
  const requested = requestedTenant(
    { header: credentials.tenant, host: credentials.host, claim: claimedTenant },
    services.config.baseDomain,
  );
  return new GatewayContext(services, requestId, principal, requested);
}
