// The job workers of a gateway process: graphile-worker on the platform database, as
// two runners with pools of their own, so provisioning never waits behind webhook
// deliveries: this one runs JOB_CONCURRENCY jobs at once (provisioning, rollouts,
// drops, exports, restores; none at 0), the scheduled tasks (event retention,
// backups, discarding the data a restore replaced) and the modules' tasks (a
// booking's reminder mail); the delivery runner (webhooks/deliveryRunner.ts) the
// webhook senders. Also the sweeper that hands the jobs of dead workers to live ones.
import { Logger as GraphileLogger, makeWorkerUtils, run, runMigrations, type Runner, type RunnerOptions, type TaskList } from 'graphile-worker';
import { SELECTED_MODULES } from '../../generated/selectedModules';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { startDeliveryRunner } from '../../webhooks/deliveryRunner';
import { dropJob } from '../dropTenant';
import { provisionJob } from '../provisionJob';
import { EVENT_RETENTION_CRONTAB, EVENT_RETENTION_TASK, eventRetentionTask } from './eventRetentionTask';
import { RESET_MAIL_TASK, resetMailTask } from '../../auth/resetMail';
import { jobPool } from './jobPool';
import { BACKUP_CRONTAB, BACKUP_TASK, backupTask } from '../../portability/backups';
import { exportJob } from '../../portability/exportJob';
import { DISCARD_TASK, discardTask, restoreJob } from '../../portability/restoreInPlace';
import { rolloutTask, TASKS } from './jobQueue';
import { driveRollout } from '../rollouts/rolloutDriver';
import { latestVersion } from '../schemaVersions';
import { jobTask } from './runJob';
import { startStaleJobSweeper } from './staleJobSweeper';

export interface JobWorker {
  /** Finishes the jobs in hand, then stops taking new ones. */
  stop(): Promise<void>;
}

/** graphile-worker's logs into ours; its routine chatter at debug level. */
function graphileLogger(log: Logger): GraphileLogger {
  const levelOf = (level: string) => (level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug');
  return new GraphileLogger(() => (level, message, meta) => log[levelOf(level)]({ component: 'graphile-worker', ...meta }, message));
}

function jobTasks(services: Services): TaskList {
  return {
    [TASKS.PROVISION]: jobTask(services, provisionJob),
    [TASKS.DROP]: jobTask(services, dropJob),
    [TASKS.EXPORT]: jobTask(services, exportJob),
    [TASKS.RESTORE]: jobTask(services, restoreJob),
    [rolloutTask(latestVersion())]: driveRollout(services),
    [DISCARD_TASK]: discardTask(services),
    [BACKUP_TASK]: backupTask(services),
    [EVENT_RETENTION_TASK]: eventRetentionTask(services),
    [RESET_MAIL_TASK]: resetMailTask(services),
    ...Object.assign({}, ...SELECTED_MODULES.map((selected) => selected.tasks?.(services))),
  };
}

export async function startJobWorker(services: Services, platformUrl: string): Promise<JobWorker> {
  const { jobs } = services.config;
  // main.ts owns shutdown: graphile-worker must not act on SIGTERM by itself.
  const common: RunnerOptions = { logger: graphileLogger(services.log), noHandleSignals: true };
  // graphile-worker needs a connection per running job, one to listen for new jobs and one for its bookkeeping.
  const jobsPool = jobPool(services, platformUrl, jobs.concurrency + 2);
  const jobOptions = { ...common, pgPool: jobsPool, concurrency: jobs.concurrency, crontab: [EVENT_RETENTION_CRONTAB, BACKUP_CRONTAB].join('\n'), taskList: jobTasks(services) };
  // Either way its schema is installed first: createTenant and the relay enqueue into it.
  let jobRunner: Runner | undefined;
  if (jobs.concurrency > 0) jobRunner = await run(jobOptions);
  else await runMigrations(jobOptions);
  const deliveryRunner = await startDeliveryRunner(services, platformUrl, common);
  const utils = await makeWorkerUtils({ pgPool: jobsPool, logger: common.logger });
  const sweeper = startStaleJobSweeper(services, utils);
  let stopped: Promise<void> | undefined;
  const worker: JobWorker = {
    stop: () =>
      (stopped ??= (async () => {
        sweeper.stop();
        await Promise.all([jobRunner?.stop(), deliveryRunner?.stop()]);
        await utils.release();
        await jobsPool.end();
      })()),
  };
  // On SIGTERM the jobs in hand finish; one cut by the deadline is resumed by another worker.
  services.shutdown.add('drain', 'job worker', () => worker.stop());
  return worker;
}

/**
 * `db migrate`'s own worker: it runs rollout drivers only (one at a time), and sweeps,
 * so a rollout is driven whether or not a gateway is up, by whichever worker takes it first.
 */
export async function startRolloutRunner(services: Services, platformUrl: string): Promise<JobWorker> {
  const pgPool = jobPool(services, platformUrl, 3);
  const runner = await run({ logger: graphileLogger(services.log), noHandleSignals: true, pgPool, concurrency: 1, taskList: { [rolloutTask(latestVersion())]: driveRollout(services) } });
  const utils = await makeWorkerUtils({ pgPool, logger: graphileLogger(services.log) });
  const sweeper = startStaleJobSweeper(services, utils);
  return {
    async stop() {
      sweeper.stop();
      await runner.stop();
      await utils.release();
      await pgPool.end();
    },
  };
}
