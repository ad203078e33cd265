// A tenant's invitations: which are still pending, and revoking one.
import { badInput, notFound } from '../errors';
import type { Prisma } from '../generated/platform/client';
import type { Services } from '../services';

/** Neither accepted nor revoked, and not expired at `now`. */
export const pendingAt = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }) satisfies Prisma.InvitationWhereInput;

/** Its token stops working. Revoking twice is harmless; an accepted one is a membership now. */
export async function revokeInvitation(services: Pick<Services, 'platform'>, tenantId: string, id: string) {
  const invitation = await services.platform.invitation.findFirst({ where: { id, tenantId } });
  // Another tenant's invitation looks exactly like a missing one.
  if (!invitation) throw notFound('invitation');
  if (invitation.acceptedAt) throw badInput('this invitation was accepted: remove the member instead', { field: 'id' });
  if (invitation.revokedAt) return invitation;
  return services.platform.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
}
