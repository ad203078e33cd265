// Who may follow and manage a tenant's jobs: its OWNERs and ADMINs, and platform admins.
import { authorize, reachesEveryTenant } from '../auth/policy';
import { notFound } from '../errors';
import type { ProvisioningJob } from '../generated/platform/client';
import type { UserPrincipal } from '../auth/principal';
import { parseId } from '../ids';
import type { Services } from '../services';

async function assertFollowsJobs(services: Services, user: UserPrincipal, tenantId: string): Promise<void> {
  authorize(user, reachesEveryTenant(user) ? undefined : await services.memberships.roleOf(user.userId, tenantId), 'jobs.follow');
}

/** The job with this id, when `user` may see it. */
export async function jobForManager(services: Services, user: UserPrincipal, jobId: string): Promise<ProvisioningJob> {
  const job = await services.platform.provisioningJob.findUnique({ where: { id: parseId(jobId, 'jobId') } });
  if (!job) throw notFound('provisioning job');
  await assertFollowsJobs(services, user, job.tenantId);
  return job;
}
