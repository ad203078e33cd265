// archiveTenant: the tenant stops serving at once, in every gateway process; its
// data is dropped by a DROP job after ARCHIVE_GRACE_SECONDS (until then restoreTenant
// brings it back).
import { authorize } from '../auth/policy';
import { badInput } from '../errors';
import type { UserPrincipal } from '../auth/principal';
import type { Services } from '../services';
import { announceTenantChange } from '../tenancy/tenantChanges';
import { createJob } from './jobs/jobQueue';
import { namedTenant } from './namedTenant';

export async function archiveTenant(services: Pick<Services, 'config' | 'platform' | 'memberships' | 'changes'>, user: UserPrincipal, slug: string) {
  const { platform, config } = services;
  const { tenant, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'tenant.archive');
  if (tenant.status === 'ARCHIVED') throw badInput(`tenant "${slug}" is already archived`, { field: 'slug' });

  const dropAt = new Date(Date.now() + config.archiveGraceMs);
  const result = await platform.$transaction(async (tx) => {
    const archived = await tx.tenant.update({
      where: { id: tenant.id },
      data: { status: 'ARCHIVED', archivedAt: new Date(), archivedFrom: tenant.status },
      include: { plan: true },
    });
    const job = await createJob(tx, tenant.id, 'DROP', {
      maxAttempts: config.jobs.maxAttempts,
      runAt: dropAt,
      message: `the data is kept until ${dropAt.toISOString()}, then dropped`,
    });
    return { tenant: archived, job: { ...job, tenant: archived } };
  });
  await announceTenantChange(services, slug);
  return result;
}
