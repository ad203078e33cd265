// What subscribers of a job see: the job's state after each change, as one
// self-contained event. Every event is a full snapshot with the row's version, so
// a subscriber can drop stale or repeated ones and lose nothing by missing some.
import type { ProvisioningJob } from '../../generated/platform/client';
import type { JobKind, JobStatus } from '../../generated/platform/enums';
import type { Services } from '../../services';

export interface ProvisioningEvent {
  jobId: string;
  tenantId: string;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  step: string | null;
  message: string | null;
  tablesCreated: number;
  totalTables: number;
  attempts: number;
  error: string | null;
  version: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export const jobChannel = (jobId: string) => `provisioning:${jobId}`;

export const isFinished = (status: JobStatus) => status === 'SUCCEEDED' || status === 'FAILED';

export function eventOf(job: ProvisioningJob): ProvisioningEvent {
  return {
    jobId: job.id,
    tenantId: job.tenantId,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    step: job.step,
    message: job.message,
    tablesCreated: job.tablesCreated,
    totalTables: job.totalTables,
    attempts: job.attempts,
    error: job.error,
    version: job.version,
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Announces a job's new state. Not awaited by callers: the row is the record, and a
 * subscriber that misses an event catches up from it, so a slow or absent Redis
 * never holds up the job itself.
 */
export function publishJob(services: Pick<Services, 'events' | 'log'>, job: ProvisioningJob): void {
  services.events.publish(jobChannel(job.id), eventOf(job)).catch((err: unknown) => {
    services.log.warn({ err, jobId: job.id }, 'publishing a provisioning event failed');
  });
}
