// Scheduled backups: each tenant is exported every `everyHours` (its own policy, else
// its plan's) and keeps its newest `keep` scheduled archives. graphile-worker's cron
// runs the sweep once a minute on one process of the fleet; the sweep queues the
// exports that are due. Each tenant's backups fall at a point of the interval its id
// picks, so a fleet created in one day does not back up in one minute. A backup that fails is a FAILED SCHEDULED export (listed by
// tenantExports, counted by /metrics), its job retried like any job's.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { authorize } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { parseInput } from '../domain/validate';
import { namedTenant } from '../provisioning/namedTenant';
import type { Plan, Tenant } from '../generated/platform/client';
import type { Services } from '../services';
import { deleteArchive } from './deleteArchive';
import { queueExport, pendingExportOf } from './queueExport';

export const BACKUP_TASK = 'tenantgraph:scheduleBackups';
/** Every minute; `?max=1`: a sweep missed while no worker was up is made up once. */
export const BACKUP_CRONTAB = `* * * * * ${BACKUP_TASK} ?max=1`;

const HOUR_MS = 3_600_000;
/** Tenants queued per sweep: a fleet behind on its backups catches up over a few minutes, not in one burst of jobs. */
const DUE_PER_SWEEP = 200;

export interface BackupPolicy {
  /** Null: no scheduled backups. */
  everyHours: number | null;
  keep: number;
}

/** The policy in force: the tenant's own, else its plan's. A tenant's 0 turns its plan's backups off. */
export function backupPolicyOf(tenant: Pick<Tenant, 'backupEveryHours' | 'backupKeep'>, plan: Pick<Plan, 'backupEveryHours' | 'backupKeep'>): BackupPolicy {
  const everyHours = tenant.backupEveryHours ?? plan.backupEveryHours;
  return { everyHours: everyHours ? everyHours : null, keep: tenant.backupKeep ?? plan.backupKeep };
}

/**
 * Gives every serving tenant with a policy but no date its first backup, in one
 * statement however large the fleet: after one whole interval, at the point of the next
 * one its id picks (the first 32 bits of the SHA-256 of its id, as a fraction). A new
 * tenant has nothing yet to lose, and a release that gives a plan backups does not back
 * its whole fleet up within the hour.
 */
async function scheduleFirstBackups(platform: Services['platform'], now: Date): Promise<number> {
  return platform.$executeRaw`
    UPDATE "Tenant" t
    SET "nextBackupAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      + (1 + ('x' || left(encode(sha256(t.id::text::bytea), 'hex'), 8))::bit(32)::bigint / 4294967296.0)
      * coalesce(t."backupEveryHours", p."backupEveryHours") * interval '1 hour'
    FROM "Plan" p
    WHERE p.id = t."planId" AND t."nextBackupAt" IS NULL AND t.status IN ('ACTIVE', 'SUSPENDED')
      AND coalesce(t."backupEveryHours", p."backupEveryHours") > 0`;
}

/** The backup after one due at `due`: one interval later, or, for a tenant far behind, the next point of its phase after now. */
export function nextBackupAfter(due: Date, everyHours: number, now: Date): Date {
  const interval = everyHours * HOUR_MS;
  const next = due.getTime() + interval;
  return new Date(next > now.getTime() ? next : now.getTime() + interval - ((now.getTime() - due.getTime()) % interval));
}

export interface BackupSweep {
  scheduled: number;
  queued: number;
  skipped: number;
}

/** Gives tenants with a policy but no date their first one, and queues the backups due at `now`. */
export async function queueDueBackups(services: Pick<Services, 'config' | 'platform' | 'log'>, now = new Date()): Promise<BackupSweep> {
  const { platform } = services;
  const sweep: BackupSweep = { scheduled: 0, queued: 0, skipped: 0 };
  const serving = { status: { in: ['ACTIVE' as const, 'SUSPENDED' as const] } };
  sweep.scheduled = await scheduleFirstBackups(platform, now);
  const due = await platform.tenant.findMany({ where: { ...serving, nextBackupAt: { lte: now } }, include: { plan: true }, orderBy: { nextBackupAt: 'asc' }, take: DUE_PER_SWEEP });
  for (const tenant of due) {
    const { everyHours } = backupPolicyOf(tenant, tenant.plan);
    try {
      await platform.$transaction(async (tx) => {
        // Only if no other sweep moved it meanwhile; a policy turned off clears the date.
        const next = everyHours ? nextBackupAfter(tenant.nextBackupAt!, everyHours, now) : null;
        const { count } = await tx.tenant.updateMany({ where: { id: tenant.id, nextBackupAt: tenant.nextBackupAt }, data: { nextBackupAt: next } });
        if (!count || !everyHours) return;
        // One being written (asked for by a person, or a backup still running) stands for this one.
        if (await pendingExportOf(tx, tenant.id)) {
          sweep.skipped += 1;
          return;
        }
        await queueExport(tx, services, tenant.id, 'SCHEDULED');
        sweep.queued += 1;
      });
    } catch (err) {
      sweep.skipped += 1;
      services.log.warn({ err, tenant: tenant.slug }, 'a scheduled backup could not be queued');
    }
  }
  return sweep;
}

export const backupTask = (services: Pick<Services, 'config' | 'platform' | 'log'>): Task => async () => {
  const sweep = await queueDueBackups(services);
  if (sweep.queued || sweep.skipped) services.log.info({ ...sweep }, 'scheduled backups queued');
};

/**
 * Deletes the tenant's scheduled archives beyond the newest `keep` READY ones, and the
 * failed backups a later one made good (a person's exports and uploads are theirs to delete).
 */
export async function pruneBackups(services: Pick<Services, 'platform' | 'archives' | 'log'>, tenant: Tenant & { plan?: Plan }) {
  const plan = tenant.plan ?? (await services.platform.plan.findUniqueOrThrow({ where: { id: tenant.planId } }));
  const { keep } = backupPolicyOf(tenant, plan);
  const backups = { tenantId: tenant.id, origin: 'SCHEDULED' as const };
  const ready = await services.platform.tenantExport.findMany({ where: { ...backups, status: 'READY' }, orderBy: { createdAt: 'desc' } });
  const newest = ready[0]?.createdAt;
  const failed = newest ? await services.platform.tenantExport.findMany({ where: { ...backups, status: 'FAILED', createdAt: { lt: newest } } }) : [];
  for (const old of [...ready.slice(keep), ...failed]) await deleteArchive(services, old);
}

const PolicyInput = z.object({
  everyHours: z.number().int().min(0).max(8760).nullish(),
  keep: z.number().int().min(1).max(1000).nullish(),
});

/** A tenant's own backup policy (null fields: the plan's); its next backup is placed anew. */
export async function setBackupPolicy(services: Pick<Services, 'platform' | 'memberships'>, user: UserPrincipal, slug: string, raw: z.input<typeof PolicyInput>) {
  const input = parseInput(PolicyInput, raw);
  const { tenant, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'data.export');
  // Null: the sweep places it by the new policy.
  return services.platform.tenant.update({
    where: { id: tenant.id },
    data: { backupEveryHours: input.everyHours ?? null, backupKeep: input.keep ?? null, nextBackupAt: null },
    include: { plan: true },
  });
}
