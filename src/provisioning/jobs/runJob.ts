// How every job runs under graphile-worker: claim the row, keep a heartbeat, do the
// work, record the outcome. A failure is retried (graphile-worker backs off) until
// JOB_MAX_ATTEMPTS; then, or at once when retrying cannot help, the job ends FAILED.
import type { Task } from 'graphile-worker';
import { errorTypeOf, inTrace, noteWorkOutcome } from '../../observability/spans';
import type { Services } from '../../services';
import { ownerMessage, ProvisioningError } from '../provisioningError';
import type { JobPayload } from './jobQueue';
import { JobTakenOver, RunningJob } from './runningJob';

export interface JobDefinition {
  /** Does the work, reporting through `job`; returns the final message. */
  run(services: Services, job: RunningJob): Promise<string>;
  /** When the job is about to end FAILED (e.g. the tenant becomes FAILED too). */
  failed?(services: Services, job: RunningJob): Promise<void>;
}

export function jobTask(services: Services, definition: JobDefinition): Task {
  const { log } = services;
  const { staleMs } = services.config.jobs;
  return async (payload, helpers) => {
    const { jobId } = payload as JobPayload;
    // JOB_MAX_ATTEMPTS as the process that queued the job had it (see enqueueJob).
    const maxAttempts = helpers.job.max_attempts - 1;
    const job = await RunningJob.claim(services, jobId, helpers.job.locked_by!);
    if (!job) return;
    const attributes = { 'job.id': jobId, 'job.kind': job.kind, 'job.attempt': helpers.job.attempts };
    return inTrace(`job ${job.kind}`, { attributes, tenant: { id: job.tenantId } }, () => attempt(job, helpers.job.attempts, maxAttempts));
  };

  async function attempt(job: RunningJob, attempts: number, maxAttempts: number): Promise<void> {
    // The tenant first: whoever sees the job FAILED finds the tenant FAILED too.
    const fail = async (error: string) => {
      await definition.failed?.(services, job);
      await job.fail(error);
    };
    // Only a run whose process died reaches the extra attempt enqueueJob allows.
    if (attempts > maxAttempts) {
      return fail(`gave up after ${maxAttempts} attempts: the last one stopped without finishing (its process ended)`);
    }
    job.startHeartbeat(Math.max(staleMs / 3, 100));
    try {
      await job.succeed(await definition.run(services, job));
    } catch (error) {
      // Another worker owns the job now: leave the row to it. Throwing makes
      // graphile-worker's bookkeeping for this run a no-op (it is no longer ours).
      if (error instanceof JobTakenOver) throw error;
      const reason = job.step ? `${job.step}: ${ownerMessage(error)}` : ownerMessage(error);
      log.warn({ err: error, jobId: job.id, kind: job.kind, attempt: attempts }, 'job attempt failed');
      const hopeless = error instanceof ProvisioningError && !error.retryable;
      if (hopeless || attempts >= maxAttempts) {
        noteWorkOutcome({}, errorTypeOf(error));
        return fail(reason);
      }
      await job.requeue(reason, `attempt ${attempts} of ${maxAttempts} failed; retrying`);
      throw error;
    } finally {
      job.stopHeartbeat();
    }
  }
}
