// Forgotten passwords: a reset token is mailed to the account's address, works once,
// within an hour, and setting the new password with it ends every session of the
// account. Asking answers the same whether or not the email has an account, and
// as fast: the mail is sent after the answer, so neither the answer nor its timing
// tells whether an address is known.
import { z } from 'zod';
import { unauthenticated } from '../errors';
import type { Services } from '../services';
import { parseInput } from '../domain/validate';
import { NewPassword } from './accounts';
import { generateOpaqueToken, hashOpaqueToken } from './opaqueTokens';
import { hashPassword } from './passwords';
import { endSessions } from './sessions';

const RESET_TTL_MS = 60 * 60 * 1000;

function resetMail(services: Services, token: string) {
  const base = services.config.mail.publicUrl ?? `http://localhost:${services.config.port}`;
  return [
    'Someone (we hope you) asked to reset the password of your tenantgraph account.',
    '',
    'Your reset token works once, for one hour:',
    '',
    `  ${token}`,
    '',
    `Set a new password at ${base}/graphql with:`,
    '',
    `  mutation { resetPassword(token: "${token}", password: "<your new password>") }`,
    '',
    'Every device signed in to your account is then signed out.',
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  ].join('\n');
}

/** Always true. For a known email, and with SMTP_URL set, a reset token is on its way by mail. */
export async function requestPasswordReset(services: Services, givenEmail: string): Promise<true> {
  const email = givenEmail.trim().toLowerCase();
  const { mailer } = services;
  if (!mailer) {
    services.log.warn('a password reset was asked for, but SMTP_URL is not set: no mail can carry the token');
    return true;
  }
  const user = await services.platform.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return true;
  const { token, hash } = generateOpaqueToken();
  await services.platform.passwordReset.create({ data: { userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) } });
  mailer
    .send({ to: user.email, subject: 'Reset your tenantgraph password', text: resetMail(services, token) })
    .catch((err: unknown) => services.log.error({ err, userId: user.id }, 'the password reset mail could not be sent'));
  return true;
}

const RESET_REFUSED = 'invalid, expired or already used reset token: ask for a new one';

/** Sets the password for a reset token, once; every session of the account ends. */
export async function resetPassword(services: Services, token: string, password: string): Promise<true> {
  const passwordHash = await hashPassword(parseInput(z.object({ password: NewPassword }), { password }).password);
  const userId = await services.platform.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashOpaqueToken(token) }, select: { id: true, userId: true } });
    if (!reset) return undefined;
    // Used up here, only if still unused and current: of two resets with one token, one wins.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (count !== 1) return undefined;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    // The account's other mailed tokens go with it: one reset per request for help.
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } });
    return reset.userId;
  });
  if (!userId) throw unauthenticated(RESET_REFUSED);
  await endSessions(services, { userId });
  return true;
}
