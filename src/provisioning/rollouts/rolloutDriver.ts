// The driver of a rollout: one graphile-worker task, run by whichever worker takes it
// (a gateway's, or `db migrate`'s own when no gateway runs one). It migrates the
// cohorts in order, each cohort's tenants at most concurrencyPerServer at a time per
// database server, and halts at the first failure beyond the budget: no tenant starts
// after that, the ones running finish. Its state is the rows: a driver that dies is
// found by the stale sweeper through its heartbeat, and the next worker to take the
// task carries on from them; the tenants it was migrating are migrated again (the
// migrator finds what was applied). Every write is fenced on (lockedBy, attempts),
// so a driver that was thought dead stops at its next write and two never both count.
import type { Task } from 'graphile-worker';
import type { Rollout, RolloutCohort, RolloutCohortStatus, RolloutStatus } from '../../generated/platform/client';
import { inChildSpan, inTrace, noteWorkOutcome } from '../../observability/spans';
import type { Services } from '../../services';
import { startHeartbeat } from '../jobs/heartbeat';
import type { RolloutPayload } from '../jobs/jobQueue';
import { pacing } from '../jobs/pacing';
import { migrateInRollout, type TenantOutcome } from './migrateInRollout';
import { publishRollout, rolloutState, totalsOf, type RolloutEventKind } from './rolloutEvents';

type DriverServices = Pick<Services, 'config' | 'platform' | 'servers' | 'log' | 'events' | 'pool'>;

interface Turn {
  tenantId: string;
  slug: string;
  server: string;
  fromVersion: string | null;
}

const OUTCOME_EVENT: Record<TenantOutcome['status'], RolloutEventKind> = { SUCCEEDED: 'TENANT_SUCCEEDED', FAILED: 'TENANT_FAILED', SKIPPED: 'TENANT_SKIPPED' };

class RolloutDriver {
  private readonly cohorts = new Map<number, RolloutCohort>();
  private status: RolloutStatus = 'RUNNING';
  private error: string | null = null;
  private running = 0;
  /** Set once no tenant may start: halted, cancelled, taken over, or `failure`. */
  private stopping = false;
  /** What stopped the driver itself (the platform database away, say): thrown once its running tenants are done. */
  private failure: unknown;

  private constructor(
    private readonly services: DriverServices,
    private readonly rollout: Rollout,
    private readonly owner: string,
  ) {}

  /** Takes the rollout for `owner`; null unless it is RUNNING. */
  static async claim(services: DriverServices, rolloutId: string, owner: string): Promise<RolloutDriver | null> {
    const [rollout] = await services.platform.$queryRaw<Rollout[]>`
      UPDATE "Rollout" SET "lockedBy" = ${owner}, attempts = attempts + 1, "heartbeatAt" = now(), "updatedAt" = now()
      WHERE id = ${rolloutId}::uuid AND status = 'RUNNING'
      RETURNING *`;
    return rollout ? new RolloutDriver(services, rollout, owner) : null;
  }

  async run(): Promise<void> {
    const { platform, config, log } = this.services;
    const { id } = this.rollout;
    const stopBeating = startHeartbeat(
      Math.max(config.jobs.staleMs / 3, 100),
      () => platform.$executeRaw`UPDATE "Rollout" SET "heartbeatAt" = now() WHERE id = ${id}::uuid AND "lockedBy" = ${this.owner} AND attempts = ${this.rollout.attempts}`,
      (err) => log.warn({ err, rolloutId: id }, 'rollout heartbeat failed'),
    );
    try {
      for (const cohort of await platform.rolloutCohort.findMany({ where: { rolloutId: id }, orderBy: { position: 'asc' } })) this.cohorts.set(cohort.position, cohort);
      for (const cohort of this.cohorts.values()) {
        if (cohort.status === 'SUCCEEDED') continue;
        if (!(await this.setCohort(cohort.position, 'RUNNING'))) return await this.stopped(cohort.position);
        await this.migrateCohort(cohort.position);
        if (this.stopping) return await this.stopped(cohort.position);
        await this.setCohort(cohort.position, 'SUCCEEDED');
      }
      await this.end(platform.$executeRaw`
        UPDATE "Rollout" SET status = 'SUCCEEDED', "finishedAt" = now(), "lockedBy" = NULL, "heartbeatAt" = NULL, "updatedAt" = now()
        WHERE id = ${id}::uuid AND status = 'RUNNING' AND "lockedBy" = ${this.owner} AND attempts = ${this.rollout.attempts}`);
    } finally {
      stopBeating();
    }
  }

