// What people do with a tenant's archives through the API: export it, list them,
// delete one, and reach one to restore from. The tenant's OWNERs and ADMINs and
// platform admins may (data.export); to anyone else a tenant's archive is as missing
// as an id that never was one. An upload that belongs to no tenant is platform admins' only.
import { authorize, reachesEveryTenant } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { badInput, notFound } from '../errors';
import type { TenantExport } from '../generated/platform/client';
import { parseId } from '../ids';
import type { Services } from '../services';
import { namedTenant } from '../provisioning/namedTenant';
import { deleteArchive } from './deleteArchive';
import { queueExport } from './queueExport';

type AccessServices = Pick<Services, 'platform' | 'memberships'>;

const missingExport = () => notFound('tenant export');

export async function exportTenant(services: AccessServices & Pick<Services, 'config'>, user: UserPrincipal, slug: string) {
  const { tenant, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'data.export');
  return services.platform.$transaction((tx) => queueExport(tx, services, tenant.id, 'REQUESTED'));
}

/** The tenant's archives, newest first; deleted ones only when asked. */
export async function tenantExports(services: AccessServices, user: UserPrincipal, slug: string, includeDeleted: boolean) {
  const { tenant, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'data.export');
  return services.platform.tenantExport.findMany({
    where: { tenantId: tenant.id, ...(includeDeleted ? {} : { status: { not: 'DELETED' } }) },
    orderBy: { createdAt: 'desc' },
    include: { job: true },
  });
}

/** The export with this id, when `user` may read the tenant it belongs to. */
export async function exportForManager(services: AccessServices, user: UserPrincipal, id: string): Promise<TenantExport> {
  const row = await services.platform.tenantExport.findUnique({ where: { id: parseId(id, 'id') } });
  if (!row) throw missingExport();
  if (reachesEveryTenant(user)) return row;
  const role = row.tenantId ? await services.memberships.roleOf(user.userId, row.tenantId) : undefined;
  if (!role) throw missingExport();
  authorize(user, role, 'data.export');
  return row;
}

/** The export `field` names to restore from: one `user` may read, READY. */
export async function restorableExport(services: AccessServices, user: UserPrincipal, id: string, field: string): Promise<TenantExport> {
  const row = await exportForManager(services, user, id);
  if (row.status !== 'READY') throw badInput(`export ${row.id} is ${row.status.toLowerCase()}: only a READY export can be restored`, { field });
  return row;
}

export async function deleteTenantExport(services: AccessServices & Pick<Services, 'archives' | 'log'>, user: UserPrincipal, id: string) {
  const row = await exportForManager(services, user, id);
  if (row.status === 'DELETED') return row;
  return deleteArchive(services, row);
}

/**
 * When a customer of the tenant was last erased (null: never). An archive taken before
 * then still holds their personal data, and an operator should delete it.
 */
export async function lastErasureOf(services: Pick<Services, 'platform'>, tenantId: string): Promise<Date | null> {
  const erasure = await services.platform.auditLog.findFirst({ where: { tenantId, action: 'eraseCustomer' }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  return erasure?.createdAt ?? null;
}
