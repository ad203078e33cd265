// The work of a password reset request, done by a job once the request is answered
// (passwordReset.ts): find the account of the address, keep to
// PASSWORD_RESET_MAILS_PER_HOUR, store the new token's hash and mail the token. The
// job is queued on the platform database, so a request is never lost with the
// process that answered it; a mail the SMTP server does not take is tried again with
// graphile-worker's backoff, its token withdrawn first, so that an undelivered token
// neither works nor counts against the limit.
import type { Task } from 'graphile-worker';
import { publicBaseUrl } from '../config';
import type { PlatformDb } from '../db/platformClient';
import type { Services } from '../services';
import { generateOpaqueToken } from './opaqueTokens';

export const RESET_MAIL_TASK = 'tenantgraph:password-reset-mail';

interface ResetMailPayload {
  email: string;
}

// graphile-worker waits about e^n seconds before attempt n + 1: ten attempts outlast
// some three and a half hours of a mail server being away.
const MAX_ATTEMPTS = 10;
const HOUR_MS = 60 * 60 * 1000;
const RESET_TTL_MS = HOUR_MS;

export async function queueResetMail(platform: PlatformDb, email: string): Promise<void> {
  await platform.$executeRaw`SELECT graphile_worker.add_job(
    ${RESET_MAIL_TASK}::text,
    json_build_object('email', ${email}::text),
    max_attempts := ${MAX_ATTEMPTS}::int
  )`;
}

function resetMailText(services: Pick<Services, 'config'>, token: string) {
  const base = publicBaseUrl(services.config);
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

/** Stores a new reset token for the user and answers it, unless the account had its mails for this hour. */
async function newResetToken(services: Pick<Services, 'config' | 'platform'>, userId: string): Promise<{ id: string; token: string } | undefined> {
  const { token, hash } = generateOpaqueToken();
  return services.platform.$transaction(async (tx) => {
    // One job at a time per account, on any process: two must not both find room under the limit.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    const recent = await tx.passwordReset.count({ where: { userId, createdAt: { gt: new Date(Date.now() - HOUR_MS) } } });
    if (recent >= services.config.passwordResetMailsPerHour) return undefined;
    const reset = await tx.passwordReset.create({ data: { userId, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) }, select: { id: true } });
    return { id: reset.id, token };
  });
}

async function sendResetMail(services: Pick<Services, 'config' | 'log' | 'platform' | 'mailer'>, email: string): Promise<void> {
  const { mailer, platform, log } = services;
  // Gateways of one platform share settings; one without SMTP_URL leaves the mail to a later attempt.
  if (!mailer) throw new Error('SMTP_URL is not set on this process: the password reset mail is left for another attempt');
  const user = await platform.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  const reset = await newResetToken(services, user.id);
  if (!reset) {
    log.info({ userId: user.id }, 'password reset not mailed: PASSWORD_RESET_MAILS_PER_HOUR reached for this account');
    return;
  }
  try {
    await mailer.send({ to: user.email, subject: 'Reset your tenantgraph password', text: resetMailText(services, reset.token) });
  } catch (err) {
    await platform.passwordReset.delete({ where: { id: reset.id } });
    throw err;
  }
}

export const resetMailTask = (services: Pick<Services, 'config' | 'log' | 'platform' | 'mailer'>): Task => async (payload) => sendResetMail(services, (payload as ResetMailPayload).email);
