import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { createCategory, deleteCategory, updateCategory } from './categories';
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

@Resolver()
export class CategoryResolver {
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
