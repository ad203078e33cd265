// Sessions: a login (or sign-up) opens one, a row in the platform database, and
// answers with a short-lived access token carrying its id (`sid`) and a refresh
// token that renews it. Every refresh rotates the refresh token: the old one is
// retired, and a retired token presented again was copied by someone, so the whole
// session is revoked (theft detection), its access tokens included. Ending a
// session is announced so that every gateway process refuses its tokens at once.
//
// Except within REFRESH_REUSE_GRACE_SECONDS of its retirement: two tabs (or two
// requests of one client) that refresh with the same token at once are one owner,
// not a thief, so the later one gets what the first got. The successor is derived
// from the token (tokens.ts), so any process computes the same one; whether the
// token is current or retired, and since when, is the platform database's answer,
// where of two rotations at the same moment exactly one happens.
import { unauthenticated } from '../errors';
import type { Prisma } from '../generated/platform/client';
import type { Services } from '../services';
import { announceSessionEnded, type Announcer } from '../tenancy/tenantChanges';
import { generateOpaqueToken, hashOpaqueToken } from './opaqueTokens';

export interface SessionUser {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
}

export interface SessionTokens {
  /** The access token. */
  token: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  /** When the refresh token (and, unless refreshed, the session) expires. */
  expiresAt: Date;
}

type SessionServices = Pick<Services, 'platform' | 'tokens' | 'config'>;
type Ending = Pick<Services, 'platform'> & Announcer;

/** The longest user agent kept: enough to tell browsers apart. */
const MAX_USER_AGENT = 300;

const refreshExpiry = (services: SessionServices) => new Date(Date.now() + services.config.sessionTtlMs);

async function accessToken(services: SessionServices, user: SessionUser, sessionId: string, tenant: string | null) {
  const refusal = services.tokens.refusalOf(user.id);
  if (refusal) throw unauthenticated(refusal);
  return services.tokens.sign({ userId: user.id, email: user.email, platformAdmin: user.isPlatformAdmin, sessionId, ...(tenant ? { tenant } : {}) });
}

/** Opens a session for a user who just proved who they are; their sign-in time is recorded with it. */
export async function startSession(
  services: SessionServices,
  user: SessionUser,
  options: { tenant?: string | null; userAgent?: string | undefined } = {},
): Promise<SessionTokens> {
  const refresh = generateOpaqueToken();
  const expiresAt = refreshExpiry(services);
  const [session] = await services.platform.$transaction([
    services.platform.session.create({
      data: { userId: user.id, refreshTokenHash: refresh.hash, tenant: options.tenant ?? null, userAgent: options.userAgent?.slice(0, MAX_USER_AGENT) ?? null, expiresAt },
      select: { id: true },
    }),
    services.platform.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } }),
  ]);
  const access = await accessToken(services, user, session.id, options.tenant ?? null);
  return { token: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, expiresAt };
}

const REFRESH_REFUSED = 'invalid or expired refresh token: sign in again';

type Refreshed = SessionTokens & { userId: string };
type SessionRow = { id: string; userId: string; tenant: string | null; expiresAt: Date; user: SessionUser };

async function answer(services: SessionServices, session: SessionRow, refreshToken: string): Promise<Refreshed> {
  const access = await accessToken(services, session.user, session.id, session.tenant);
  return { token: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, expiresAt: session.expiresAt, userId: session.userId };
}

/**
 * A new access token and a new refresh token for a refresh token; the one given is
 * retired. A retired token given again within the grace window answers its successor
 * again; later, it revokes its session.
 */
export async function refreshSession(services: SessionServices & Ending & Pick<Services, 'sessions'>, refreshToken: string): Promise<Refreshed> {
  const hash = hashOpaqueToken(refreshToken);
  const session = await services.platform.session.findUnique({ where: { refreshTokenHash: hash }, include: { user: true } });
  if (!session) return refreshRetired(services, refreshToken, hash);
  if (session.revokedAt || session.expiresAt <= new Date()) throw unauthenticated(REFRESH_REFUSED);
  const next = await services.tokens.refreshSuccessor(refreshToken);
  const expiresAt = refreshExpiry(services);
  const rotated = await services.platform.$transaction(async (tx) => {
    // Only if the token is still the current one: of two refreshes with one token, one rotates.
    const { count } = await tx.session.updateMany({
      where: { id: session.id, refreshTokenHash: hash, revokedAt: null },
      data: { refreshTokenHash: next.hash, lastUsedAt: new Date(), expiresAt },
    });
    if (count === 1) await tx.retiredRefreshToken.create({ data: { hash, sessionId: session.id } });
    return count === 1;
  });
  // The other refresh rotated it a moment ago, and its transaction has committed: answered as a retired token.
  if (!rotated) return refreshRetired(services, refreshToken, hash);
  // This process read the old expiry; the next request reads the new one.
  services.sessions.forget(session.id);
  return answer(services, { ...session, expiresAt }, next.token);
}

/** A refresh token that is not (or no longer) its session's current one. */
async function refreshRetired(services: SessionServices & Ending, refreshToken: string, hash: string): Promise<Refreshed> {
  const retired = await services.platform.retiredRefreshToken.findUnique({ where: { hash }, include: { session: { include: { user: true } } } });
  if (!retired) throw unauthenticated(REFRESH_REFUSED);
  const { session } = retired;
  if (retired.retiredAt.getTime() <= Date.now() - services.config.refreshReuseGraceMs) {
    await endSessions(services, { id: session.id });
    throw unauthenticated(REFRESH_REFUSED);
  }
  if (session.revokedAt || session.expiresAt <= new Date()) throw unauthenticated(REFRESH_REFUSED);
  return answer(services, session, (await services.tokens.refreshSuccessor(refreshToken)).token);
}

/**
 * Ends the open sessions that match (one by id, a user's, a user's but one): their
 * refresh tokens stop working, and their access tokens on every process at once.
 * Answers how many were open.
 */
export async function endSessions(services: Ending, which: { id: string } | { userId: string; exceptId?: string }): Promise<number> {
  const where = 'id' in which ? { id: which.id } : { userId: which.userId, ...(which.exceptId ? { id: { not: which.exceptId } } : {}) };
  const open = await services.platform.session.findMany({ where: { ...where, revokedAt: null }, select: { id: true } });
  if (!open.length) return 0;
  const ids = open.map((s) => s.id);
  await services.platform.session.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: new Date() } });
  await Promise.all(ids.map((id) => announceSessionEnded(services, id)));
  return ids.length;
}

/** The user's open sessions at `now`: neither ended nor expired. */
export const openSessionsOf = (userId: string, now: Date) => ({ userId, revokedAt: null, expiresAt: { gt: now } }) satisfies Prisma.SessionWhereInput;
