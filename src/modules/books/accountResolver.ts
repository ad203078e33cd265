import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { asOfMoment, type ReportBound } from '../../domain/reports/reportPeriod';
import type { GatewayContext } from '../../schema/context';
import { DateOrDateTimeScalar } from '../../schema/dateOrDateTime';
import { AccountBalance, TrialBalance } from './accountingTypes';
import { accountBalance, trialBalance } from './balances';

const AS_OF = "Entries dated up to and including this moment, or for a date that whole day in the tenant's report time zone; defaults to now.";

@Resolver()
export class AccountResolver {
  @Query(() => TrialBalance)
  async trialBalance(
    @Arg('asOf', () => DateOrDateTimeScalar, { nullable: true, description: AS_OF }) asOf: ReportBound | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return trialBalance(db, asOf ? await asOfMoment(db, tenant.locale, asOf) : new Date());
  }

  @Query(() => AccountBalance, { description: "An account's balance, its sub-accounts included." })
  async accountBalance(
    @Arg('code', () => String) code: string,
    @Arg('asOf', () => DateOrDateTimeScalar, { nullable: true, description: AS_OF }) asOf: ReportBound | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return accountBalance(db, code, asOf ? await asOfMoment(db, tenant.locale, asOf) : new Date());
  }
}
