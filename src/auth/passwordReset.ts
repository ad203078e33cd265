// Forgotten passwords: a reset token is mailed to the account's address, works once,
// within an hour, and setting the new password with it ends every session of the
// account and lifts its login lockout. Asking answers the same whether or not the
// email has an account, and as fast: the request only queues a job and answers; the
// job (resetMail.ts) looks the address up and mails, so neither the answer nor its
// timing depends on the address.
import { z } from 'zod';
import { unauthenticated } from '../errors';
import type { Services } from '../services';
import { parseInput } from '../domain/validate';
import { AccountEmail, NewPassword } from './accounts';
import { hashOpaqueToken } from './opaqueTokens';
import { hashPassword } from './passwords';
import { queueResetMail } from './resetMail';
import { endSessions } from './sessions';

/** Always true. For a known email, and with SMTP_URL set, a reset token is on its way by mail. */
export async function requestPasswordReset(services: Pick<Services, 'log' | 'platform' | 'mailer'>, givenEmail: string): Promise<true> {
  if (!services.mailer) {
    services.log.warn('a password reset was asked for, but SMTP_URL is not set: no mail can carry the token');
    return true;
  }
  // No account has an address that is not one: nothing to queue.
  const email = AccountEmail.safeParse(givenEmail);
  if (email.success) await queueResetMail(services.platform, email.data);
  return true;
}

const RESET_REFUSED = 'invalid, expired or already used reset token: ask for a new one';

/** Sets the password for a reset token, once; every session of the account ends, and its failed logins are forgotten. */
export async function resetPassword(services: Pick<Services, 'platform' | 'loginThrottle' | 'changes'>, token: string, password: string): Promise<true> {
  const passwordHash = await hashPassword(parseInput(z.object({ password: NewPassword }), { password }).password);
  const user = await services.platform.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashOpaqueToken(token) }, select: { id: true, userId: true } });
    if (!reset) return undefined;
    // Used up here, only if still unused and current: of two resets with one token, one wins.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count !== 1) return undefined;
    // The account's other mailed tokens go with it: one reset per request for help.
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } });
    return tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { id: true, email: true } });
  });
  if (!user) throw unauthenticated(RESET_REFUSED);
  await endSessions(services, { userId: user.id });
  // The owner proved who they are: the guesses that locked the account no longer keep them out.
  await services.loginThrottle.succeeded(user.email);
  return true;
}
