// Turns what a transport knows of a request (its headers, or a WebSocket's
// connection_init payload) into the GatewayContext resolvers use. Two credentials
// exist: a user's JWT (`Authorization: Bearer`) and a tenant's API key
// (`Authorization: ApiKey`, or `X-Api-Key`).
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { InvalidTokenError } from '../auth/tokens';
import { ErrorCode, forbidden, gatewayError, unauthenticated } from '../errors';
import type { Principal } from '../auth/principal';
import { GatewayContext } from '../schema/context';
import type { Services } from '../services';
import { hostnameOf, isDomainName, isUnder } from '../tenancy/hostnames';
import { requestedTenant } from '../tenancy/requestedTenant';

export interface RequestCredentials {
  authorization?: string | undefined;
  /** The X-Api-Key header: the same as `Authorization: ApiKey <key>`. */
  apiKey?: string | undefined;
  tenant?: string | undefined;
  host?: string | undefined;
  requestId?: string | undefined;
  /** The User-Agent header: what `sessions` shows of the device a login came from. */
  userAgent?: string | undefined;
  /**
   * Whether the operation only signs in (signInOperations.ts): then a bearer token that
   * is refused is ignored instead. Asked only then, since answering parses the operation.
   */
  signsIn?: () => boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is a sane one, else a new id. */
export const requestIdOf = (header: string | undefined) => (header && REQUEST_ID.test(header) ? header : randomUUID());

interface Authenticated {
  principal: Principal | null;
  /** The tenant the credential is bound to: a token's tenant claim, an API key's tenant. */
  claimedTenant?: string;
}

async function fromToken(services: Services, token: string): Promise<Authenticated> {
  let claims;
  try {
    claims = await services.tokens.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(`${error.message}: sign in again`);
    throw error;
  }
  if (!(await services.sessions.isActive(claims.sessionId, claims.userId))) throw unauthenticated('session ended: sign in again');
  return {
    principal: { kind: 'user', userId: claims.userId, email: claims.email, platformAdmin: claims.platformAdmin, sessionId: claims.sessionId },
    claimedTenant: claims.tenant,
  };
}

async function fromApiKey(services: Services, key: string): Promise<Authenticated> {
  const verified = await services.apiKeys.verify(key);
  if (!verified) throw unauthenticated('invalid or revoked API key');
  return {
    principal: { kind: 'apiKey', keyId: verified.id, tenantId: verified.tenantId, role: verified.role, label: `${verified.prefix}… (${verified.name})` },
    // The key's tenant is the request's tenant: a different X-Tenant is a conflict (createRequestContext).
    claimedTenant: verified.tenantSlug,
  };
}

async function authenticate(services: Services, { authorization, apiKey, signsIn }: RequestCredentials): Promise<Authenticated> {
  if (authorization && apiKey) throw unauthenticated('send one credential: Authorization or X-Api-Key, not both');
  if (apiKey) return fromApiKey(services, apiKey.trim());
  if (!authorization) return { principal: null };
  const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>" or "ApiKey <key>"');
  if (match[1].toLowerCase() !== 'bearer') return fromApiKey(services, match[2]);
  try {
    return await fromToken(services, match[2]);
  } catch (error) {
    const refused = error instanceof GraphQLError && error.extensions.code === ErrorCode.UNAUTHENTICATED;
    if (refused && signsIn?.()) return { principal: null };
    throw error;
  }
}

/** The tenant whose own domain the request's Host is; names under BASE_DOMAIN (and localhost, IPs) are never looked up. */
async function domainTenant(services: Services, host: string | undefined): Promise<string | undefined> {
  const hostname = hostnameOf(host);
  if (!hostname || !isDomainName(hostname)) return undefined;
  const { baseDomain } = services.config;
  if (baseDomain && isUnder(hostname, baseDomain)) return undefined;
  try {
    return await services.domains.slugOf(hostname);
  } catch (error) {
    services.log.warn({ err: error, host: hostname }, 'looking up a custom domain failed');
    throw gatewayError(ErrorCode.DATABASE_UNAVAILABLE, 'the tenant of this host name cannot be looked up right now: try again');
  }
}

/**
 * Throws UNAUTHENTICATED for a credential that is present but not valid (a bad one is
 * never treated as none), and FORBIDDEN when the request's tenant sources disagree:
 * such a request is refused whole, before anything of it runs.
 */
export async function createRequestContext(services: Services, credentials: RequestCredentials): Promise<GatewayContext> {
  const requestId = requestIdOf(credentials.requestId);
  const [{ principal, claimedTenant }, domain] = await Promise.all([authenticate(services, credentials), domainTenant(services, credentials.host)]);
  const requested = requestedTenant(
    { header: credentials.tenant, host: credentials.host, domain, claim: claimedTenant },
    services.config.baseDomain,
  );
  if (requested.conflict) throw forbidden(`conflicting tenants: ${requested.conflict}`);
  return new GatewayContext(services, requestId, principal, requested, credentials.userAgent);
}
