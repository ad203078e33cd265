// Moving an invoice through its life: issue, pay, void. The rules are in
// src/domain/invoicing; this only wires them to GraphQL.
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { issueInvoice } from '../../domain/invoicing/issueInvoice';
import { recordPayment } from '../../domain/invoicing/recordPayment';
import { voidInvoice } from '../../domain/invoicing/voidInvoice';
import type { GatewayContext } from '../context';
import { PaymentMethod } from '../enums';
import { parseId } from '../../ids';
import { DateTimeScalar, DecimalScalar } from '../scalars';
import { Invoice, Payment } from './types';

@InputType()
class PaymentDetails {
  @Field(() => String, { nullable: true, description: 'Transfer or cheque reference; bank statement lines are matched by it.' })
  reference?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Defaults to now.' }) paidAt?: Date;
}

@Resolver()
export class InvoiceLifecycleResolver {
  @Mutation(() => Invoice, { description: 'DRAFT -> ISSUED: posts the invoice to the books and moves its stock, in one transaction.' })
  async issueInvoice(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return issueInvoice(db, parseId(id));
  }

  @Mutation(() => Payment, { description: 'Records a payment on an issued invoice; more than is still due is refused.' })
  async recordPayment(
    @Arg('invoiceId', () => ID) invoiceId: string,
    @Arg('amount', () => DecimalScalar) amount: string,
    @Arg('method', () => PaymentMethod) method: PaymentMethod,
    @Arg('details', () => PaymentDetails, { nullable: true }) details: PaymentDetails | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.write');
    return recordPayment(db, parseId(invoiceId, 'invoiceId'), { amount, method, ...details });
  }

  @Mutation(() => Invoice, { description: 'Voids an invoice (ADMIN): reverses every entry and stock movement it and its payments caused.' })
  async voidInvoice(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return voidInvoice(db, parseId(id));
  }
}
