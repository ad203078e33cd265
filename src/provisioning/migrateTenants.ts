// migrateTenants: a MIGRATE job for every ACTIVE tenant, queued in one transaction,
// each followed like any other job (provisioningJob, provisioningProgress).
import { authorize } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import type { Services } from '../services';
import { createJob } from './jobs/jobQueue';

export async function migrateTenants(services: Pick<Services, 'config' | 'platform'>, user: UserPrincipal) {
  authorize(user, undefined, 'platform.manage');
  const { maxAttempts } = services.config.jobs;
  return services.platform.$transaction(async (tx) => {
    const tenants = await tx.tenant.findMany({ where: { status: 'ACTIVE' }, include: { plan: true }, orderBy: { slug: 'asc' } });
    const jobs = [];
    for (const tenant of tenants) {
      const job = await createJob(tx, tenant.id, 'MIGRATE', { maxAttempts, message: 'waiting for a worker' });
      jobs.push({ ...job, tenant });
    }
    return jobs;
    // Two statements per tenant: allow for many tenants.
  }, { timeout: 120_000 });
}
