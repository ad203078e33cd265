// A job row while a worker runs it. Every write is fenced on (lockedBy, attempts):
// if the job was handed to another worker (this one was thought dead), the next
// write here fails with JobTakenOver and this run stops, so two runs never both
// report, and the stale one never declares the job finished.
import { classifyDatabaseError } from '../../db/databaseErrors';
import type { Prisma, ProvisioningJob } from '../../generated/platform/client';
import type { Services } from '../../services';
import { startHeartbeat } from './heartbeat';
import { publishJob } from './jobEvents';

export class JobTakenOver extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} was taken over by another worker`);
  }
}

export interface JobReport {
  step: string;
  progress: number;
  message: string;
  tablesCreated?: number;
  totalTables?: number;
}

type JobServices = Pick<Services, 'platform' | 'events' | 'log'>;

const notFound = (error: unknown) => classifyDatabaseError(error)?.kind === 'notFound';

export class RunningJob {
  private stopBeating: () => void = () => {};

  private constructor(
    private readonly services: JobServices,
    private job: ProvisioningJob,
    /** The graphile-worker pool running it (its `locked_by`). */
    private readonly owner: string,
  ) {}

  /**
   * Marks the job RUNNING for `owner`; null when there is nothing to run (it finished,
   * e.g. a run that died after recording the result).
   */
  static async claim(services: JobServices, jobId: string, owner: string): Promise<RunningJob | null> {
    // The heartbeat is on the database's clock, like the sweeper that reads it.
    const [job] = await services.platform.$queryRaw<ProvisioningJob[]>`
      UPDATE "ProvisioningJob"
      SET status = 'RUNNING', "lockedBy" = ${owner}, "heartbeatAt" = now(), attempts = attempts + 1,
          "startedAt" = coalesce("startedAt", now()), "finishedAt" = NULL, error = NULL,
          version = version + 1, "updatedAt" = now()
      WHERE id = ${jobId}::uuid AND status IN ('QUEUED', 'RUNNING')
      RETURNING *`;
    if (!job) return null;
    publishJob(services, job);
    return new RunningJob(services, job, owner);
  }

  get id(): string {
    return this.job.id;
  }

  get tenantId(): string {
    return this.job.tenantId;
  }

  get kind() {
    return this.job.kind;
  }

  /** The step the job was at, for error messages. */
  get step(): string | null {
    return this.job.step;
  }

  report(report: JobReport): Promise<void> {
    return this.write({
      step: report.step,
      progress: report.progress,
      message: report.message,
      ...(report.tablesCreated !== undefined ? { tablesCreated: report.tablesCreated } : {}),
      ...(report.totalTables !== undefined ? { totalTables: report.totalTables } : {}),
    });
  }

  succeed(message: string): Promise<void> {
    return this.write({ status: 'SUCCEEDED', progress: 100, message, finishedAt: new Date(), lockedBy: null, heartbeatAt: null });
  }

  fail(error: string): Promise<void> {
    return this.write({ status: 'FAILED', message: 'failed', error, finishedAt: new Date(), lockedBy: null, heartbeatAt: null });
  }

  /** Back to the queue after a failed attempt; graphile-worker runs it again after a backoff. */
  requeue(error: string, message: string): Promise<void> {
    return this.write({ status: 'QUEUED', message, error, lockedBy: null, heartbeatAt: null });
  }

  /** Proves this worker alive every `everyMs` until stopHeartbeat(). */
  startHeartbeat(everyMs: number): void {
    this.stopBeating = startHeartbeat(
      everyMs,
      () => this.services.platform.$executeRaw`
        UPDATE "ProvisioningJob" SET "heartbeatAt" = now()
        WHERE id = ${this.job.id}::uuid AND "lockedBy" = ${this.owner} AND attempts = ${this.job.attempts}`,
      (err) => this.services.log.warn({ err, jobId: this.job.id }, 'job heartbeat failed'),
    );
  }

  stopHeartbeat(): void {
    this.stopBeating();
  }

  private async write(data: Prisma.ProvisioningJobUpdateInput): Promise<void> {
    try {
      this.job = await this.services.platform.provisioningJob.update({
        where: { id: this.job.id, lockedBy: this.owner, attempts: this.job.attempts },
        data: { ...data, version: { increment: 1 } },
      });
    } catch (error) {
      if (notFound(error)) throw new JobTakenOver(this.job.id);
      throw error;
    }
    publishJob(this.services, this.job);
  }
}
