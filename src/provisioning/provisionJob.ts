// The PROVISION job: provisionTenant, run durably, from an export's archive when
// createTenant named one (restoreFrom). When it ends FAILED, so does the tenant.
import type { Services } from '../services';
import { announceTenantChange } from '../tenancy/tenantChanges';
import type { JobDefinition } from './jobs/runJob';
import type { RunningJob } from './jobs/runningJob';
import { provisionTenant, type ProvisionServices } from './provisionTenant';
import { withArchiveOf, type LocalArchive } from '../portability/fillFromArchive';

export const provisionJob: JobDefinition = {
  async run(services: ProvisionServices & Pick<Services, 'archives'>, job: RunningJob) {
    const { restoreFrom } = await services.platform.provisioningJob.findUniqueOrThrow({ where: { id: job.id }, include: { restoreFrom: true } });
    const provision = (archive?: LocalArchive) => provisionTenant(services, job.tenantId, (report) => job.report(report), archive);
    const tenant = restoreFrom ? await withArchiveOf(services, restoreFrom, job.id, provision) : await provision();
    return tenant.status === 'ACTIVE' ? `${tenant.slug} is ready` : `${tenant.slug} is ${tenant.status.toLowerCase()}`;
  },
  async failed(services: Pick<Services, 'platform' | 'changes'>, job: RunningJob) {
    const tenant = await services.platform.tenant.findUniqueOrThrow({ where: { id: job.tenantId }, select: { slug: true } });
    const { count } = await services.platform.tenant.updateMany({ where: { id: job.tenantId, status: 'PROVISIONING' }, data: { status: 'FAILED' } });
    if (count) await announceTenantChange(services, tenant.slug);
  },
};
