import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { listComplexity } from '../../schema/tenant/complexity';
import { CustomerLedger } from './accountingTypes';
import { customerLedger } from './customerLedger';

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
