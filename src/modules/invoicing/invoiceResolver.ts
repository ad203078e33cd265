import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../../schema/context';
import { WritesModel } from '../../schema/personalInputs';
import { DateTimeScalar, DecimalScalar } from '../../schema/scalars';
import { pageComplexity } from '../../schema/tenant/complexity';
import { InvoiceKind, InvoiceStatus } from './enums';
import { createInvoice } from './invoices';
import { Invoice } from './types';

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
@WritesModel('Invoice')
class InvoiceInput {
  @Field(() => InvoiceKind) kind!: InvoiceKind;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => DateTimeScalar, { nullable: true }) issueDate?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) dueDate?: Date;
  @Field(() => String, { nullable: true }) notes?: string;
  @Field(() => [InvoiceItemInput]) items!: InvoiceItemInput[];
}

@Resolver()
export class InvoiceResolver {
  @Query(() => typesOf('Invoice').connection, { complexity: pageComplexity, description: 'Invoices, newest first.' })
  async invoices(
    @Args(() => typesOf('Invoice').args) page: ListArgs,
    @Arg('filter', () => InvoiceFilter, { nullable: true }) filter: InvoiceFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, { status: { eq: filter?.status }, kind: { eq: filter?.kind }, customerId: { eq: filter?.customerId && parseId(filter.customerId, 'filter.customerId') } });
  }

  @Mutation(() => Invoice, { description: 'Creates a DRAFT invoice; every amount is computed from the items.' })
  async createInvoice(@Arg('input', () => InvoiceInput) input: InvoiceInput, @Ctx() ctx: GatewayContext) {
    const scope = await ctx.tenant('data.write');
    const { tenant } = scope;
    return withinPlanLimit(ctx.services, scope, 'maxInvoicesPerMonth', (tx) => createInvoice(tx, tenant.currency, tenant.locale, input));
  }
}
