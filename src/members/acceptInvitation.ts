// Accepting an invitation: the signed-in person whose email it was sent to becomes a
// member with the invited role. Whatever is wrong with a token (unknown, expired,
// revoked, used, another person's) gets one answer, so a token tells nothing about
// an invitation to whoever holds it but its addressee.
import type { UserPrincipal } from '../auth/principal';
import { badInput } from '../errors';
import type { Services } from '../services';
import { announceMembershipChange, type Announcer } from '../tenancy/tenantChanges';
import { pendingAt } from './invitations';
import { hashOpaqueToken } from '../auth/opaqueTokens';
import { asMember, withUser } from './members';
import { lockMembers } from './lockMembers';

const refused = () => badInput('this invitation cannot be accepted: it is unknown, expired, revoked or used, or for another email', { field: 'token' });

export async function acceptInvitation(services: Pick<Services, 'platform'> & Announcer, principal: UserPrincipal, token: string) {
  const now = new Date();
  const invitation = await services.platform.invitation.findUnique({ where: { tokenHash: hashOpaqueToken(token) }, include: { tenant: { include: { plan: true } } } });
  if (!invitation || invitation.email !== principal.email.toLowerCase()) throw refused();
  const { tenantId, role } = invitation;
  const membership = await services.platform.$transaction(async (tx) => {
    await lockMembers(tx, tenantId);
    // Taken here, under the lock: of two acceptances at once, one wins.
    const taken = await tx.invitation.updateMany({ where: { id: invitation.id, ...pendingAt(now) }, data: { acceptedAt: now } });
    if (taken.count !== 1) throw refused();
    if (await tx.membership.findUnique({ where: { userId_tenantId: { userId: principal.userId, tenantId } }, select: { id: true } })) {
      throw badInput('you are a member of this tenant already', { field: 'token' });
    }
    return tx.membership.create({ data: { userId: principal.userId, tenantId, role }, include: withUser });
  });
  // A process that looked the person up before (and cached "no role") lets them in on their next request.
  await announceMembershipChange(services, principal.userId, tenantId);
  return { member: asMember(membership), tenant: invitation.tenant };
}
