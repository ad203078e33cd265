import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { badInput } from '../../errors';
import type { Product as ProductRow } from '../../generated/tenant/client';
import { Computed } from '../../planner/computed';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { WhereInput } from '../../planner/where';
import type { GatewayContext } from '../../schema/context';
import { DecimalScalar, JSONObjectScalar } from '../../schema/scalars';
import { pageComplexity } from '../../schema/tenant/complexity';
import { ProductKind } from './enums';
import { normalTag } from './listingFields';
import { localizedText } from './localizedText';
import { createProduct, deleteProduct, updateProduct } from './products';
import { Product } from './types';

@InputType()
class ProductFilter {
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => ProductKind, { nullable: true }) kind?: ProductKind;
  @Field(() => String, { nullable: true, description: 'Matches name or SKU, ignoring case.' }) search?: string;
  @Field(() => String, { nullable: true, description: 'Products with this tag (compared lowercased and trimmed, as tags are kept).' }) tag?: string;
}

@InputType()
class ProductTranslationInput {
  @Field(() => String, { description: 'BCP 47 language tag, e.g. "fr" or "fr-CA"; not the tenant\'s own locale.' }) locale!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
}

/** What a shop shows of a product, set on create and on update alike. */
@InputType()
class ProductListingInput {
  @Field(() => [ProductTranslationInput], { nullable: true, description: 'One per locale; an update replaces them all.' }) translations?: ProductTranslationInput[];
  @Field(() => [String], { nullable: true, description: 'Trimmed, lowercased, duplicates dropped; at most 20 of 40 characters; an update replaces them all.' }) tags?: string[];
  @Field(() => [String], { nullable: true, description: 'http or https, at most 10; an update replaces them all.' }) imageUrls?: string[];
}

const TRACK_STOCK =
  'Whether its stock is counted. When true, issued invoices move its stock (a sale also posts its cost of goods sold), and a sale or an order needs it on hand unless the stockAllowNegative setting is on. When false (a service, say), it is sold without limit and moves no stock.';

@InputType()
class ProductInput extends ProductListingInput {
  @Field(() => String) sku!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => ProductKind) kind!: ProductKind;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => DecimalScalar) price!: string;
  @Field(() => DecimalScalar, { nullable: true }) cost?: string;
  @Field(() => String, { nullable: true, description: "Defaults to the tenant's currency." }) currency?: string;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => Boolean, { nullable: true, description: `${TRACK_STOCK} Defaults to true, and to false for a SERVICE.` }) trackStock?: boolean;
  @Field(() => JSONObjectScalar, { nullable: true }) attributes?: Record<string, unknown>;
}

@InputType()
class ProductUpdateInput extends ProductListingInput {
  @Field(() => String, { nullable: true }) sku?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => ProductKind, { nullable: true }) kind?: ProductKind;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => DecimalScalar, { nullable: true }) price?: string;
  @Field(() => DecimalScalar, { nullable: true }) cost?: string;
  @Field(() => String, { nullable: true }) unit?: string;
  @Field(() => Boolean, { nullable: true, description: TRACK_STOCK }) trackStock?: boolean;
  @Field(() => JSONObjectScalar, { nullable: true }) attributes?: Record<string, unknown>;
}

function productWhere(filter: ProductFilter | undefined): WhereInput {
  const where: WhereInput = {
    categoryId: { eq: filter?.categoryId && parseId(filter.categoryId, 'filter.categoryId') },
    kind: { eq: filter?.kind },
  };
  if (filter?.search) where.or = [{ name: { contains: filter.search } }, { sku: { contains: filter.search } }];
  if (filter?.tag !== undefined && filter.tag !== null) {
    const tag = normalTag(filter.tag);
    if (!tag) throw badInput('filter.tag: must not be empty', { field: 'filter.tag' });
    where.tags = { has: tag };
  }
  return where;
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => typesOf('Product').connection, { complexity: pageComplexity, description: 'Products, oldest first.' })
  async products(
    @Args(() => typesOf('Product').args) page: ListArgs,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, productWhere(filter));
  }

  @FieldResolver(() => String)
  @Computed(['name'], ['translations'])
  name(@Root() product: ProductRow, @Arg('locale', () => String, { nullable: true }) locale: string | null | undefined) {
    return localizedText(product, 'name', locale);
  }

  @FieldResolver(() => String, { nullable: true })
  @Computed(['description'], ['translations'])
  description(@Root() product: ProductRow, @Arg('locale', () => String, { nullable: true }) locale: string | null | undefined) {
    return localizedText(product, 'description', locale);
  }

  @Mutation(() => Product)
  async createProduct(@Arg('input', () => ProductInput) input: ProductInput, @Ctx() ctx: GatewayContext) {
    const scope = await ctx.tenant('data.write');
    return withinPlanLimit(ctx.services, scope, 'maxProducts', (tx) => createProduct(tx, scope.tenant, input));
  }

  @Mutation(() => Product)
  async updateProduct(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ProductUpdateInput) input: ProductUpdateInput,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant('data.write');
    return updateProduct(db, tenant, parseId(id), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a product no invoice, stock movement or bill of materials refers to.' })
  async deleteProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return deleteProduct(db, parseId(id));
  }
}
