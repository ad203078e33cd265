// The scheduled run of event retention: once a day, on one gateway process (graphile-
// worker's cron runs each tick once across every worker), every ACTIVE tenant's
// expired events are dropped. Tenants are read from the platform a page at a time and
// worked a few at a time, so thousands of tenants cost a few connections for a while,
// never a connection each at once; a tenant that fails is logged and the rest go on.
import type { Task } from 'graphile-worker';
import { dropExpiredEvents } from '../../domain/eventRetention';
import type { Services } from '../../services';

export const EVENT_RETENTION_TASK = 'tenantgraph:dropExpiredEvents';

/** At 03:17 UTC each day; `?max=1`: a run missed while no worker was up is made up once, not once per missed day. */
export const EVENT_RETENTION_CRONTAB = `17 3 * * * ${EVENT_RETENTION_TASK} ?max=1`;

const TENANT_PAGE = 500;
const TENANTS_AT_ONCE = 4;
const DAY_MS = 86_400_000;

export interface RetentionRun {
  tenants: number;
  dropped: number;
  failed: number;
}

/** Drops every ACTIVE tenant's events older than EVENT_RETENTION_DAYS before `now`. */
export async function dropExpiredEventsOfAllTenants(services: Pick<Services, 'config' | 'platform' | 'pool' | 'log'>, now = new Date()): Promise<RetentionRun> {
  const cutoff = new Date(now.getTime() - services.config.eventRetentionDays * DAY_MS);
  const run: RetentionRun = { tenants: 0, dropped: 0, failed: 0 };
  let after: string | undefined;
  for (;;) {
    const tenants = await services.platform.tenant.findMany({
      where: { status: 'ACTIVE', ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: TENANT_PAGE,
    });
    if (tenants.length === 0) return run;
    after = tenants.at(-1)!.id;
    let next = 0;
    const worker = async () => {
      while (next < tenants.length) {
        const tenant = tenants[next++];
        const lease = services.pool.acquire(tenant);
        try {
          run.dropped += await dropExpiredEvents(lease.db, cutoff);
          run.tenants++;
        } catch (err) {
          run.failed++;
          services.log.warn({ err, tenant: tenant.slug }, 'dropping expired events failed');
        } finally {
          lease.release();
        }
      }
    };
    await Promise.all(Array.from({ length: TENANTS_AT_ONCE }, worker));
  }
}

export const eventRetentionTask = (services: Pick<Services, 'config' | 'log' | 'platform' | 'pool'>): Task => async () => {
  const run = await dropExpiredEventsOfAllTenants(services);
  services.log.info({ ...run, retentionDays: services.config.eventRetentionDays }, 'expired events dropped');
};
