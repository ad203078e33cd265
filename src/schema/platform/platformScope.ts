// Which tenants' platform records (usage, audit log, billing) a caller reads: the
// request's tenant, with the action's role (policy.ts); platform admins read every
// tenant's, or one tenant's when they name it.
import type { Action } from '../../auth/policy';
import { authorize, reachesEveryTenant } from '../../auth/policy';
import type { UserPrincipal } from '../../auth/principal';
import { ErrorCode, forbidden, gatewayError } from '../../errors';
import type { GatewayContext } from '../context';

/** The signed-in platform admin, or FORBIDDEN. */
export function requirePlatformAdmin(ctx: GatewayContext): UserPrincipal {
  const user = ctx.requireUser();
  authorize(user, undefined, 'platform.manage');
  return user;
}

/** FORBIDDEN unless the signed-in user may take `action` in the tenant `tenantId` (platform admins in any). */
export async function authorizeInTenant(ctx: GatewayContext, tenantId: string, action: Action): Promise<void> {
  const user = ctx.requireUser();
  authorize(user, reachesEveryTenant(user) ? undefined : await ctx.services.memberships.roleOf(user.userId, tenantId), action);
}

async function tenantIdOf(ctx: GatewayContext, slug: string): Promise<string> {
  const tenant = await ctx.services.registry.find(slug);
  if (!tenant) throw gatewayError(ErrorCode.TENANT_NOT_FOUND, `no tenant "${slug}"`);
  return tenant.id;
}

/**
 * The tenant whose records to show; null for "every tenant" (platform admins who
 * name none, by argument or by the request's tenant).
 */
export async function recordsScope(ctx: GatewayContext, tenantArg: string | null | undefined, action: Action): Promise<string | null> {
  if (reachesEveryTenant(ctx.principal)) {
    const slug = tenantArg ?? ctx.requested.slug;
    return slug ? tenantIdOf(ctx, slug) : null;
  }
  const { tenant } = await ctx.access(action);
  if (tenantArg && tenantArg !== tenant.slug) throw forbidden("only platform admins can read another tenant's records");
  return tenant.id;
}
