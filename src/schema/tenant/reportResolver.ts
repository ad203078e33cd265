import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { salesReport, type SalesGrouping as Grouping } from '../../domain/reports/salesReport';
import { MAX_TOP_PRODUCTS, topProducts } from '../../domain/reports/topProducts';
import type { GatewayContext } from '../context';
import { SalesGrouping } from '../enums';
import { DateTimeScalar } from '../scalars';
import { listComplexity } from './complexity';
import { ProductSales, SalesReport } from './reportTypes';
import { Product } from './types';

@Resolver(() => ProductSales)
export class ReportResolver {
  @Query(() => SalesReport, { complexity: listComplexity, description: 'Invoices issued and revenue per day or month of [from, to).' })
  async salesReport(
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Arg('groupBy', () => SalesGrouping) groupBy: Grouping,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return salesReport(db, tenant.locale, from, to, groupBy);
  }

  @Query(() => [ProductSales], { complexity: listComplexity, description: 'Best-selling products of [from, to) by revenue, then units.' })
  async topProducts(
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Arg('limit', () => Int, { defaultValue: 10, description: `At most ${MAX_TOP_PRODUCTS}.` }) limit: number,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant();
    return topProducts(db, from, to, limit);
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() sales: ProductSales, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.product.load(sales.productId);
  }
}
