import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { adjustStock } from '../../domain/stock/adjustStock';
import { assembleProduct } from '../../domain/stock/assembleProduct';
import { setProductComponents } from '../../domain/stock/billOfMaterials';
import type { Product as ProductRow } from '../../generated/tenant/client';
import { notFound } from '../../errors';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { parseId } from '../../ids';
import { DecimalScalar } from '../scalars';
import { listComplexity, pageComplexity } from './complexity';
import { readTenant } from './readTenant';
import { BomComponent, BomComponentInput, StockAdjustment, StockAdjustmentInput, StockLevel, StockMovement } from './stockTypes';
import { Invoice, Product } from './types';

const StockMovementConnection = Connection(StockMovement);

@Resolver(() => StockMovement)
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

  @Query(() => StockMovementConnection, { complexity: pageComplexity, description: "A product's stock movements, newest first." })
  async stockMovements(
    @Arg('productId', () => ID) productId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = [{ op: 'eq' as const, column: 'productId', value: parseId(productId, 'productId') }];
    return readTenant(ctx, info, { kind: 'connection', type: 'StockMovement', where, direction: 'desc', page });
  }

  @Mutation(() => Product, { description: "Replaces a product's bill of materials (an empty list removes it)." })
  async setProductComponents(
    @Arg('productId', () => ID) productId: string,
    @Arg('components', () => [BomComponentInput]) components: BomComponentInput[],
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.write');
    return setProductComponents(db, parseId(productId, 'productId'), components);
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

  @FieldResolver(() => Product)
  async product(@Root() movement: StockMovement, @Ctx() ctx: GatewayContext) {
    const product = await ctx.scope.loaders.product.load(movement.productId);
    if (!product) throw notFound('product');
    return product;
  }

  @FieldResolver(() => Invoice, { nullable: true })
  invoice(@Root() movement: StockMovement, @Ctx() ctx: GatewayContext) {
    return movement.invoiceId ? ctx.scope.loaders.invoice.load(movement.invoiceId) : null;
  }
}

@Resolver(() => Product)
export class ProductComponentsResolver {
  @FieldResolver(() => [BomComponent], { complexity: listComplexity, description: 'Its bill of materials: empty unless it is assembled.' })
  components(@Root() product: ProductRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.bomComponents.load(product.id);
  }
}

@Resolver(() => BomComponent)
export class BomComponentResolver {
  @FieldResolver(() => Product)
  async component(@Root() line: BomComponent, @Ctx() ctx: GatewayContext) {
    const product = await ctx.scope.loaders.product.load(line.componentId);
    if (!product) throw notFound('product');
    return product;
  }
}
