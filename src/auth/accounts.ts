// Signing up and signing in. Both answer with a token and the user, memberships included.
import { z } from 'zod';
import { badInput, unauthenticated } from '../errors';
import type { Services } from '../services';
import { parseInput } from '../domain/validate';
import { hashPassword, verifyPassword } from './passwords';

const userWithMemberships = { memberships: { include: { tenant: { include: { plan: true } } } } } as const;

const SignUpInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  name: z.string().trim().min(1, 'is required').max(120),
});

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function signUp(services: Services, input: z.input<typeof SignUpInput>) {
  const { email, password, name } = parseInput(SignUpInput, input);
  const existing = await services.platform.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw badInput('an account with this email already exists', { field: 'email' });
  const user = await services.platform.user.create({
    data: { email, name, passwordHash: await hashPassword(password) },
    include: userWithMemberships,
  });
  const token = await services.tokens.sign({ userId: user.id, email, platformAdmin: false });
  return { token, user };
}

export async function login(services: Services, givenEmail: string, password: string, tenant?: string | null) {
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
  await services.platform.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const token = await services.tokens.sign({
    userId: user.id,
    email: user.email,
    platformAdmin: user.isPlatformAdmin,
    ...(tenant ? { tenant } : {}),
  });
  return { token, user };
}

export function findUser(services: Services, userId: string) {
  return services.platform.user.findUnique({ where: { id: userId }, include: userWithMemberships });
}
