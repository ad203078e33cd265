// The job worker of a gateway process: graphile-worker on the platform database,
// running JOB_CONCURRENCY jobs at once (none at 0: the process only serves), the
// scheduled tasks (event retention), the sweeper that hands the jobs of dead workers to
// live ones, and the one that relays the tenant events dead processes left.
import { Logger as GraphileLogger, makeWorkerUtils, run, runMigrations, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { dropJob } from '../dropTenant';
import { migrateJob } from '../migrateTenant';
import { provisionJob } from '../provisionJob';
import { EVENT_RETENTION_CRONTAB, EVENT_RETENTION_TASK, eventRetentionTask } from './eventRetentionTask';
import { RESET_MAIL_TASK, resetMailTask } from '../../auth/resetMail';
import { DELIVERY_TASK } from '../../webhooks/deliveryQueue';
import { deliveryTask } from '../../webhooks/deliverWebhook';
import { startEventSweeper } from '../../webhooks/eventSweeper';
import { TASKS } from './jobQueue';
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

function taskList(services: Services): TaskList {
  return {
    [TASKS.PROVISION]: jobTask(services, provisionJob),
    [TASKS.MIGRATE]: jobTask(services, migrateJob),
    [TASKS.DROP]: jobTask(services, dropJob),
    [EVENT_RETENTION_TASK]: eventRetentionTask(services),
    [DELIVERY_TASK]: deliveryTask(services),
    [RESET_MAIL_TASK]: resetMailTask(services),
  };
}

export async function startJobWorker(services: Services, platformUrl: string): Promise<JobWorker> {
  const { concurrency } = services.config.jobs;
  // graphile-worker needs a connection per running job, one to listen for new jobs and one for its bookkeeping.
  const pgPool = new pg.Pool({ connectionString: platformUrl, max: concurrency + 2 });
  // A connection that breaks (a database restart) must not take the process down;
  // graphile-worker reconnects, and its listening client is checked out for good.
  const lost = (err: Error) => services.log.warn({ err: err.message }, 'job queue connection lost');
  pgPool.on('error', lost);
  pgPool.on('connect', (client) => client.on('error', lost));
  const logger = graphileLogger(services.log);
  const options = {
    pgPool,
    logger,
    concurrency,
    // main.ts owns shutdown: graphile-worker must not act on SIGTERM by itself.
    noHandleSignals: true,
    crontab: EVENT_RETENTION_CRONTAB,
    taskList: taskList(services),
  };
  let runner: Runner | undefined;
  // Either way its schema is installed first: createTenant enqueues into it.
  if (concurrency > 0) runner = await run(options);
  else await runMigrations(options);
  const utils = await makeWorkerUtils({ pgPool, logger });
  const sweeper = startStaleJobSweeper(services, utils);
  const eventSweeper = runner ? startEventSweeper(services) : undefined;
  let stopped: Promise<void> | undefined;
  const worker: JobWorker = {
    stop: () =>
      (stopped ??= (async () => {
        sweeper.stop();
        eventSweeper?.stop();
        await runner?.stop();
        await utils.release();
        await pgPool.end();
      })()),
  };
  // On SIGTERM the jobs in hand finish; one cut by the deadline is resumed by another worker.
  services.shutdown.add('drain', 'job worker', () => worker.stop());
  return worker;
}