  /** Halts it now, saying why (a tenant's failure, or that this worker cannot drive it). */
  async halt(error: string): Promise<void> {
    this.stopping = true;
    const halted = await this.services.platform.$executeRaw`
      UPDATE "Rollout" SET status = 'HALTED', error = ${error}, "updatedAt" = now()
      WHERE id = ${this.rollout.id}::uuid AND status = 'RUNNING' AND "lockedBy" = ${this.owner} AND attempts = ${this.rollout.attempts}`;
    if (halted) {
      this.status = 'HALTED';
      this.error = error;
      this.services.log.warn({ rolloutId: this.rollout.id, error }, 'rollout halted');
    }
  }

  /**
   * The cohort's tenants still to do, each server's at most concurrencyPerServer at a
   * time. Tenants already at the target version are counted in one statement, not a turn
   * each; and of the POOL tenants of one pool database only one takes a turn at a time:
   * its migration moves them all, so the next pass counts the others at once.
   */
  private async migrateCohort(position: number): Promise<void> {
    for (;;) {
      await this.countUpToDate(position);
      const rows = await this.services.platform.rolloutTenant.findMany({
        where: { rolloutId: this.rollout.id, cohort: position, status: { in: ['PENDING', 'RUNNING'] } },
        select: { tenantId: true, tenant: { select: { slug: true, server: true, schemaVersion: true, isolation: true, databaseName: true } } },
        orderBy: { tenant: { slug: 'asc' } },
      });
      const pools = new Set<string>();
      const queues = new Map<string, Turn[]>();
      for (const { tenantId, tenant } of rows) {
        if (tenant.isolation === 'POOL') {
          const pool = `${tenant.server} ${tenant.databaseName}`;
          if (pools.has(pool)) continue;
          pools.add(pool);
        }
        const queue = queues.get(tenant.server) ?? [];
        queue.push({ tenantId, slug: tenant.slug, server: tenant.server, fromVersion: tenant.schemaVersion });
        queues.set(tenant.server, queue);
      }
      const turns = [...queues.values()].reduce((n, q) => n + q.length, 0);
      await this.migrateQueues(queues);
      if (this.stopping || turns === rows.length) return;
    }
  }

  private async migrateQueues(queues: Map<string, Turn[]>): Promise<void> {
    const workers = this.rollout.concurrencyPerServer;
    const worker = async (queue: Turn[]) => {
      // Together the workers of all servers keep to ROLLOUT_CPU_SHARE while the process serves requests.
      const pace = pacing(() => this.services.pool.inFlight > 0, this.services.config.rolloutShare / (workers * queues.size));
      for (let turn = queue.shift(); turn && !this.stopping; turn = queue.shift()) {
        await this.migrateTenant(turn).catch((error: unknown) => {
          this.failure ??= error;
          this.stopping = true;
        });
        await pace();
      }
    };
    await Promise.all([...queues.values()].flatMap((queue) => Array.from({ length: Math.min(workers, queue.length) }, () => worker(queue))));
    if (this.failure) throw this.failure;
  }

