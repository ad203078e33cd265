import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/manageApiKeys';
import type { GatewayContext } from '../context';
import { MemberRole } from '../enums';
import { Unmetered } from '../fieldExtensions';
import { parseId } from '../../ids';
import { ApiKey, CreatedApiKey } from './billingTypes';

// Keys are managed by people (requireUser) who are OWNER or ADMIN of the request's tenant.
@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKey], { description: "The tenant's API keys, newest first, revoked ones included; never the keys themselves." })
  @Unmetered()
  async apiKeys(@Ctx() ctx: GatewayContext) {
    ctx.requireUser();
    const { tenant } = await ctx.access('apiKeys.manage');
    return listApiKeys(ctx.services, tenant.id);
  }

  @Mutation(() => CreatedApiKey, { description: "A key for the request's tenant with `role` (VIEWER, MEMBER or ADMIN). The key is in this answer only." })
  @Unmetered()
  async createApiKey(
    @Arg('name', () => String) name: string,
    @Arg('role', () => MemberRole) role: MemberRole,
    @Ctx() ctx: GatewayContext,
  ) {
    const user = ctx.requireUser();
    const { tenant } = await ctx.access('apiKeys.manage');
    return createApiKey(ctx.services, tenant.id, user.userId, { name, role });
  }

  @Mutation(() => ApiKey, { description: 'Stops the key at once on this gateway and within API_KEY_CACHE_SECONDS on the others.' })
  @Unmetered()
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    ctx.requireUser();
    const { tenant } = await ctx.access('apiKeys.manage');
    return revokeApiKey(ctx.services, tenant.id, parseId(id));
  }
}
