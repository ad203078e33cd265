import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { customerLedger } from '../../domain/accounting/customerLedger';
import type { GatewayContext } from '../context';
import { parseId } from '../../ids';
import { CustomerLedger } from './accountingTypes';
import { listComplexity } from './complexity';

@Resolver(() => CustomerLedger)
export class LedgerResolver {
  @Query(() => CustomerLedger, {
    complexity: listComplexity,
    description: "A customer's (or supplier's) receivable and payable lines with a running balance.",
  })
  async customerLedger(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant();
    return customerLedger(db, parseId(customerId, 'customerId'));
  }
}
