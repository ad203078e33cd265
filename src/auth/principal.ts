// Who is calling: a signed-in person, or a tenant's API key. Every layer that acts
// for a caller (resolvers, provisioning, audit) takes one of these; the policy
// (policy.ts) decides what it may do.
import type { MemberRole } from '../generated/platform/client';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  platformAdmin: boolean;
  /** The session whose access token the request carries. */
  sessionId: string;
}

/** A tenant's API key (server-to-server clients): bound to that one tenant, with the key's role. */
export interface ApiKeyPrincipal {
  kind: 'apiKey';
  keyId: string;
  tenantId: string;
  role: MemberRole;
  /** How the key shows in audit entries: its prefix and name, never the key. */
  label: string;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;
