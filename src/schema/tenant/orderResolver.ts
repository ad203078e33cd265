// Orders: read through the planner (one statement per root field), taken with
// createOrder within the plan's orders a month. Their rules are in src/domain/orders.
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { createOrder } from '../../domain/orders/createOrder';
import { CalendarDate, midnight, reportTimeZone, type ReportBound } from '../../domain/reports/reportPeriod';
import type { Order as OrderRow, OrderItem as OrderItemRow } from '../../generated/tenant/client';
import { parseId } from '../../ids';
import type { Condition } from '../../planner/plannedStatement';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { DateOrDateTimeScalar } from '../dateOrDateTime';
import { OrderStatus } from '../enums';
import { DecimalScalar } from '../scalars';
import { listComplexity, pageComplexity } from './complexity';
import { Discount, Order, OrderItem, OrderRefund } from './orderTypes';
import { readTenant } from './readTenant';
import { Customer, Invoice, Product } from './types';

const OrderConnection = Connection(Order);

@InputType()
class OrderFilter {
  @Field(() => OrderStatus, { nullable: true }) status?: OrderStatus;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => DateOrDateTimeScalar, { nullable: true, description: "Taken at or after; a date is the midnight it begins with in the tenant's report time zone." })
  from?: ReportBound;
  @Field(() => DateOrDateTimeScalar, { nullable: true, description: 'Taken before (exclusive).' }) to?: ReportBound;
}

@InputType()
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
class OrderInput {
  @Field(() => ID, { nullable: true, description: 'An existing customer; or give `customer` to create one.' }) customerId?: string;
  @Field(() => NewOrderCustomer, { nullable: true }) customer?: NewOrderCustomer;
  @Field(() => [OrderItemInput]) items!: OrderItemInput[];
  @Field(() => String, { nullable: true }) discountCode?: string;
  @Field(() => String, { nullable: true }) shippingAddress?: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the shipping address.' }) billingAddress?: string;
  @Field(() => String, { nullable: true }) notes?: string;
}

async function orderWhere(ctx: GatewayContext, filter: OrderFilter | undefined): Promise<Condition[]> {
  const where: Condition[] = [];
  if (filter?.status) where.push({ op: 'eq', column: 'status', value: filter.status });
  if (filter?.customerId) where.push({ op: 'eq', column: 'customerId', value: parseId(filter.customerId, 'filter.customerId') });
  if (filter?.from || filter?.to) {
    const { db, tenant } = await ctx.tenant();
    const zone = await reportTimeZone(db, tenant.locale);
    const moment = (bound: ReportBound | undefined) => (bound instanceof CalendarDate ? midnight(zone, bound, 0) : bound);
    const from = moment(filter.from);
    const to = moment(filter.to);
    if (from) where.push({ op: 'since', column: 'createdAt', moment: from });
    if (to) where.push({ op: 'before', column: 'createdAt', moment: to });
  }
  return where;
}

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, { complexity: pageComplexity, description: 'Orders, newest first.' })
  async orders(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readTenant(ctx, info, { kind: 'connection', type: 'Order', where: await orderWhere(ctx, filter), direction: 'desc', page });
  }

  @Query(() => Order)
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'one', type: 'Order', id: parseId(id), what: 'order' });
  }

  @Mutation(() => Order, { description: "Takes an order: priced by the server (products' prices, the discount code, the tax rate), its stock reserved." })
  async createOrder(@Arg('input', () => OrderInput) input: OrderInput, @Ctx() ctx: GatewayContext) {
    const scope = await ctx.tenant('data.write');
    const { tenant } = scope;
    return withinPlanLimit(ctx.services, scope, 'maxOrdersPerMonth', (tx) => createOrder(tx, tenant.currency, tenant.locale, input));
  }

  @FieldResolver(() => Customer)
  customer(@Root() order: OrderRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.customer.load(order.customerId);
  }

  @FieldResolver(() => Discount, { nullable: true })
  discount(@Root() order: OrderRow, @Ctx() ctx: GatewayContext) {
    return order.discountId ? ctx.scope.loaders.discount.load(order.discountId) : null;
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The sale invoice issued when the order was paid.' })
  invoice(@Root() order: OrderRow, @Ctx() ctx: GatewayContext) {
    return order.invoiceId ? ctx.scope.loaders.invoice.load(order.invoiceId) : null;
  }

  @FieldResolver(() => [OrderItem], { complexity: listComplexity })
  items(@Root() order: OrderRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.orderItems.load(order.id);
  }

  @FieldResolver(() => [OrderRefund], { complexity: listComplexity })
  refunds(@Root() order: OrderRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.orderRefunds.load(order.id);
  }
}

@Resolver(() => OrderItem)
export class OrderItemResolver {
  @FieldResolver(() => Product)
  product(@Root() item: OrderItemRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.product.load(item.productId);
  }
}
