import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { salesReport, type SalesGrouping as Grouping } from '../../domain/reports/salesReport';
import { MAX_TOP_PRODUCTS, topProducts } from '../../domain/reports/topProducts';
import type { ReportBound } from '../../domain/reports/reportPeriod';
import { readRowById } from '../../graph/readTenant';
import type { GatewayContext } from '../context';
import { DateOrDateTimeScalar } from '../dateOrDateTime';
import { SalesGrouping } from '../enums';
import { listComplexity } from './complexity';
import { ProductSales, SalesReport } from './reportTypes';
import { Product } from './types';

@Resolver(() => ProductSales)
export class ReportResolver {
  @Query(() => SalesReport, {
    complexity: listComplexity,
    description: "Invoices issued, revenue and orders per day or month of [from, to); a date bound is the midnight it begins with in the tenant's report time zone.",
  })
  async salesReport(
    @Arg('from', () => DateOrDateTimeScalar) from: ReportBound,
    @Arg('to', () => DateOrDateTimeScalar) to: ReportBound,
    @Arg('groupBy', () => SalesGrouping) groupBy: Grouping,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return salesReport(db, tenant.locale, from, to, groupBy);
  }

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
