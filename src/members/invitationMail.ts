// The mail that carries an invitation's token. A mail that cannot be sent does not
// undo the invitation: the inviter has the token in the answer (`mailed: false`)
// and can pass it on, or invite again.
import { publicBaseUrl } from '../config';
import type { Invitation } from '../generated/platform/client';
import type { Services } from '../services';
import type { Manager } from './manager';

/** True when the SMTP server took it; false without SMTP_URL or when sending failed (logged). */
export async function mailInvitation(services: Pick<Services, 'mailer' | 'config' | 'log'>, by: Manager, invitation: Invitation, token: string): Promise<boolean> {
  if (!services.mailer) return false;
  const base = publicBaseUrl(services.config);
  const text = [
    `${by.principal.email} invited you to ${by.tenant.name} as ${invitation.role}.`,
    '',
    `Accept: ${base}/?invitation=${token}`,
    '',
    `Or sign in (or sign up) as ${invitation.email} and run: mutation { acceptInvitation(token: "${token}") { member { role } } }`,
    '',
    `The invitation expires at ${invitation.expiresAt.toISOString()}.`,
  ].join('\n');
  try {
    await services.mailer.send({ to: invitation.email, subject: `You are invited to ${by.tenant.name}`, text });
    return true;
  } catch (err) {
    services.log.warn({ err, invitationId: invitation.id, tenant: by.tenant.slug }, 'the invitation mail could not be sent; the invitation stands');
    return false;
  }
}
