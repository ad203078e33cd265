import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { ReportBound } from '../../domain/reports/reportPeriod';
import { readRowById } from '../../graph/readTenant';
import type { GatewayContext } from '../../schema/context';
import { DateOrDateTimeScalar } from '../../schema/dateOrDateTime';
import { listComplexity } from '../../schema/tenant/complexity';
import { Product } from '../catalogue/types';
import { MAX_TOP_PRODUCTS, topProducts } from './topProducts';
import { ProductSales } from './topProductsTypes';

@Resolver(() => ProductSales)
export class TopProductsResolver {
  @Query(() => [ProductSales], {
    complexity: listComplexity,
    description: "Best-selling products of [from, to) by revenue, then units; a date bound is the midnight it begins with in the tenant's report time zone.",
  })
  async topProducts(
    @Arg('from', () => DateOrDateTimeScalar) from: ReportBound,
    @Arg('to', () => DateOrDateTimeScalar) to: ReportBound,
    @Arg('limit', () => Int, { defaultValue: 10, description: `At most ${MAX_TOP_PRODUCTS}.` }) limit: number,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return topProducts(db, tenant.locale, from, to, limit);
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() sales: ProductSales, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readRowById(ctx, info, 'Product', sales.productId);
  }
}
