// What subscribers of a rollout see (rolloutProgress): each tenant started, finished,
// failed or skipped, and with every event the rollout's status and each cohort's
// totals as they are after it, so a subscriber that misses some loses nothing but
// the tenants' names. The stream starts with the rollout as it is (STATE) and ends
// once it stopped (halted, cancelled, succeeded) with none of its tenants running.
import { Repeater } from '@repeaterjs/repeater';
import { whileAllowed } from '../../auth/liveAccess';
import { authorize } from '../../auth/policy';
import type { UserPrincipal } from '../../auth/principal';
import { unauthenticated } from '../../errors';
import type { RolloutCohort, RolloutStatus } from '../../generated/platform/client';
import type { Services } from '../../services';
import { rolloutForAdmin } from './rolloutAccess';

export type RolloutEventKind = 'STATE' | 'TENANT_STARTED' | 'TENANT_SUCCEEDED' | 'TENANT_FAILED' | 'TENANT_SKIPPED';

export interface CohortTotals {
  name: string;
  status: RolloutCohort['status'];
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
}

export interface RolloutEvent {
  rolloutId: string;
  kind: RolloutEventKind;
  /** The tenant's slug, for the TENANT_ kinds. */
  tenant: string | null;
  /** What applying was, or why it failed or was skipped. */
  detail: string | null;
  status: RolloutStatus;
  /** Why it halted. */
  error: string | null;
  /** Tenants migrating now. */
  running: number;
  cohorts: CohortTotals[];
}

export const rolloutChannel = (rolloutId: string) => `rollout:${rolloutId}`;

export const totalsOf = (cohort: RolloutCohort): CohortTotals => ({
  name: cohort.name,
  status: cohort.status,
  total: cohort.total,
  succeeded: cohort.succeeded,
  failed: cohort.failed,
  skipped: cohort.skipped,
});

const isOver = (event: RolloutEvent) => event.status !== 'RUNNING' && event.running === 0;

/** Announces a change; not awaited: the rows are the record, and a watcher reads them again when events go missing. */
export function publishRollout(services: Pick<Services, 'events' | 'log'>, event: RolloutEvent): void {
  services.events.publish(rolloutChannel(event.rolloutId), event).catch((err: unknown) => {
    services.log.warn({ err, rolloutId: event.rolloutId }, 'publishing a rollout event failed');
  });
}

/** The rollout as its rows say now, as a STATE event. */
export async function rolloutState(services: Pick<Services, 'platform'>, rolloutId: string): Promise<RolloutEvent> {
  const rollout = await services.platform.rollout.findUniqueOrThrow({ where: { id: rolloutId }, include: { cohorts: { orderBy: { position: 'asc' } } } });
  const running = await services.platform.rolloutTenant.count({ where: { rolloutId, status: 'RUNNING' } });
  return { rolloutId, kind: 'STATE', tenant: null, detail: null, status: rollout.status, error: rollout.error, running, cohorts: rollout.cohorts.map(totalsOf) };
}

// As watchJob: should events be lost (Redis away), the rows are read again this often.
const RESYNC_MS = 5_000;

export async function watchRollout(services: Pick<Services, 'platform' | 'events' | 'sessions'>, user: UserPrincipal, rolloutId: string): Promise<AsyncIterable<RolloutEvent>> {
  await rolloutForAdmin(services, user, rolloutId);
  const events = new Repeater<RolloutEvent>(async (push, stop) => {
    const send = (event: RolloutEvent) => {
      void push(event);
      if (isOver(event)) stop();
    };
    const resync = () => void rolloutState(services, rolloutId).then(send, stop);
    const unsubscribe = await services.events.subscribe(rolloutChannel(rolloutId), (payload) => send(payload as RolloutEvent), resync);
    const every = setInterval(resync, RESYNC_MS);
    try {
      send(await rolloutState(services, rolloutId));
      await stop;
    } finally {
      clearInterval(every);
      unsubscribe();
    }
  });
  // Platform admins only, for as long as their session lasts.
  return whileAllowed(events, async () => {
    if (!(await services.sessions.isActive(user.sessionId, user.userId))) throw unauthenticated('session ended: sign in again');
    authorize(user, undefined, 'platform.manage');
  });
}
