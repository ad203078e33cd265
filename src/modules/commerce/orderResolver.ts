// Orders: read through the planner (one statement per root field), taken with
// createOrder within the plan's orders a month. Their rules are in createOrder.ts
// and orderLifecycle.ts.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { CalendarDate, midnight, reportTimeZone, type ReportBound } from '../../domain/reports/reportPeriod';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { WhereInput } from '../../planner/where';
import type { GatewayContext } from '../../schema/context';
import { DateOrDateTimeScalar } from '../../schema/dateOrDateTime';
import { WritesModel } from '../../schema/personalInputs';
import { DecimalScalar } from '../../schema/scalars';
import { pageComplexity } from '../../schema/tenant/complexity';
import { createOrder } from './createOrder';
import { OrderStatus } from './enums';
import { Order } from './types';

@InputType()
class OrderFilter {
  @Field(() => OrderStatus, { nullable: true }) status?: OrderStatus;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => DateOrDateTimeScalar, { nullable: true, description: "Taken at or after; a date is the midnight it begins with in the tenant's report time zone." })
  from?: ReportBound;
  @Field(() => DateOrDateTimeScalar, { nullable: true, description: 'Taken before (exclusive).' }) to?: ReportBound;
}

@InputType()
@WritesModel('Customer')
class NewOrderCustomer {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string;
}

@InputType()
class OrderItemInput {
  @Field(() => ID) productId!: string;
  @Field(() => DecimalScalar) quantity!: string;
}

@InputType()
@WritesModel('Order')
class OrderInput {
  @Field(() => ID, { nullable: true, description: 'An existing customer; or give `customer` to create one.' }) customerId?: string;
  @Field(() => NewOrderCustomer, { nullable: true }) customer?: NewOrderCustomer;
  @Field(() => [OrderItemInput]) items!: OrderItemInput[];
  @Field(() => String, { nullable: true }) discountCode?: string;
  @Field(() => String, { nullable: true }) shippingAddress?: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the shipping address.' }) billingAddress?: string;
  @Field(() => String, { nullable: true }) notes?: string;
}

async function orderWhere(ctx: GatewayContext, filter: OrderFilter | undefined): Promise<WhereInput> {
  const where: WhereInput = {
    status: { eq: filter?.status },
    customerId: { eq: filter?.customerId && parseId(filter.customerId, 'filter.customerId') },
  };
  if (filter?.from || filter?.to) {
    const { db, tenant } = await ctx.tenant();
    const zone = await reportTimeZone(db, tenant.locale);
    const moment = (bound: ReportBound | undefined) => (bound instanceof CalendarDate ? midnight(zone, bound, 0) : bound);
    where.createdAt = { gte: moment(filter.from), lt: moment(filter.to) };
  }
  return where;
}

@Resolver()
export class OrderResolver {
  @Query(() => typesOf('Order').connection, { complexity: pageComplexity, description: 'Orders, newest first.' })
  async orders(
    @Args(() => typesOf('Order').args) page: ListArgs,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, await orderWhere(ctx, filter));
  }

  @Mutation(() => Order, { description: "Takes an order: priced by the server (products' prices, the discount code, the tax rate), its stock reserved." })
  async createOrder(@Arg('input', () => OrderInput) input: OrderInput, @Ctx() ctx: GatewayContext) {
    const scope = await ctx.tenant('data.write');
    const { tenant } = scope;
    return withinPlanLimit(ctx.services, scope, 'maxOrdersPerMonth', (tx) => createOrder(tx, tenant.currency, tenant.locale, input));
  }

}
