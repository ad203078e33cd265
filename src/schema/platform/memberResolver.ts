import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Membership, User } from '../../generated/platform/client';
import { acceptInvitation } from '../../members/acceptInvitation';
import { changeMemberRole, leaveTenant, removeMember } from '../../members/changeMembership';
import { pendingAt, revokeInvitation } from '../../members/invitations';
import { inviteMember } from '../../members/inviteMember';
import { asMember, withUser } from '../../members/members';
import type { Manager } from '../../members/manager';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../context';
import { MemberRole } from '../enums';
import { Unmetered } from '../fieldExtensions';
import { parseId } from '../../ids';
import { pageComplexity } from '../tenant/complexity';
import { AcceptedInvitation, CreatedInvitation, Invitation, Member } from './memberTypes';
import { platformList } from './platformConnection';
import { dateTimeColumn, enumColumn, idColumn, textColumn } from './platformWhere';

const role = () => enumColumn('MemberRole', MemberRole);

const MemberList = platformList<Membership & { user: User }>(Member, {
  fields: {
    userId: idColumn(),
    name: textColumn({ at: 'user.name' }),
    email: textColumn({ at: 'user.email' }),
    role: role(),
    joinedAt: dateTimeColumn({ at: 'createdAt' }),
    lastSignInAt: dateTimeColumn({ at: 'user.lastSignInAt', nullable: true }),
  },
  orderBy: ['name', 'email', 'role', 'joinedAt', 'lastSignInAt'],
  defaultOrder: [['id', 'asc']],
  read: { include: withUser },
  node: asMember,
});

const InvitationList = platformList(Invitation, {
  fields: {
    email: textColumn(),
    role: role(),
    invitedById: idColumn({ nullable: true }),
    createdAt: dateTimeColumn(),
    expiresAt: dateTimeColumn(),
  },
  orderBy: ['email', 'createdAt', 'expiresAt'],
  defaultOrder: [['id', 'desc']],
});

/** A person who is OWNER or ADMIN of the request's tenant (or a platform admin). */
async function manager(ctx: GatewayContext): Promise<Manager> {
  const principal = ctx.requireUser();
  const { tenant, role } = await ctx.access('members.manage');
  return { principal, tenant, role };
}

// The request's tenant's people, managed by its owners and admins; account fields, so unmetered.
@Resolver()
export class MemberResolver {
  @Query(() => MemberList.connectionType, { complexity: pageComplexity, description: "The request's tenant's members, by default in the order they joined." })
  @Unmetered()
  async members(@Args(() => MemberList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    const { tenant } = await ctx.access('members.read');
    return MemberList.connection(ctx.services.platform.membership, args, { tenantId: tenant.id });
  }

  @Query(() => InvitationList.connectionType, {
    complexity: pageComplexity,
    description: "The request's tenant's invitations not yet accepted, revoked or expired, by default newest first.",
  })
  @Unmetered()
  async invitations(@Args(() => InvitationList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    const { tenant } = await manager(ctx);
    return InvitationList.connection(ctx.services.platform.invitation, args, { tenantId: tenant.id, ...pendingAt(new Date()) });
  }

  @Mutation(() => CreatedInvitation, {
    description: 'Invites `email` with `role` (OWNER only by an owner); mailed when SMTP_URL is set. Inviting an email again replaces its pending invitation.',
  })
  @Unmetered()
  async inviteMember(@Arg('email', () => String) email: string, @Arg('role', () => MemberRole) role: MemberRole, @Ctx() ctx: GatewayContext) {
    return inviteMember(ctx.services, await manager(ctx), { email, role });
  }

  @Mutation(() => Invitation, { description: 'Its token stops working.' })
  @Unmetered()
  async revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { tenant } = await manager(ctx);
    return revokeInvitation(ctx.services, tenant.id, parseId(id));
  }

  @Mutation(() => AcceptedInvitation, { description: 'Joins the invitation’s tenant with its role, as the signed-in person it was sent to. No X-Tenant needed.' })
  @Unmetered()
  acceptInvitation(@Arg('token', () => String) token: string, @Ctx() ctx: GatewayContext) {
    return acceptInvitation(ctx.services, ctx.requireUser(), token);
  }

  @Mutation(() => Member, {
    description: "Only owners grant OWNER or change an owner; nobody changes their own role; the last owner stays one. Applies from the person's next request.",
  })
  @Unmetered()
  async changeMemberRole(@Arg('userId', () => ID) userId: string, @Arg('role', () => MemberRole) role: MemberRole, @Ctx() ctx: GatewayContext) {
    return changeMemberRole(ctx.services, await manager(ctx), parseId(userId, 'userId'), role);
  }

  @Mutation(() => Member, { description: "Only owners remove an owner; the last owner stays. The person's next request no longer reaches the tenant." })
  @Unmetered()
  async removeMember(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GatewayContext) {
    return removeMember(ctx.services, await manager(ctx), parseId(userId, 'userId'));
  }

  @Mutation(() => Member, { description: "The caller leaves the request's tenant; its last owner cannot." })
  @Unmetered()
  async leaveTenant(@Ctx() ctx: GatewayContext) {
    const principal = ctx.requireUser();
    const { tenant } = await ctx.access('members.read');
    return leaveTenant(ctx.services, principal, tenant.id);
  }
}
