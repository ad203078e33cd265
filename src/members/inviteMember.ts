// Inviting someone into a tenant by email, with a role. The answer carries the
// accept token, once; the platform keeps its hash. Inviting an email again replaces
// its pending invitation (a lost or misdirected token stops working).
import { z } from 'zod';
import { authorize } from '../auth/policy';
import { parseInput } from '../domain/validate';
import { badInput } from '../errors';
import type { MemberRole } from '../generated/platform/client';
import type { Services } from '../services';
import { mailInvitation } from './invitationMail';
import { pendingAt } from './invitations';
import { generateOpaqueToken } from '../auth/opaqueTokens';
import { lockMembers } from './lockMembers';
import type { Manager } from './manager';

const NewInvitation = z.object({ email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')) });

export async function inviteMember(services: Pick<Services, 'platform' | 'mailer' | 'config' | 'log'>, by: Manager, input: { email: string; role: MemberRole }) {
  const { email } = parseInput(NewInvitation, { email: input.email });
  if (input.role === 'OWNER') authorize(by.principal, by.role, 'members.owners');
  const tenantId = by.tenant.id;
  const { token, hash } = generateOpaqueToken();
  const now = new Date();
  const invitation = await services.platform.$transaction(async (tx) => {
    await lockMembers(tx, tenantId);
    if (await tx.membership.findFirst({ where: { tenantId, user: { email } }, select: { id: true } })) {
      throw badInput('is already a member of this tenant', { field: 'email' });
    }
    await tx.invitation.updateMany({ where: { tenantId, email, ...pendingAt(now) }, data: { revokedAt: now } });
    return tx.invitation.create({
      data: { tenantId, email, role: input.role, tokenHash: hash, invitedById: by.principal.userId, expiresAt: new Date(now.getTime() + services.config.invitationTtlMs) },
    });
  });
  return { invitation, token, mailed: await mailInvitation(services, by, invitation, token) };
}
