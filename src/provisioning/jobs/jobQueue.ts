// Jobs live in two places: a ProvisioningJob row (what clients see: status, progress,
// errors) and a graphile-worker job (what gets it run, retried and recovered).
// Both are written in the caller's transaction, with whatever made the job necessary.
import type { JobKind, Prisma } from '../../generated/platform/client';

/** graphile-worker task names of the job kinds. */
export const TASKS: Record<JobKind, string> = {
  PROVISION: 'tenantgraph:provision',
  DROP: 'tenantgraph:drop',
  EXPORT: 'tenantgraph:export',
  RESTORE: 'tenantgraph:restore',
};

/**
 * The task that drives a rollout to `version` (src/provisioning/rollouts/): named by it,
 * so only workers of the release that brings tenants there take it. While a fleet of
 * gateways is replaced, the old release's workers leave it alone.
 */
export const rolloutTask = (version: string) => `${ROLLOUT_TASK_PREFIX}${version}`;
export const ROLLOUT_TASK_PREFIX = 'tenantgraph:rollout:';

// A rollout's driver is retried after a failure that is not a tenant's (the platform
// database away, say), and started again after a crash; it gives up only after this many.
const ROLLOUT_ATTEMPTS = 25;

export interface JobPayload {
  jobId: string;
}

export interface RolloutPayload {
  rolloutId: string;
}

export interface EnqueueOptions {
  /** JOB_MAX_ATTEMPTS. */
  maxAttempts: number;
  /** Not before this time (the drop after an archive's grace period). */
  runAt?: Date;
}

/** Queues a run of an existing job row. */
export async function enqueueJob(tx: Prisma.TransactionClient, job: { id: string; kind: JobKind }, options: EnqueueOptions): Promise<void> {
  // One attempt more than allowed: when the process running the last allowed attempt
  // dies, that extra run only records the job as FAILED (see runJob.ts).
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${TASKS[job.kind]}::text,
    json_build_object('jobId', ${job.id}::text),
    run_at := ${options.runAt ?? null}::timestamptz,
    max_attempts := ${options.maxAttempts + 1}::int,
    job_key := ${job.id}::text
  )`;
}

/** A new job row for `tenantId`, queued. */
export async function createJob(
  tx: Prisma.TransactionClient,
  tenantId: string,
  kind: JobKind,
  options: EnqueueOptions & { message: string; restoreFromId?: string },
) {
  const job = await tx.provisioningJob.create({ data: { tenantId, kind, message: options.message, restoreFromId: options.restoreFromId } });
  await enqueueJob(tx, job, options);
  return job;
}

/** Queues a run of the rollout's driver: when it starts, or resumes after a halt. */
export async function enqueueRollout(tx: Prisma.TransactionClient, rollout: { id: string; targetVersion: string }): Promise<void> {
  // No job_key: a resume may queue its run while the halted run is still finishing its running tenants.
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${rolloutTask(rollout.targetVersion)}::text,
    json_build_object('rolloutId', ${rollout.id}::text),
    max_attempts := ${ROLLOUT_ATTEMPTS}::int
  )`;
}
