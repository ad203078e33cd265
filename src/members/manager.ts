// Who is managing a tenant's people: a signed-in person, the tenant, and their role
// there (platform admins act as OWNER), as the request context granted them.
import type { UserPrincipal } from '../auth/principal';
import type { MemberRole } from '../generated/platform/client';
import type { TenantRecord } from '../tenancy/tenantRegistry';

export interface Manager {
  principal: UserPrincipal;
  tenant: TenantRecord;
  role: MemberRole;
}
