// Who may do what. Every access decision of the gateway is this table: an action,
// the roles of a tenant that may take it, and whether an API key may. Platform
// admins may take every action, in every tenant. Callers look the caller's role up
// (GatewayContext for the request's tenant, `roleOf` for a named one) and ask here.
import type { MemberRole, Tenant } from '../generated/platform/client';
import { ErrorCode, forbidden, gatewayError } from '../errors';
import type { Principal } from './principal';

export type Action =
  /** A tenant's business data: products, customers, invoices, books, reports. */
  | 'data.read'
  | 'data.write'
  /** What shapes the books: settings, bank accounts, manual journal entries, voiding an invoice. */
  | 'data.configure'
  /** Its usage and audit log. */
  | 'records.read'
  | 'billing.read'
  | 'billing.change'
  | 'apiKeys.manage'
  | 'members.read'
  | 'members.manage'
  /** Granting the OWNER role, or changing or removing an owner. */
  | 'members.owners'
  /** Its provisioning and migration jobs: follow, retry. */
  | 'jobs.follow'
  | 'tenant.archive'
  /** Bringing back an archived tenant, or replacing its data with an export's (and undoing that). */
  | 'tenant.restore'
  /** Archives of its data: export, list, download, delete, upload, the backup policy. */
  | 'data.export'
  | 'domains.manage'
  /** Its webhooks: create, change, delete, rotate secrets, see and redeliver deliveries. */
  | 'webhooks.manage'
  | 'tenant.suspend'
  /** Across tenants: migrate them all, the plan catalogue, manual payments, renewals. */
  | 'platform.manage';

interface Rule {
  /** The roles that may; empty: platform admins only. */
  roles: readonly MemberRole[];
  /** API keys act on tenant data; the rest is for people. */
  apiKeys: boolean;
  /** The refusal, after "only ...". */
  who: string;
  /** Still allowed while the tenant is SUSPENDED (its members can see what they owe). */
  whileSuspended?: true;
}

const EVERYONE: readonly MemberRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];
const WRITERS: readonly MemberRole[] = ['MEMBER', 'ADMIN', 'OWNER'];
const MANAGERS: readonly MemberRole[] = ['ADMIN', 'OWNER'];
const OWNERS: readonly MemberRole[] = ['OWNER'];
const PLATFORM: readonly MemberRole[] = [];

export const RULES: Record<Action, Rule> = {
  'data.read': { roles: EVERYONE, apiKeys: true, who: 'members' },
  'data.write': { roles: WRITERS, apiKeys: true, who: 'members, admins and owners' },
  'data.configure': { roles: MANAGERS, apiKeys: true, who: 'admins and owners' },
  'records.read': { roles: MANAGERS, apiKeys: true, who: 'admins and owners' },
  'billing.read': { roles: MANAGERS, apiKeys: false, who: 'admins and owners', whileSuspended: true },
  'billing.change': { roles: OWNERS, apiKeys: false, who: 'owners' },
  'apiKeys.manage': { roles: MANAGERS, apiKeys: false, who: 'admins and owners' },
  'members.read': { roles: EVERYONE, apiKeys: false, who: 'members' },
  'members.manage': { roles: MANAGERS, apiKeys: false, who: 'admins and owners' },
  'members.owners': { roles: OWNERS, apiKeys: false, who: 'owners' },
  'jobs.follow': { roles: MANAGERS, apiKeys: false, who: 'admins and owners' },
  'tenant.archive': { roles: OWNERS, apiKeys: false, who: 'owners' },
  'tenant.restore': { roles: OWNERS, apiKeys: false, who: 'owners' },
  'data.export': { roles: MANAGERS, apiKeys: false, who: 'admins and owners' },
  'domains.manage': { roles: OWNERS, apiKeys: false, who: 'owners' },
  'webhooks.manage': { roles: MANAGERS, apiKeys: false, who: 'admins and owners' },
  'tenant.suspend': { roles: PLATFORM, apiKeys: false, who: 'platform admins' },
  'platform.manage': { roles: PLATFORM, apiKeys: false, who: 'platform admins' },
};

/** Platform admins reach every tenant, member or not: where a caller's tenants are listed or looked up, this says whether all of them are. */
export const reachesEveryTenant = (principal: Principal | null): boolean => principal?.kind === 'user' && principal.platformAdmin;

/** May `principal`, whose role in the tenant concerned is `role` (undefined: none), take `action`? */
export function may(principal: Principal, role: MemberRole | undefined, action: Action): boolean {
  if (reachesEveryTenant(principal)) return true;
  const rule = RULES[action];
  if (principal.kind === 'apiKey' && !rule.apiKeys) return false;
  return role !== undefined && rule.roles.includes(role);
}

/** `may`, or FORBIDDEN naming who may. */
export function authorize(principal: Principal, role: MemberRole | undefined, action: Action): void {
  if (may(principal, role, action)) return;
  const rule = RULES[action];
  const who = rule.roles.length === 0 ? rule.who : `the tenant's ${rule.who}`;
  throw forbidden(principal.kind === 'apiKey' && !rule.apiKeys ? 'an API key cannot do this: sign in as a user' : `only ${who} may do this${role ? ` (your role: ${role})` : ''}`);
}

// A model of the tenant graph may say who reads and writes it, and a column who reads
// it (`/// @access` in its Prisma schema): roles in this order, each with what the
// ones before it may. Without a word, VIEWER reads and MEMBER writes, as data.read
// and data.write.
const RANKED: readonly MemberRole[] = ['VIEWER', 'MEMBER', 'ADMIN', 'OWNER'];

/** Does `role` (platform admins act as OWNER) reach `least`? */
export const reaches = (role: MemberRole, least: MemberRole) => RANKED.indexOf(role) >= RANKED.indexOf(least);

/** `reaches`, or FORBIDDEN naming what and who may. */
export function authorizeRole(role: MemberRole, least: MemberRole, what: string): void {
  if (!reaches(role, least)) throw forbidden(`only ${least === 'OWNER' ? 'owners' : `${least.toLowerCase()}s and above`} may ${what} (your role: ${role})`);
}

/** A SUSPENDED tenant refuses every action but the few a suspension leaves open, with TENANT_SUSPENDED and the reason. */
export function refuseWhileSuspended(tenant: Pick<Tenant, 'slug' | 'status' | 'suspendedReason'>, action: Action): void {
  if (tenant.status !== 'SUSPENDED' || RULES[action].whileSuspended) return;
  const reason = tenant.suspendedReason ?? 'no reason given';
  throw gatewayError(ErrorCode.TENANT_SUSPENDED, `tenant "${tenant.slug}" is suspended: ${reason}`, { reason });
}
