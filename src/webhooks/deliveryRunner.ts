// The delivery runner of a gateway process: WEBHOOK_CONCURRENCY webhook senders
// (webhookSender.ts) on graphile-worker, apart from the provisioning jobs: slots, a pool
// (graphile-worker's connections, and one per sender for its webhook's lock) and a
// platform client of their own, so a backlog of deliveries waits for none of what
// requests and provisioning use. With it, the sweep that picks up what dead processes
// left (eventSweeper.ts).
import { run, type RunnerOptions } from 'graphile-worker';
import { createPlatformClient } from '../db/platformClient';
import { jobPool } from '../provisioning/jobs/jobPool';
import type { Services } from '../services';
import { SENDER_TASK } from './deliveryQueue';
import { startEventSweeper } from './eventSweeper';
import { senderTask } from './webhookSender';

export interface DeliveryRunner {
  /** Finishes the turns in hand, then stops. */
  stop(): Promise<void>;
}

/** Nothing at WEBHOOK_CONCURRENCY=0: this process sends no deliveries (another one does). */
export async function startDeliveryRunner(services: Services, platformUrl: string, options: RunnerOptions): Promise<DeliveryRunner | undefined> {
  const { concurrency } = services.config.webhooks;
  if (concurrency === 0) return undefined;
  // graphile-worker's connection per running job, one to listen and one for its bookkeeping, and a sender's lock each.
  const pgPool = jobPool(services, platformUrl, 2 * concurrency + 2);
  const platform = createPlatformClient(platformUrl, concurrency + 2);
  const runner = await run({
    ...options,
    pgPool,
    concurrency,
    // No scheduled tasks here (they run with the jobs); an empty crontab is not looked for in a file.
    crontab: '',
    taskList: { [SENDER_TASK]: senderTask({ ...services, platform }, pgPool) },
  });
  const sweeper = startEventSweeper(services);
  return {
    async stop() {
      sweeper.stop();
      await runner.stop();
      await Promise.all([pgPool.end(), platform.$disconnect()]);
    },
  };
}