  /** The cohort's tenants at the target version already (serving, and no other job on them): SUCCEEDED, up to date, in one statement. */
  private async countUpToDate(position: number): Promise<void> {
    const { id, attempts, targetVersion } = this.rollout;
    const rows = await this.services.platform.$queryRaw<Array<RolloutCohort & { slug: string | null; rolloutStatus: RolloutStatus }>>`
      WITH done AS (
        UPDATE "RolloutTenant" rt SET status = 'SUCCEEDED', detail = 'up to date', "fromVersion" = t."schemaVersion", "startedAt" = now(), "finishedAt" = now()
        FROM "Tenant" t
        WHERE rt."rolloutId" = ${id}::uuid AND rt.cohort = ${position} AND rt.status IN ('PENDING', 'RUNNING') AND t.id = rt."tenantId"
          AND t."schemaVersion" = ${targetVersion} AND t.status IN ('ACTIVE', 'SUSPENDED')
          AND NOT EXISTS (SELECT 1 FROM "ProvisioningJob" j WHERE j."tenantId" = t.id AND j.status IN ('QUEUED', 'RUNNING'))
          AND EXISTS (SELECT 1 FROM "Rollout" WHERE id = ${id}::uuid AND "lockedBy" = ${this.owner} AND attempts = ${attempts})
        RETURNING t.slug
      ), counted AS (
        UPDATE "RolloutCohort" SET succeeded = succeeded + (SELECT count(*) FROM done)::int
        WHERE "rolloutId" = ${id}::uuid AND position = ${position} AND EXISTS (SELECT 1 FROM done)
        RETURNING *
      )
      SELECT counted.*, done.slug, r.status AS "rolloutStatus" FROM counted CROSS JOIN done CROSS JOIN "Rollout" r WHERE r.id = ${id}::uuid`;
    if (rows.length === 0) return;
    const { slug: _slug, rolloutStatus, ...cohort } = rows[0];
    this.cohorts.set(position, cohort);
    this.status = rolloutStatus;
    for (const row of rows) this.publish('TENANT_SUCCEEDED', row.slug!, 'up to date');
  }

  private async migrateTenant(turn: Turn): Promise<void> {
    const { platform } = this.services;
    const { id, attempts } = this.rollout;
    // Starts only while the rollout runs and is still this driver's: a halt, a cancel or a takeover stops here.
    const started = await platform.$executeRaw`
      UPDATE "RolloutTenant" SET status = 'RUNNING', "startedAt" = now(), "fromVersion" = ${turn.fromVersion}, detail = NULL
      WHERE "rolloutId" = ${id}::uuid AND "tenantId" = ${turn.tenantId}::uuid AND status IN ('PENDING', 'RUNNING')
        AND EXISTS (SELECT 1 FROM "Rollout" WHERE id = ${id}::uuid AND status = 'RUNNING' AND "lockedBy" = ${this.owner} AND attempts = ${attempts})`;
    if (!started) {
      this.stopping = true;
      return;
    }
    this.running++;
    this.publish('TENANT_STARTED', turn.slug, null);
    const tenant = { id: turn.tenantId, slug: turn.slug };
    const outcome = await inChildSpan('rollout tenant migration', { tenant }, async () => {
      const result = await migrateInRollout(this.services, turn.tenantId);
      noteWorkOutcome({ 'rollout.tenant.status': result.status }, result.status === 'FAILED' ? 'MIGRATION_FAILED' : undefined);
      return result;
    });
    // The tenant's outcome and its cohort's count move together; the rollout's status comes back with them.
    const [cohort] = await platform.$queryRaw<Array<RolloutCohort & { rolloutStatus: RolloutStatus; rolloutError: string | null }>>`
      WITH finished AS (
        UPDATE "RolloutTenant" SET status = ${outcome.status}::"RolloutTenantStatus", detail = ${outcome.detail}, "finishedAt" = now()
        WHERE "rolloutId" = ${id}::uuid AND "tenantId" = ${turn.tenantId}::uuid AND status = 'RUNNING'
          AND EXISTS (SELECT 1 FROM "Rollout" WHERE id = ${id}::uuid AND "lockedBy" = ${this.owner} AND attempts = ${attempts})
        RETURNING cohort
      ), counted AS (
        UPDATE "RolloutCohort" c
        SET succeeded = succeeded + (${outcome.status} = 'SUCCEEDED')::int,
            failed = failed + (${outcome.status} = 'FAILED')::int,
            skipped = skipped + (${outcome.status} = 'SKIPPED')::int
        FROM finished WHERE c."rolloutId" = ${id}::uuid AND c.position = finished.cohort
        RETURNING c.*
      )
      SELECT counted.*, r.status AS "rolloutStatus", r.error AS "rolloutError" FROM counted, "Rollout" r WHERE r.id = ${id}::uuid`;
    this.running--;
    if (!cohort) {
      // Another driver has the rollout now: it migrates this tenant again and counts it.
      this.stopping = true;
      return;
    }
    const { rolloutStatus, rolloutError, ...row } = cohort;
    this.cohorts.set(row.position, row);
    this.status = rolloutStatus;
    this.error = rolloutError;
    if (rolloutStatus !== 'RUNNING') this.stopping = true;
    this.publish(OUTCOME_EVENT[outcome.status], turn.slug, outcome.detail);
    const failures = [...this.cohorts.values()].reduce((n, c) => n + c.failed, 0);
    if (outcome.status === 'FAILED' && failures > this.rollout.maxFailures) await this.halt(`${turn.slug}: ${outcome.detail}`);
  }

