// suspendTenant and resumeTenant: platform admins stop a tenant serving (its members
// still read their billing) and let it serve again. Every process hears of it at once.
import { authorize } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { badInput } from '../errors';
import type { Services } from '../services';
import { lift, lockTenant, suspend } from '../tenancy/suspension';
import { announceTenantChange } from '../tenancy/tenantChanges';
import { namedTenant } from './namedTenant';

const MAX_REASON = 500;

const withPlan = (services: Pick<Services, 'platform'>, tenantId: string) => services.platform.tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { plan: true } });

export async function suspendTenant(services: Pick<Services, 'platform' | 'memberships' | 'changes'>, user: UserPrincipal, slug: string, reason: string) {
  authorize(user, undefined, 'tenant.suspend');
  const { tenant } = await namedTenant(services, user, slug);
  const why = reason.trim();
  if (!why || why.length > MAX_REASON) throw badInput(`reason must be 1-${MAX_REASON} characters`, { field: 'reason' });
  const suspended = await services.platform.$transaction((tx) => suspend(tx, tenant.id, { cause: 'ADMIN', reason: why }));
  if (!suspended) throw badInput(`only an ACTIVE tenant can be suspended; "${slug}" is ${tenant.status}`, { field: 'slug' });
  await announceTenantChange(services, slug);
  return withPlan(services, tenant.id);
}

export async function resumeTenant(services: Pick<Services, 'platform' | 'memberships' | 'changes'>, user: UserPrincipal, slug: string) {
  authorize(user, undefined, 'tenant.suspend');
  const { tenant } = await namedTenant(services, user, slug);
  // An archived tenant stays archived (and suspended, should it be restored): resuming is for SUSPENDED ones.
  const resumed = await services.platform.$transaction(async (tx) => ((await lockTenant(tx, tenant.id))?.status === 'SUSPENDED' ? lift(tx, tenant.id) : null));
  if (!resumed) throw badInput(`only a SUSPENDED tenant can be resumed; "${slug}" is ${tenant.status}`, { field: 'slug' });
  await announceTenantChange(services, slug);
  return withPlan(services, tenant.id);
}
