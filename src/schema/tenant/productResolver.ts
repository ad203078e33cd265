import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { normalTag } from '../../domain/catalogue/listingFields';
import { localizedText } from '../../domain/catalogue/localizedText';
import { createProduct, deleteProduct, updateProduct } from '../../domain/products';
import { badInput } from '../../errors';
import type { Product as ProductRow } from '../../generated/tenant/client';
import type { Condition } from '../../planner/plannedStatement';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { ProductKind } from '../enums';
import { parseId } from '../../ids';
import { DecimalScalar, JSONObjectScalar } from '../scalars';
import { pageComplexity } from './complexity';
import { readTenant } from './readTenant';
import { Category, Product } from './types';

const ProductConnection = Connection(Product);

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

function productWhere(filter: ProductFilter | undefined): Condition[] {
  const where: Condition[] = [];
  if (filter?.categoryId) where.push({ op: 'eq', column: 'categoryId', value: parseId(filter.categoryId, 'filter.categoryId') });
  if (filter?.kind) where.push({ op: 'eq', column: 'kind', value: filter.kind });
  if (filter?.search) where.push({ op: 'contains', columns: ['name', 'sku'], value: filter.search });
  if (filter?.tag !== undefined && filter.tag !== null) {
    const tag = normalTag(filter.tag);
    if (!tag) throw badInput('filter.tag: must not be empty', { field: 'filter.tag' });
    where.push({ op: 'holds', column: 'tags', value: tag });
  }
  return where;
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => ProductConnection, { complexity: pageComplexity, description: 'Products, oldest first.' })
  async products(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readTenant(ctx, info, { kind: 'connection', type: 'Product', where: productWhere(filter), direction: 'asc', page });
  }

  @Query(() => Product)
  async product(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'one', type: 'Product', id: parseId(id), what: 'product' });
  }

  @FieldResolver(() => String)
  name(@Root() product: ProductRow, @Arg('locale', () => String, { nullable: true }) locale: string | null | undefined) {
    return localizedText(product, 'name', locale);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() product: ProductRow, @Arg('locale', () => String, { nullable: true }) locale: string | null | undefined) {
    return localizedText(product, 'description', locale);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() product: ProductRow, @Ctx() ctx: GatewayContext) {
    return product.categoryId ? ctx.scope.loaders.category.load(product.categoryId) : null;
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
