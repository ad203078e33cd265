import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ReportBound } from '../../domain/reports/reportPeriod';
import type { GatewayContext } from '../../schema/context';
import { DateOrDateTimeScalar } from '../../schema/dateOrDateTime';
import { listComplexity } from '../../schema/tenant/complexity';
import { salesReport, type SalesGrouping as Grouping } from './salesReport';
import { SalesGrouping, SalesReport } from './salesReportTypes';

@Resolver()
export class SalesReportResolver {
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
}
