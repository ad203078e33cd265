// An export is a TenantExport row (what people see and download) and an EXPORT job
// (what writes it, durably), made in one platform transaction. One export of a tenant
// runs at a time: a second waits for nothing and is refused, naming the first.
import type { ExportOrigin, Prisma } from '../generated/platform/client';
import { ErrorCode, gatewayError } from '../errors';
import type { Services } from '../services';
import { lockTenant } from '../tenancy/suspension';
import { createJob } from '../provisioning/jobs/jobQueue';

type Tx = Prisma.TransactionClient;

/** The tenant's export still being written, if any. */
export const pendingExportOf = (tx: Tx, tenantId: string) => tx.tenantExport.findFirst({ where: { tenantId, status: 'PENDING' } });

/** Queues an export of the tenant; CONFLICT while another is being written. Call within a transaction. */
export async function queueExport(tx: Tx, services: Pick<Services, 'config'>, tenantId: string, origin: ExportOrigin) {
  const tenant = await lockTenant(tx, tenantId);
  if (!tenant || (tenant.status !== 'ACTIVE' && tenant.status !== 'SUSPENDED')) {
    throw gatewayError(ErrorCode.TENANT_NOT_READY, `tenant "${tenant?.slug}" is ${tenant?.status.toLowerCase()}: only a serving tenant's data can be exported`);
  }
  const running = await pendingExportOf(tx, tenantId);
  if (running) {
    throw gatewayError(ErrorCode.CONFLICT, `an export of "${tenant.slug}" is being written (${running.id}): follow its job, then ask again`, { exportId: running.id });
  }
  const job = await createJob(tx, tenantId, 'EXPORT', { maxAttempts: services.config.jobs.maxAttempts, message: 'waiting for a worker' });
  return tx.tenantExport.create({ data: { tenantId, origin, jobId: job.id }, include: { job: true } });
}
