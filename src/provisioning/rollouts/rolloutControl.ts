// Steering a rollout. resumeRollout takes a HALTED one up again: its failed and
// skipped tenants are tried again, then it goes on where it stopped. cancelRollout
// stops a running or halted one for good: no tenant starts again, the ones running
// finish and are counted, the ones never reached stay as they are.
import { authorize } from '../../auth/policy';
import type { UserPrincipal } from '../../auth/principal';
import { ErrorCode, gatewayError } from '../../errors';
import type { Services } from '../../services';
import { enqueueRollout } from '../jobs/jobQueue';
import { latestVersion } from '../schemaVersions';
import { rolloutForAdmin } from './rolloutAccess';
import { publishRollout, rolloutState } from './rolloutEvents';

type ControlServices = Pick<Services, 'platform' | 'events' | 'log'>;

const refused = (id: string, status: string, wanted: string) => gatewayError(ErrorCode.CONFLICT, `rollout ${id} is ${status.toLowerCase()}: only a ${wanted} rollout can be`, { status });

export async function resumeRollout(services: ControlServices, user: UserPrincipal | null, rolloutId: string) {
  const { id } = await rolloutForAdmin(services, user, rolloutId);
  const rollout = await services.platform.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string; targetVersion: string }>>`SELECT status, "targetVersion" FROM "Rollout" WHERE id = ${id}::uuid FOR UPDATE`;
    if (row.status !== 'HALTED') throw refused(id, row.status, 'HALTED');
    // Its driver is addressed to the workers of its release (jobQueue.ts): after a newer release, none are left.
    if (row.targetVersion !== latestVersion()) {
      throw gatewayError(ErrorCode.CONFLICT, `rollout ${id} brings tenants to ${row.targetVersion}, and this release to ${latestVersion()}: cancel it and start another`, { status: row.status });
    }
    await tx.rolloutTenant.updateMany({ where: { rolloutId: id, status: { in: ['FAILED', 'SKIPPED'] } }, data: { status: 'PENDING', detail: null, startedAt: null, finishedAt: null } });
    // Every cohort with tenants to try again runs again, from the first of them.
    await tx.$executeRaw`
      UPDATE "RolloutCohort" SET failed = 0, skipped = 0, status = 'PENDING'
      WHERE "rolloutId" = ${id}::uuid AND (failed > 0 OR skipped > 0 OR status IN ('HALTED', 'RUNNING'))`;
    await enqueueRollout(tx, { id, targetVersion: row.targetVersion });
    return tx.rollout.update({ where: { id }, data: { status: 'RUNNING', error: null } });
  });
  publishRollout(services, await rolloutState(services, id));
  return rollout;
}

export async function cancelRollout(services: ControlServices, user: UserPrincipal, rolloutId: string) {
  const { id } = await rolloutForAdmin(services, user, rolloutId);
  const rollout = await services.platform.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM "Rollout" WHERE id = ${id}::uuid FOR UPDATE`;
    if (row.status !== 'RUNNING' && row.status !== 'HALTED') throw refused(id, row.status, 'RUNNING or HALTED');
    await tx.rolloutCohort.updateMany({ where: { rolloutId: id, status: { in: ['PENDING', 'RUNNING', 'HALTED'] } }, data: { status: 'CANCELLED' } });
    return tx.rollout.update({ where: { id }, data: { status: 'CANCELLED', finishedAt: new Date() } });
  });
  publishRollout(services, await rolloutState(services, id));
  return rollout;
}

/** The newest rollouts first. */
export async function listRollouts(services: Pick<Services, 'platform'>, user: UserPrincipal, first: number) {
  authorize(user, undefined, 'platform.manage');
  return services.platform.rollout.findMany({ orderBy: { createdAt: 'desc' }, take: first });
}
