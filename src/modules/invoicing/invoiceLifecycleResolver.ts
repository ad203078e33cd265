// Moving an invoice through its life: issue, pay, void. The rules are in
// issueInvoice.ts, recordPayment.ts and voidInvoice.ts; this only wires them to GraphQL.
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { DateTimeScalar, DecimalScalar } from '../../schema/scalars';
import { PaymentMethod } from './enums';
import { issueInvoice } from './issueInvoice';
import { recordPayment } from './recordPayment';
import { Invoice, Payment } from './types';
import { voidInvoice } from './voidInvoice';

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
