import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { accountBalance, trialBalance } from '../../domain/accounting/balances';
import { asOfMoment, type ReportBound } from '../../domain/reports/reportPeriod';
import type { GatewayContext } from '../context';
import { DateOrDateTimeScalar } from '../dateOrDateTime';
import { Account, AccountBalance, TrialBalance } from './accountingTypes';
import { listComplexity } from './complexity';
import { readTenant } from './readTenant';

const AS_OF = "Entries dated up to and including this moment, or for a date that whole day in the tenant's report time zone; defaults to now.";

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => [Account], { description: 'The chart of accounts as a tree: the top-level accounts, each with its children.' })
  async accounts(@Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo) {
    return readTenant(ctx, info, { kind: 'list', type: 'Account', where: [{ op: 'isNull', column: 'parentId', isNull: true }], orderBy: [['code', 'asc']] });
  }

  @FieldResolver(() => [Account], { complexity: listComplexity })
  children(@Root() account: Account, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.accountChildren.load(account.id);
  }

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
