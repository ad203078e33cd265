// Rollouts are the platform's: only platform admins start, follow or steer them.
import { authorize } from '../../auth/policy';
import type { UserPrincipal } from '../../auth/principal';
import { notFound } from '../../errors';
import { isUuid } from '../../ids';
import type { Services } from '../../services';

/** The rollout, for a platform admin (or, with no user, the operator at the db command); NOT_FOUND when there is none by that id. */
export async function rolloutForAdmin(services: Pick<Services, 'platform'>, user: UserPrincipal | null, rolloutId: string) {
  if (user) authorize(user, undefined, 'platform.manage');
  const rollout = isUuid(rolloutId) ? await services.platform.rollout.findUnique({ where: { id: rolloutId } }) : null;
  if (!rollout) throw notFound(`rollout ${rolloutId}`);
  return rollout;
}
