import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../../schema/context';
import { DecimalScalar } from '../../schema/scalars';
import { listComplexity, pageComplexity } from '../../schema/tenant/complexity';
import { Product } from '../catalogue/types';
import { adjustStock } from './adjustStock';
import { assembleProduct } from './assembleProduct';
import { StockAdjustment, StockAdjustmentInput, StockLevel } from './stockTypes';

@Resolver()
export class StockResolver {
  @Query(() => [StockLevel], { complexity: listComplexity, description: 'Stock on hand of every product whose stock is tracked, by SKU.' })
  async stockLevels(
    @Arg('atOrBelow', () => DecimalScalar, { nullable: true, description: 'Only products with at most this much on hand.' })
    atOrBelow: string | null | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant();
    const products = await db.product.findMany({
      // `atOrBelow: null` is a client's way of leaving it out too.
      where: { trackStock: true, ...(atOrBelow !== undefined && atOrBelow !== null ? { stock: { lte: atOrBelow } } : {}) },
      orderBy: { sku: 'asc' },
    });
    return products.map((product) => ({ product, onHand: product.stock, value: product.stock.mul(product.cost) }));
  }

  @Query(() => typesOf('StockMovement').connection, { complexity: pageComplexity, description: 'Stock movements, newest first.' })
  async stockMovements(
    @Args(() => typesOf('StockMovement').args) page: ListArgs,
    @Arg('productId', () => ID, { nullable: true, description: "Only this product's movements." }) productId: string | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, { productId: { eq: productId && parseId(productId, 'productId') } });
  }

  @Mutation(() => Product, { description: 'Makes `quantity` of a product from its components, consuming their stock.' })
  async assembleProduct(
    @Arg('productId', () => ID) productId: string,
    @Arg('quantity', () => DecimalScalar) quantity: string,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.write');
    return assembleProduct(db, parseId(productId, 'productId'), quantity);
  }

  @Mutation(() => StockAdjustment, {
    description:
      'Puts a product\'s stock right: a count, damaged goods, or opening stock. Moves the stock (ADJUSTMENT) and posts its value at the product\'s unit cost, in one transaction.',
  })
  async adjustStock(@Arg('input', () => StockAdjustmentInput) input: StockAdjustmentInput, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.write');
    const { productId, ...adjustment } = input;
    return adjustStock(db, tenant.locale, parseId(productId, 'productId'), adjustment);
  }
}
