import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { readTenant } from './readTenant';
import { Category } from './types';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Every category, by name.' })
  async categories(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'list', type: 'Category', where: [], orderBy: [['name', 'asc']] });
  }
}
