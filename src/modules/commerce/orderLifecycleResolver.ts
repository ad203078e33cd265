// Moving an order through its life: pay, fulfil, cancel, refund. The rules are in
// orderLifecycle.ts; this only wires them to GraphQL.
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { WritesModel } from '../../schema/personalInputs';
import { DecimalScalar } from '../../schema/scalars';
import { PaymentMethod } from '../invoicing/enums';
import { cancelOrder, fulfillOrder, payOrder, refundOrder } from './orderLifecycle';
import { Order } from './types';

@Resolver()
export class OrderLifecycleResolver {
  @Mutation(() => Order, { description: 'PENDING -> PAID: issues the sale invoice (books and stock) and records its payment, in one transaction.' })
  async payOrder(
    @Arg('id', () => ID) id: string,
    @Arg('method', () => PaymentMethod) method: PaymentMethod,
    @Arg('reference', () => String, { nullable: true, description: 'Transfer or cheque reference; bank statement lines are matched by it.' })
    reference: string | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant('data.write');
    return payOrder(db, parseId(id), tenant.locale, { method, reference });
  }

  @Mutation(() => Order, { description: 'PAID -> FULFILLED: the goods went out.' })
  async fulfillOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return fulfillOrder(db, parseId(id));
  }

  @Mutation(() => Order, { description: 'Cancels a PENDING or PAID order (ADMIN): releases its stock, voids its invoice, gives its discount redemption back.' })
  async cancelOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return cancelOrder(db, parseId(id));
  }

  @Mutation(() => Order, { description: 'Gives back part or all of what was paid (ADMIN), posted to the books; at most what is left to refund.' })
  @WritesModel('OrderRefund')
  async refundOrder(
    @Arg('id', () => ID) id: string,
    @Arg('amount', () => DecimalScalar) amount: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.configure');
    return refundOrder(db, parseId(id), { amount, reason });
  }
}
