// Discount codes (ADMIN creates and disables them; everyone reads them).
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { DateTimeScalar, DecimalScalar } from '../../schema/scalars';
import { createDiscount, disableDiscount } from './discounts';
import { Discount } from './types';

@Resolver()
export class DiscountResolver {
  @Mutation(() => Discount, { description: 'A code taking percentOff (e.g. "10") or amountOff an order, in [validFrom, validTo), at most maxRedemptions times.' })
  async createDiscount(
    @Arg('code', () => String) code: string,
    @Arg('percentOff', () => DecimalScalar, { nullable: true }) percentOff: string | undefined,
    @Arg('amountOff', () => DecimalScalar, { nullable: true }) amountOff: string | undefined,
    @Arg('validFrom', () => DateTimeScalar, { nullable: true }) validFrom: Date | undefined,
    @Arg('validTo', () => DateTimeScalar, { nullable: true }) validTo: Date | undefined,
    @Arg('maxRedemptions', () => Int, { nullable: true }) maxRedemptions: number | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.configure');
    return createDiscount(db, { code, percentOff, amountOff, validFrom, validTo, maxRedemptions });
  }

  @Mutation(() => Discount, { description: 'No order can use the code any more; orders that hold it keep their discount.' })
  async disableDiscount(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return disableDiscount(db, parseId(id));
  }
}
