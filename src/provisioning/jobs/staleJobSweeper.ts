// Crash recovery. graphile-worker frees the jobs of a worker that vanished only
// after four hours; we know sooner. A running job's row (or rollout's) carries a heartbeat, and a
// worker pool (graphile-worker's `locked_by`) whose jobs have all gone quiet for
// JOB_STALE_SECONDS is taken for dead: its jobs are unlocked, and any live worker
// (in this process or another) takes them up again. Every process sweeps.
import type { WorkerUtils } from 'graphile-worker';
import type { Services } from '../../services';
import { ROLLOUT_TASK_PREFIX, TASKS } from './jobQueue';

const TASK_NAMES = Object.values(TASKS);

export interface Sweeper {
  stop(): void;
}

/** Worker pools holding our jobs with no sign of life for `staleMs`. */
async function deadOwners(services: Pick<Services, 'platform'>, staleMs: number): Promise<string[]> {
  // A pool that only just locked a job has not written a heartbeat yet: judge it by
  // graphile-worker's lock time until then.
  const rows = await services.platform.$queryRaw<Array<{ owner: string }>>`
    SELECT DISTINCT j.locked_by AS owner
    FROM graphile_worker.jobs j
    WHERE j.locked_by IS NOT NULL
      AND (j.task_identifier = ANY(${TASK_NAMES}::text[]) OR j.task_identifier LIKE ${`${ROLLOUT_TASK_PREFIX}%`})
      AND j.locked_at < now() - ${staleMs}::int * interval '1 millisecond'
      AND NOT EXISTS (
        SELECT 1 FROM "ProvisioningJob" p
        WHERE p."lockedBy" = j.locked_by AND p."heartbeatAt" >= now() - ${staleMs}::int * interval '1 millisecond'
      )
      AND NOT EXISTS (
        SELECT 1 FROM "Rollout" r
        WHERE r."lockedBy" = j.locked_by AND r."heartbeatAt" >= now() - ${staleMs}::int * interval '1 millisecond'
      )`;
  return rows.map((r) => r.owner);
}

export function startStaleJobSweeper(services: Pick<Services, 'config' | 'log' | 'platform'>, utils: WorkerUtils): Sweeper {
  const { log } = services;
  const { staleMs } = services.config.jobs;
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    sweeping ??= (async () => {
      const owners = await deadOwners(services, staleMs);
      if (owners.length === 0) return;
      log.warn({ owners }, 'unlocking the jobs of workers that stopped responding');
      await utils.forceUnlockWorkers(owners);
    })()
      .catch((err: unknown) => log.error({ err }, 'sweeping stale jobs failed'))
      .finally(() => (sweeping = undefined));
  };
  sweep();
  const timer = setInterval(sweep, Math.max(staleMs / 2, 100));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
