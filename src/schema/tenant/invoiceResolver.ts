import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { createInvoice } from '../../domain/invoices';
import type { Invoice as InvoiceRow, InvoiceItem as InvoiceItemRow } from '../../generated/tenant/client';
import type { Condition } from '../../planner/plannedStatement';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { InvoiceKind, InvoiceStatus } from '../enums';
import { parseId } from '../../ids';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { listComplexity, pageComplexity } from './complexity';
import { readTenant } from './readTenant';
import { Customer, Invoice, InvoiceItem, Payment, Product } from './types';

const InvoiceConnection = Connection(Invoice);

@InputType()
class InvoiceFilter {
  @Field(() => InvoiceStatus, { nullable: true }) status?: InvoiceStatus;
  @Field(() => InvoiceKind, { nullable: true }) kind?: InvoiceKind;
  @Field(() => ID, { nullable: true }) customerId?: string;
}

@InputType()
class InvoiceItemInput {
  @Field(() => ID, { nullable: true }) productId?: string;
  @Field(() => String, { nullable: true, description: "Defaults to the product's name." }) description?: string;
  @Field(() => DecimalScalar) quantity!: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Defaults to the product's price." }) unitPrice?: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Defaults to the tenant's rate for sales, 0 otherwise." }) taxRate?: string;
  @Field(() => Boolean, { nullable: true, description: 'TRADE invoices: an item the customer hands in.' }) tradeIn?: boolean;
}

@InputType()
class InvoiceInput {
  @Field(() => InvoiceKind) kind!: InvoiceKind;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => DateTimeScalar, { nullable: true }) issueDate?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) dueDate?: Date;
  @Field(() => String, { nullable: true }) notes?: string;
  @Field(() => [InvoiceItemInput]) items!: InvoiceItemInput[];
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, { complexity: pageComplexity, description: 'Invoices, newest first.' })
  async invoices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InvoiceFilter, { nullable: true }) filter: InvoiceFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Condition[] = [];
    if (filter?.status) where.push({ op: 'eq', column: 'status', value: filter.status });
    if (filter?.kind) where.push({ op: 'eq', column: 'kind', value: filter.kind });
    if (filter?.customerId) where.push({ op: 'eq', column: 'customerId', value: parseId(filter.customerId, 'filter.customerId') });
    return readTenant(ctx, info, { kind: 'connection', type: 'Invoice', where, direction: 'desc', page });
  }

  @Query(() => Invoice)
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'one', type: 'Invoice', id: parseId(id), what: 'invoice' });
  }

  @Mutation(() => Invoice, { description: 'Creates a DRAFT invoice; every amount is computed from the items.' })
  async createInvoice(@Arg('input', () => InvoiceInput) input: InvoiceInput, @Ctx() ctx: GatewayContext) {
    const scope = await ctx.tenant('data.write');
    const { tenant } = scope;
    return withinPlanLimit(ctx.services, scope, 'maxInvoicesPerMonth', (tx) => createInvoice(tx, tenant.currency, tenant.locale, input));
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() invoice: InvoiceRow, @Ctx() ctx: GatewayContext) {
    return invoice.customerId ? ctx.scope.loaders.customer.load(invoice.customerId) : null;
  }

  @FieldResolver(() => [InvoiceItem], { complexity: listComplexity })
  items(@Root() invoice: InvoiceRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.invoiceItems.load(invoice.id);
  }

  @FieldResolver(() => [Payment], { complexity: listComplexity })
  payments(@Root() invoice: InvoiceRow, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.invoicePayments.load(invoice.id);
  }
}

@Resolver(() => InvoiceItem)
export class InvoiceItemResolver {
  @FieldResolver(() => Product, { nullable: true })
  product(@Root() item: InvoiceItemRow, @Ctx() ctx: GatewayContext) {
    return item.productId ? ctx.scope.loaders.product.load(item.productId) : null;
  }
}
