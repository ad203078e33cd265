// Signing up, signing in and changing one's password. Signing up and in open a
// session (sessions.ts) and answer with its tokens and the user, memberships included.
import { z } from 'zod';
import { badInput, unauthenticated } from '../errors';
import type { Services } from '../services';
import { parseInput } from '../domain/validate';
import { hashPassword, verifyPassword } from './passwords';
import type { UserPrincipal } from './principal';
import { endSessions, startSession } from './sessions';

const userWithMemberships = { memberships: { include: { tenant: { include: { plan: true } } } } } as const;

/** Every password the gateway sets: sign-up, a change, a reset. */
export const NewPassword = z.string().min(8, 'must be at least 8 characters').max(200);

/** An account's email as stored: trimmed, lower case. */
export const AccountEmail = z.string().trim().toLowerCase().pipe(z.email('must be an email address'));

const SignUpInput = z.object({
  email: AccountEmail,
  password: NewPassword,
  name: z.string().trim().min(1, 'is required').max(120),
});

/** What a transport knows of the client that signs in. */
export interface SignInClient {
  userAgent?: string | undefined;
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function signUp(services: Pick<Services, 'config' | 'platform' | 'tokens'>, input: z.input<typeof SignUpInput>, client: SignInClient = {}) {
  const { email, password, name } = parseInput(SignUpInput, input);
  const existing = await services.platform.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw badInput('an account with this email already exists', { field: 'email' });
  const user = await services.platform.user.create({
    data: { email, name, passwordHash: await hashPassword(password) },
    include: userWithMemberships,
  });
  return { ...(await startSession(services, user, client)), user };
}

export async function login(services: Pick<Services, 'config' | 'platform' | 'tokens' | 'loginThrottle'>, givenEmail: string, password: string, tenant?: string | null, client: SignInClient = {}) {
  const email = givenEmail.trim().toLowerCase();
  const failures = await services.loginThrottle.assertAllowed(email);
  const user = await services.platform.user.findUnique({ where: { email }, include: userWithMemberships });
  const ok = user
    ? await verifyPassword(password, user.passwordHash)
    : await verifyPassword(password, await (decoyHash ??= hashPassword('decoy-password'))).then(() => false);
  if (!user || !ok) {
    await services.loginThrottle.failed(email);
    throw unauthenticated('wrong email or password');
  }
  // Most logins have no failures on record: nothing to clear, no round trip.
  if (failures > 0) await services.loginThrottle.succeeded(email);
  const refusal = services.tokens.refusalOf(user.id);
  if (refusal) throw unauthenticated(refusal);
  if (tenant && !user.isPlatformAdmin && !user.memberships.some((m) => m.tenant.slug === tenant)) {
    throw badInput(`you are not a member of tenant "${tenant}"`, { field: 'tenant' });
  }
  return { ...(await startSession(services, user, { ...client, tenant })), user };
}

/**
 * A new password for a signed-in user who knows the current one. Their other
 * sessions end (a thief's among them); this one stays. Wrong guesses count as failed
 * logins, so a stolen token cannot try passwords faster than a login form.
 */
export async function changePassword(services: Pick<Services, 'platform' | 'loginThrottle' | 'changes'>, principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<number> {
  const password = parseInput(z.object({ newPassword: NewPassword }), { newPassword }).newPassword;
  const failures = await services.loginThrottle.assertAllowed(principal.email);
  const user = await services.platform.user.findUnique({ where: { id: principal.userId }, select: { passwordHash: true } });
  if (!user) throw unauthenticated('this account no longer exists');
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await services.loginThrottle.failed(principal.email);
    throw badInput('the current password is wrong', { field: 'currentPassword' });
  }
  if (failures > 0) await services.loginThrottle.succeeded(principal.email);
  await services.platform.user.update({ where: { id: principal.userId }, data: { passwordHash: await hashPassword(password) } });
  return endSessions(services, { userId: principal.userId, exceptId: principal.sessionId });
}

export function findUser(services: Pick<Services, 'platform'>, userId: string) {
  return services.platform.user.findUnique({ where: { id: userId }, include: userWithMemberships });
}