  /** Sets a cohort's status, while the rollout is still this driver's (and, to start one, still RUNNING). */
  private async setCohort(position: number, status: RolloutCohortStatus): Promise<boolean> {
    const { id, attempts } = this.rollout;
    const [row] = await this.services.platform.$queryRaw<RolloutCohort[]>`
      UPDATE "RolloutCohort" c SET status = ${status}::"RolloutCohortStatus"
      FROM "Rollout" r
      WHERE c."rolloutId" = ${id}::uuid AND c.position = ${position} AND r.id = c."rolloutId"
        AND r."lockedBy" = ${this.owner} AND r.attempts = ${attempts} AND (${status} <> 'RUNNING' OR r.status = 'RUNNING')
      RETURNING c.*`;
    if (row) this.cohorts.set(position, row);
    return row !== undefined;
  }

  /** After no tenant may start any more: a halted rollout's cohort says so; the rollout is let go. */
  private async stopped(position?: number): Promise<void> {
    const { id, attempts } = this.rollout;
    const [row] = await this.services.platform.$queryRaw<Array<{ status: RolloutStatus }>>`SELECT status FROM "Rollout" WHERE id = ${id}::uuid AND "lockedBy" = ${this.owner} AND attempts = ${attempts}`;
    if (!row) return; // taken over: the other driver speaks for it now
    if (row.status === 'HALTED' && position !== undefined) await this.setCohort(position, 'HALTED');
    await this.end(this.services.platform.$executeRaw`
      UPDATE "Rollout" SET "lockedBy" = NULL, "heartbeatAt" = NULL WHERE id = ${id}::uuid AND "lockedBy" = ${this.owner} AND attempts = ${attempts}`);
  }

  private async end(release: Promise<number>): Promise<void> {
    if (await release) publishRollout(this.services, await rolloutState(this.services, this.rollout.id));
  }

  private publish(kind: RolloutEventKind, tenant: string, detail: string | null): void {
    publishRollout(this.services, {
      rolloutId: this.rollout.id,
      kind,
      tenant,
      detail,
      status: this.status,
      error: this.error,
      running: this.running,
      cohorts: [...this.cohorts.values()].map(totalsOf),
    });
  }
}

/** The graphile-worker task of rollouts to this release's version (jobQueue.ts's rolloutTask names it). */
export function driveRollout(services: DriverServices): Task {
  return async (payload, helpers) => {
    const { rolloutId } = payload as RolloutPayload;
    const driver = await RolloutDriver.claim(services, rolloutId, helpers.job.locked_by!);
    if (!driver) return;
    // One trace per run of the driver, a child span per tenant it migrates.
    await inTrace('rollout', { attributes: { 'rollout.id': rolloutId, 'job.attempt': helpers.job.attempts } }, async () => {
      try {
        await driver.run();
      } catch (error) {
        // Not a tenant's failure (those are counted): the platform database, most likely. graphile-worker retries; the last attempt halts it.
        if (helpers.job.attempts < helpers.job.max_attempts) throw error;
        await driver.halt(`the rollout's driver failed ${helpers.job.attempts} times; the last time: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };
}
