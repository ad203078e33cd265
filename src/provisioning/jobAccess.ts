// Who may follow and manage a tenant's jobs: its OWNERs and ADMINs, and platform admins.
import { allows } from '../auth/roles';
import { forbidden, notFound } from '../errors';
import type { ProvisioningJob } from '../generated/platform/client';
import type { UserPrincipal } from '../schema/context';
import { parseId } from '../schema/ids';
import type { Services } from '../services';

export async function assertManagesTenant(services: Services, user: UserPrincipal, tenantId: string, what: string): Promise<void> {
  if (user.platformAdmin) return;
  const role = await services.memberships.roleOf(user.userId, tenantId);
  if (!role || !allows(role, 'admin')) throw forbidden(`only the tenant's owners and admins may ${what}`);
}

/** The job with this id, when `user` may see it. */
export async function jobForManager(services: Services, user: UserPrincipal, jobId: string): Promise<ProvisioningJob> {
  const job = await services.platform.provisioningJob.findUnique({ where: { id: parseId(jobId, 'jobId') } });
  if (!job) throw notFound('provisioning job');
  await assertManagesTenant(services, user, job.tenantId, 'follow its jobs');
  return job;
}
