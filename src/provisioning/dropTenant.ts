// The DROP job, queued by archiveTenant to run after ARCHIVE_GRACE_SECONDS: drops
// the archived tenant's database (or schema). A database the customer brought is
// theirs: it is left as it is, and only its sealed credentials are forgotten.
import type { Services } from '../services';
import { releaseTenantDomains } from '../tenancy/manageDomains';
import { announceTenantChange } from '../tenancy/tenantChanges';
import type { JobDefinition } from './jobs/runJob';
import type { RunningJob } from './jobs/runningJob';
import { dropTenantStorage } from './dropTenantStorage';

export const dropJob: JobDefinition = {
  async run(services: Pick<Services, 'platform' | 'servers' | 'changes'>, job: RunningJob) {
    const tenant = await services.platform.tenant.findUniqueOrThrow({ where: { id: job.tenantId } });
    // Restored meanwhile (restoreTenant cancels this job, but a run already queued may still come): keep everything.
    if (tenant.status !== 'ARCHIVED') return `${tenant.slug} is ${tenant.status.toLowerCase()} again: nothing dropped`;
    await releaseTenantDomains(services, tenant.id);
    // Every process closes its client for the tenant before its data goes.
    await announceTenantChange(services, tenant.slug);
    await job.report({ step: 'drop', progress: 10, message: 'dropping the archived data' });
    if (tenant.externalUrlCipher) {
      await services.platform.tenant.update({ where: { id: tenant.id }, data: { externalUrlCipher: null } });
      return 'your database was left as it is; its credentials are forgotten';
    }
    if (!tenant.databaseName) return 'there was no database to drop';
    return dropTenantStorage(services.servers, tenant);
  },
};
