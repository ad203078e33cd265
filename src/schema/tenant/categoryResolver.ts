import { Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context';
import { Category } from './types';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Every category, by name.' })
  async categories(@Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant();
    return db.category.findMany({ orderBy: { name: 'asc' } });
  }
}
