// The event stream behind the provisioningProgress subscription. It subscribes
// first, then reads the job's row, so nothing falls between the two: the first
// event is the job's current state, then every change as it is published, each
// only if newer (by version) than what was sent; it completes after a finished
// state. A finished job yields that state and completes at once. Each event goes
// out only while the watcher may still follow the tenant's jobs (auth/liveAccess.ts).
import { Repeater } from '@repeaterjs/repeater';
import { whileAllowed } from '../auth/liveAccess';
import type { UserPrincipal } from '../auth/principal';
import type { Services } from '../services';
import { assertFollowsJobs, jobForManager } from './jobAccess';
import { eventOf, isFinished, jobChannel, type ProvisioningEvent } from './jobs/jobEvents';

// Should an event be lost (Redis away, a process without Redis next to one running
// the job), the row is read again this often, so a watcher never stalls; and at once
// when the event bus knows it lost some (Redis is back).
const RESYNC_MS = 5_000;

export async function watchJob(services: Pick<Services, 'platform' | 'memberships' | 'liveAccess' | 'events'>, user: UserPrincipal, jobId: string): Promise<AsyncIterable<ProvisioningEvent>> {
  const { id, tenantId } = await jobForManager(services, user, jobId);
  const events = new Repeater<ProvisioningEvent>(async (push, stop) => {
    let sent = -1;
    const send = (event: ProvisioningEvent) => {
      if (event.version <= sent) return;
      sent = event.version;
      void push(event);
      if (isFinished(event.status)) stop();
    };
    const readRow = async () => send(eventOf(await services.platform.provisioningJob.findUniqueOrThrow({ where: { id } })));
    const resync = () => void readRow().catch(stop);
    const unsubscribe = await services.events.subscribe(jobChannel(id), (payload) => send(payload as ProvisioningEvent), resync);
    const every = setInterval(resync, RESYNC_MS);
    try {
      await readRow();
      await stop;
    } finally {
      clearInterval(every);
      unsubscribe();
    }
  });
  return whileAllowed(events, async () => assertFollowsJobs(user, (await services.liveAccess.of(user, tenantId)).role));
}
