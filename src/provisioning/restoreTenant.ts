// restoreTenant: an archived tenant that was serving serves again while its grace
// period lasts, that is, while its DROP job has not started. The job row decides who wins a race: the
// restore marks it finished only if it is still QUEUED and never tried, and a worker
// claims it only while it is QUEUED or RUNNING (runningJob.ts), so either the drop
// never runs or the restore is refused; the DROP step also re-checks the tenant is
// still ARCHIVED before it drops anything (dropTenant.ts).
import { authorize } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { badInput } from '../errors';
import type { Services } from '../services';
import { lockTenant } from '../tenancy/suspension';
import { announceTenantChange } from '../tenancy/tenantChanges';
import { publishJob } from './jobs/jobEvents';
import { namedTenant } from './namedTenant';

export async function restoreTenant(services: Pick<Services, 'log' | 'platform' | 'memberships' | 'events' | 'changes'>, user: UserPrincipal, slug: string) {
  const { tenant: named, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'tenant.restore');
  const { tenant, job } = await services.platform.$transaction(async (tx) => {
    const archived = await lockTenant(tx, named.id);
    if (archived?.status !== 'ARCHIVED') throw badInput(`tenant "${slug}" is not archived`, { field: 'slug' });
    // One that never served (its provisioning failed, or was cut short) has nothing to come back to.
    if (archived.archivedFrom !== 'ACTIVE' && archived.archivedFrom !== 'SUSPENDED') {
      throw badInput(`tenant "${slug}" was not serving when it was archived: create it again`, { field: 'slug' });
    }
    const drop = await tx.provisioningJob.findFirst({ where: { tenantId: named.id, kind: 'DROP' }, orderBy: { createdAt: 'desc' } });
    const { count } = drop
      ? await tx.provisioningJob.updateMany({
          where: { id: drop.id, status: 'QUEUED', attempts: 0 },
          data: { status: 'SUCCEEDED', progress: 100, message: 'canceled: the tenant was restored, nothing was dropped', finishedAt: new Date(), version: { increment: 1 } },
        })
      : { count: 0 };
    if (!drop || count === 0) throw badInput(`the grace period of tenant "${slug}" is over: its data is being dropped or is gone`, { field: 'slug' });
    // The queued run goes too (one already taken by a worker finds its row finished and does nothing).
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${drop.id}::text)`;
    return {
      // A tenant archived while suspended comes back suspended: archiving is no way out of a suspension.
      tenant: await tx.tenant.update({ where: { id: named.id }, data: { status: archived.suspendedFor ? 'SUSPENDED' : 'ACTIVE', archivedAt: null }, include: { plan: true } }),
      job: await tx.provisioningJob.findUniqueOrThrow({ where: { id: drop.id } }),
    };
  });
  publishJob(services, job);
  await announceTenantChange(services, slug);
  return tenant;
}
