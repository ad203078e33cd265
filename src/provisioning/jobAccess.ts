// Who may follow and manage a tenant's jobs: its OWNERs and ADMINs, and platform admins.
// To anyone outside the tenant its job is as missing as an id that was never a job's:
// no existence oracle.
import { authorize, reachesEveryTenant } from '../auth/policy';
import { notFound } from '../errors';
import type { MemberRole, ProvisioningJob } from '../generated/platform/client';
import type { UserPrincipal } from '../auth/principal';
import { parseId } from '../ids';
import type { Services } from '../services';

const missingJob = () => notFound('provisioning job');

/** NOT_FOUND to someone with no role in the job's tenant (`role`), FORBIDDEN to a member who may not follow its jobs. */
export function assertFollowsJobs(user: UserPrincipal, role: MemberRole | undefined): void {
  if (!role && !reachesEveryTenant(user)) throw missingJob();
  authorize(user, role, 'jobs.follow');
}

/** The job with this id, when `user` may see it. */
export async function jobForManager(services: Pick<Services, 'platform' | 'memberships'>, user: UserPrincipal, jobId: string): Promise<ProvisioningJob> {
  const job = await services.platform.provisioningJob.findUnique({ where: { id: parseId(jobId, 'jobId') } });
  if (!job) throw missingJob();
  assertFollowsJobs(user, reachesEveryTenant(user) ? undefined : await services.memberships.roleOf(user.userId, job.tenantId));
  return job;
}
