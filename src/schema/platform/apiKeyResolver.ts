import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createApiKey, revokeApiKey } from '../../auth/manageApiKeys';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../context';
import { MemberRole } from '../enums';
import { Unmetered } from '../fieldExtensions';
import { parseId } from '../../ids';
import { pageComplexity } from '../tenant/complexity';
import { ApiKey, CreatedApiKey } from './billingTypes';
import { platformList } from './platformConnection';
import { dateTimeColumn, enumColumn, textColumn } from './platformWhere';

const ApiKeyList = platformList(ApiKey, {
  fields: {
    name: textColumn(),
    prefix: textColumn(),
    role: enumColumn('MemberRole', MemberRole),
    createdAt: dateTimeColumn(),
    lastUsedAt: dateTimeColumn({ nullable: true }),
    revokedAt: dateTimeColumn({ nullable: true }),
  },
  orderBy: ['name', 'createdAt', 'lastUsedAt'],
  defaultOrder: [['id', 'desc']],
});

// Keys are managed by people (requireUser) who are OWNER or ADMIN of the request's tenant.
@Resolver()
export class ApiKeyResolver {
  @Query(() => ApiKeyList.connectionType, {
    complexity: pageComplexity,
    description: "The tenant's API keys, by default newest first, revoked ones included (`where: { revokedAt: { isNull: true } }`: only those in use); never the keys themselves.",
  })
  @Unmetered()
  async apiKeys(@Args(() => ApiKeyList.argsType) args: ListArgs, @Ctx() ctx: GatewayContext) {
    ctx.requireUser();
    const { tenant } = await ctx.access('apiKeys.manage');
    return ApiKeyList.connection(ctx.services.platform.apiKey, args, { tenantId: tenant.id });
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
