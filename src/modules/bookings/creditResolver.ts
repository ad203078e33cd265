// Credits: packs sold to customers, and each customer's balance. The rules are in
// credits.ts and creditPacks.ts.
import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { parseId } from '../../ids';
import { Computed } from '../../planner/computed';
import type { GatewayContext } from '../../schema/context';
import { DecimalScalar } from '../../schema/scalars';
import { Customer } from '../customers/types';
import { PaymentMethod } from '../invoicing/enums';
import { sellCreditPack } from './creditPacks';
import { creditBalanceOf } from './credits';
import { CreditTransaction } from './types';

/** One read of the balances a request asks for, however many customers it lists. */
const balanceLoaders = new WeakMap<GatewayContext, DataLoader<string, number>>();

function balances(ctx: GatewayContext) {
  let loader = balanceLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const { db } = await ctx.tenant();
      const known = await creditBalanceOf(db, ids);
      return ids.map((id) => known.get(id) ?? 0);
    });
    balanceLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => Customer)
export class CreditResolver {
  @FieldResolver(() => Int, { description: 'Credits the customer has for bookings: the sum of their credit transactions.' })
  @Computed(['id'])
  creditBalance(@Root() customer: { id: string }, @Ctx() ctx: GatewayContext) {
    return balances(ctx).load(customer.id);
  }

  @Mutation(() => CreditTransaction, {
    description: 'Sells the customer a pack of credits: a sale invoice for the price (paid when a method is given) and a PACK_SOLD ledger row.',
  })
  async sellCreditPack(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('credits', () => Int, { description: '1 to 10000.' }) credits: number,
    @Arg('price', () => DecimalScalar, { description: 'Before tax, which the invoice adds at the tenant rate.' }) price: string,
    @Arg('method', () => PaymentMethod, { nullable: true, description: 'How it was paid; left out, the invoice stays due.' }) method: PaymentMethod | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant('data.write');
    return sellCreditPack(db, tenant, { customerId: parseId(customerId, 'customerId'), credits, price, method });
  }
}
