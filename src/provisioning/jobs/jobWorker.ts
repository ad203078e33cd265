// The job workers of a gateway process: graphile-worker on the platform database, as
// two runners with pools of their own, so provisioning never waits behind webhook
// deliveries: one runs JOB_CONCURRENCY jobs at once (provisioning, migrations, drops)
// and the scheduled tasks (event retention), the other WEBHOOK_CONCURRENCY webhook
// senders (see webhooks/webhookSender.ts); a runner at 0 runs nothing. Also the sweeper
// that hands the jobs of dead workers to live ones and, where deliveries are sent, the
// one that picks up the tenant events and deliveries dead processes left.
import { Logger as GraphileLogger, makeWorkerUtils, run, runMigrations, type Runner, type RunnerOptions, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { SENDER_TASK } from '../../webhooks/deliveryQueue';
import { startEventSweeper } from '../../webhooks/eventSweeper';
import { senderTask } from '../../webhooks/webhookSender';
import { dropJob } from '../dropTenant';
import { migrateJob } from '../migrateTenant';
import { provisionJob } from '../provisionJob';
import { EVENT_RETENTION_CRONTAB, EVENT_RETENTION_TASK, eventRetentionTask } from './eventRetentionTask';
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

function jobTasks(services: Services): TaskList {
  return {
    [TASKS.PROVISION]: jobTask(services, provisionJob),
    [TASKS.MIGRATE]: jobTask(services, migrateJob),
    [TASKS.DROP]: jobTask(services, dropJob),
    [EVENT_RETENTION_TASK]: eventRetentionTask(services),
  };
}

function jobPool(services: Services, platformUrl: string, max: number): pg.Pool {
  const pgPool = new pg.Pool({ connectionString: platformUrl, max });
  // A connection that breaks (a database restart) must not take the process down;
  // graphile-worker reconnects, and its listening client is checked out for good.
  const lost = (err: Error) => services.log.warn({ err: err.message }, 'job queue connection lost');
  pgPool.on('error', lost);
  pgPool.on('connect', (client) => client.on('error', lost));
  return pgPool;
}

export async function startJobWorker(services: Services, platformUrl: string): Promise<JobWorker> {
  const { jobs, webhooks } = services.config;
  // main.ts owns shutdown: graphile-worker must not act on SIGTERM by itself.
  const common: RunnerOptions = { logger: graphileLogger(services.log), noHandleSignals: true };
  // graphile-worker needs a connection per running job, one to listen for new jobs and one for its bookkeeping.
  const jobsPool = jobPool(services, platformUrl, jobs.concurrency + 2);
  const jobOptions = { ...common, pgPool: jobsPool, concurrency: jobs.concurrency, crontab: EVENT_RETENTION_CRONTAB, taskList: jobTasks(services) };
  // Either way its schema is installed first: createTenant and the relay enqueue into it.
  let jobRunner: Runner | undefined;
  if (jobs.concurrency > 0) jobRunner = await run(jobOptions);
  else await runMigrations(jobOptions);
  // And a connection more per running sender, which holds its webhook's lock.
  const deliveryPool = webhooks.concurrency > 0 ? jobPool(services, platformUrl, 2 * webhooks.concurrency + 2) : undefined;
  const deliveryRunner = deliveryPool
    ? // No crontab of its own (an empty one: none is read from a file): the scheduled tasks run with the jobs.
      await run({ ...common, pgPool: deliveryPool, concurrency: webhooks.concurrency, crontab: '', taskList: { [SENDER_TASK]: senderTask(services, deliveryPool) } })
    : undefined;
  const utils = await makeWorkerUtils({ pgPool: jobsPool, logger: common.logger });
  const sweeper = startStaleJobSweeper(services, utils);
  const eventSweeper = deliveryRunner ? startEventSweeper(services) : undefined;
  let stopped: Promise<void> | undefined;
  const worker: JobWorker = {
    stop: () =>
      (stopped ??= (async () => {
        sweeper.stop();
        eventSweeper?.stop();
        await Promise.all([jobRunner?.stop(), deliveryRunner?.stop()]);
        await utils.release();
        await Promise.all([jobsPool.end(), deliveryPool?.end()]);
      })()),
  };
  // On SIGTERM the jobs in hand finish; one cut by the deadline is resumed by another worker.
  services.shutdown.add('drain', 'job worker', () => worker.stop());
  return worker;
}
