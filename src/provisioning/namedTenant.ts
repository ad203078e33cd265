// The tenant an operation names by slug (archive, restore, suspend), with the caller's
// role there. Someone else's tenant looks exactly like a missing one.
import { reachesEveryTenant } from '../auth/policy';
import type { MemberRole, Tenant } from '../generated/platform/client';
import type { UserPrincipal } from '../auth/principal';
import { ErrorCode, gatewayError } from '../errors';
import type { Services } from '../services';

export async function namedTenant(services: Pick<Services, 'platform' | 'memberships'>, user: UserPrincipal, slug: string): Promise<{ tenant: Tenant; role: MemberRole | undefined }> {
  const tenant = await services.platform.tenant.findUnique({ where: { slug } });
  const role = tenant && !reachesEveryTenant(user) ? await services.memberships.roleOf(user.userId, tenant.id) : undefined;
  if (!tenant || (!reachesEveryTenant(user) && !role)) throw gatewayError(ErrorCode.TENANT_NOT_FOUND, `no tenant "${slug}"`);
  return { tenant, role };
}
