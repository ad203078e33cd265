// retryProvisioning: runs a FAILED job again from its first step (every step is
// idempotent), and takes a FAILED tenant back to PROVISIONING meanwhile.
import { badInput } from '../errors';
import type { UserPrincipal } from '../auth/principal';
import type { Services } from '../services';
import { announceTenantChange } from '../tenancy/tenantChanges';
import { jobForManager } from './jobAccess';
import { publishJob } from './jobs/jobEvents';
import { enqueueJob } from './jobs/jobQueue';

export async function retryJob(services: Pick<Services, 'config' | 'log' | 'platform' | 'memberships' | 'events' | 'changes'>, user: UserPrincipal, jobId: string) {
  const { platform, config } = services;
  const failed = await jobForManager(services, user, jobId);
  const tenant = await platform.tenant.findUniqueOrThrow({ where: { id: failed.tenantId }, include: { plan: true } });
  if (failed.status !== 'FAILED') throw badInput(`only a FAILED job can be retried; this one is ${failed.status}`, { field: 'jobId' });
  if (tenant.status === 'ARCHIVED') throw badInput(`tenant "${tenant.slug}" is archived`, { field: 'jobId' });

  const result = await platform.$transaction(async (tx) => {
    // Only one of two concurrent retries finds it still FAILED.
    const { count } = await tx.provisioningJob.updateMany({
      where: { id: failed.id, status: 'FAILED' },
      data: { status: 'QUEUED', progress: 0, step: null, message: 'queued again', error: null, finishedAt: null, version: { increment: 1 } },
    });
    if (!count) throw badInput('this job is already being retried', { field: 'jobId' });
    await enqueueJob(tx, failed, { maxAttempts: config.jobs.maxAttempts });
    const reopened =
      failed.kind === 'PROVISION' && tenant.status === 'FAILED'
        ? await tx.tenant.update({ where: { id: tenant.id }, data: { status: 'PROVISIONING' }, include: { plan: true } })
        : tenant;
    return { job: await tx.provisioningJob.findUniqueOrThrow({ where: { id: failed.id } }), tenant: reopened };
  });
  publishJob(services, result.job);
  if (result.tenant.status !== tenant.status) await announceTenantChange(services, tenant.slug);
  return { ...result.job, tenant: result.tenant };
}
