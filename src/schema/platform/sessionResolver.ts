import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { changePassword, findUser } from '../../auth/accounts';
import { endSessions, openSessionsOf, refreshSession } from '../../auth/sessions';
import { unauthenticated } from '../../errors';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../context';
import { NotAudited, SignsIn, Unmetered } from '../fieldExtensions';
import { pageComplexity } from '../tenant/complexity';
import { platformList } from './platformConnection';
import { dateTimeColumn, textColumn } from './platformWhere';
import { AuthPayload, Session } from './types';

const SessionList = platformList(Session, {
  fields: {
    userAgent: textColumn({ nullable: true }),
    createdAt: dateTimeColumn(),
    lastUsedAt: dateTimeColumn(),
    expiresAt: dateTimeColumn(),
  },
  orderBy: ['createdAt', 'lastUsedAt', 'expiresAt'],
  defaultOrder: [
    ['lastUsedAt', 'desc'],
    ['id', 'desc'],
  ],
  // Never the refresh token's hash.
  read: { select: { id: true, userAgent: true, createdAt: true, lastUsedAt: true, expiresAt: true } },
});

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => SessionList.connectionType, { complexity: pageComplexity, description: "The caller's open sessions (signed-in devices), by default the most recently used first." })
  @Unmetered()
  sessions(@Args(() => SessionList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    const user = ctx.requireUser();
    return SessionList.connection(ctx.services.platform.session, args, openSessionsOf(user.userId, new Date()));
  }

  @FieldResolver(() => Boolean, { description: 'The session of the token this request carries.' })
  current(@Root() session: { id: string }, @Ctx() ctx: GatewayContext): boolean {
    return session.id === ctx.requireUser().sessionId;
  }

  @Mutation(() => AuthPayload, {
    description:
      'A new access token for a refresh token, and a new refresh token: the one given stops working. Given again within REFRESH_REUSE_GRACE_SECONDS (two tabs refreshing at once), it answers the same new refresh token; later, it ends its session.',
  })
  @SignsIn()
  @Unmetered()
  // Every client refreshes every few minutes: an entry each would drown the log.
  @NotAudited()
  async refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: GatewayContext) {
    const { userId, ...tokens } = await refreshSession(ctx.services, refreshToken);
    const user = await findUser(ctx.services, userId);
    if (!user) throw unauthenticated('this account no longer exists');
    return { ...tokens, user };
  }

  @Mutation(() => Boolean, { description: 'End this session: its refresh token and access tokens stop working, on every gateway.' })
  @Unmetered()
  async logout(@Ctx() ctx: GatewayContext): Promise<boolean> {
    await endSessions(ctx.services, { id: ctx.requireUser().sessionId });
    return true;
  }

  @Mutation(() => Int, { description: "End every session of the caller's, this one included; answers how many ended." })
  @Unmetered()
  logoutEverywhere(@Ctx() ctx: GatewayContext): Promise<number> {
    return endSessions(ctx.services, { userId: ctx.requireUser().userId });
  }

  @Mutation(() => Int, { description: "Set a new password, knowing the current one. The caller's other sessions end; answers how many." })
  @Unmetered()
  changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: GatewayContext,
  ): Promise<number> {
    return changePassword(ctx.services, ctx.requireUser(), currentPassword, newPassword);
  }
}
