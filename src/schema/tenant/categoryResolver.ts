import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { createCategory, deleteCategory, updateCategory } from '../../domain/catalogue/categories';
import { parseId } from '../../ids';
import type { GatewayContext } from '../context';
import { readTenant } from './readTenant';
import { Category } from './types';

@InputType()
class CategoryInput {
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true, description: 'The category it sits under; none: a top-level category.' }) parentId?: string;
}

@InputType()
class CategoryUpdateInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => ID, { nullable: true, description: 'Moves it under this category; null: to the top level.' }) parentId?: string | null;
}

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'Every category, by name.' })
  async categories(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'list', type: 'Category', where: [], orderBy: [['name', 'asc']] });
  }

  @Mutation(() => Category)
  async createCategory(@Arg('input', () => CategoryInput) input: CategoryInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return createCategory(db, input);
  }

  @Mutation(() => Category)
  async updateCategory(@Arg('id', () => ID) id: string, @Arg('input', () => CategoryUpdateInput) input: CategoryUpdateInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return updateCategory(db, parseId(id), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a category that holds no products and no subcategories.' })
  async deleteCategory(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return deleteCategory(db, parseId(id));
  }
}
