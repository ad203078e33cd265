// startRollout: the rollout's rows (its cohorts, and each tenant's part, decided now)
// and its driver's task, in one transaction. Its tenants are those not yet at this
// release's version (unknown counts as not), whatever their status: one that is not
// serving, or that another job has, is skipped and named when its turn comes. Tenants
// made meanwhile are built at this release's version already. One rollout at a time:
// a halted one is resumed or cancelled first.
import { authorize } from '../../auth/policy';
import type { UserPrincipal } from '../../auth/principal';
import { badInput, ErrorCode, gatewayError } from '../../errors';
import type { Services } from '../../services';
import { enqueueRollout } from '../jobs/jobQueue';
import { latestVersion } from '../schemaVersions';
import { assignCohorts, type CohortSpec } from './cohorts';

export interface RolloutOptions {
  /** In order; default: one cohort, "all", of every tenant behind. */
  cohorts?: CohortSpec[] | null;
  /** Default: DB_CONCURRENCY. */
  concurrencyPerServer?: number | null;
  /** Default 0: the first failure halts it. */
  maxFailures?: number | null;
}

const MAX_CONCURRENCY = 64;
const MAX_COHORTS = 20;

/** Who starts it: a platform admin through the API, or the operator at the db command (no user). */
export async function startRollout(services: Pick<Services, 'config' | 'platform'>, startedBy: UserPrincipal | null, options: RolloutOptions) {
  if (startedBy) authorize(startedBy, undefined, 'platform.manage');
  const concurrencyPerServer = options.concurrencyPerServer ?? services.config.dbConcurrency;
  const maxFailures = options.maxFailures ?? 0;
  const specs = options.cohorts ?? [{ name: 'all' }];
  if (!Number.isInteger(concurrencyPerServer) || concurrencyPerServer < 1 || concurrencyPerServer > MAX_CONCURRENCY) {
    throw badInput(`concurrencyPerServer is a whole number from 1 to ${MAX_CONCURRENCY}`, { field: 'concurrencyPerServer' });
  }
  if (!Number.isInteger(maxFailures) || maxFailures < 0) throw badInput('maxFailures is a whole number, 0 or more', { field: 'maxFailures' });
  if (specs.length > MAX_COHORTS) throw badInput(`at most ${MAX_COHORTS} cohorts`, { field: 'cohorts' });
  const targetVersion = latestVersion();

  return services.platform.$transaction(
    async (tx) => {
      // One start at a time, whichever process asks.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tenantgraph:rollout'))`;
      const open = await tx.rollout.findFirst({ where: { status: { in: ['RUNNING', 'HALTED'] } } });
      if (open) {
        throw gatewayError(ErrorCode.CONFLICT, `rollout ${open.id} is ${open.status.toLowerCase()}: ${open.status === 'HALTED' ? 'resume or cancel it' : 'wait for it, or cancel it'} first`, { rolloutId: open.id });
      }
      const all = await tx.tenant.findMany({ select: { id: true, slug: true, schemaVersion: true } });
      const behind = all.filter((t) => t.schemaVersion !== targetVersion);
      const cohorts = assignCohorts(specs, behind, new Map(all.map((t) => [t.slug, t])));
      const rollout = await tx.rollout.create({ data: { targetVersion, concurrencyPerServer, maxFailures, startedById: startedBy?.userId } });
      await tx.rolloutCohort.createMany({ data: cohorts.map((tenants, position) => ({ rolloutId: rollout.id, position, name: specs[position].name.trim(), total: tenants.length })) });
      await tx.rolloutTenant.createMany({ data: cohorts.flatMap((tenants, cohort) => tenants.map((t) => ({ rolloutId: rollout.id, tenantId: t.id, cohort }))) });
      await enqueueRollout(tx, rollout);
      return rollout;
    },
    // A fleet of many thousand tenants is one insert of that many rows.
    { timeout: 60_000 },
  );
}
