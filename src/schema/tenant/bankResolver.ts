import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createBankAccount } from '../../domain/bank/bankAccounts';
import { importBankStatement } from '../../domain/bank/importStatement';
import type { Condition } from '../../planner/plannedStatement';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { parseId } from '../../ids';
import { BankAccount, BankAccountInput, BankStatementImport, BankStatementLine } from './bankTypes';
import { pageComplexity } from './complexity';
import { readTenant } from './readTenant';
import { Payment } from './types';

const BankStatementLineConnection = Connection(BankStatementLine);

@Resolver(() => BankStatementLine)
export class BankResolver {
  @Query(() => [BankAccount])
  async bankAccounts(@Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant();
    return db.bankAccount.findMany({ orderBy: { name: 'asc' } });
  }

  @Mutation(() => BankAccount, { description: 'Adds a bank account (ADMIN).' })
  async createBankAccount(@Arg('input', () => BankAccountInput) input: BankAccountInput, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.configure');
    return createBankAccount(db, tenant.currency, input);
  }

  @Mutation(() => BankStatementImport, {
    description: 'Imports statement lines from CSV text (ADMIN; columns: date, amount or credit/debit, reference, description) and matches them to payments.',
  })
  async importBankStatement(
    @Arg('bankAccountId', () => ID) bankAccountId: string,
    @Arg('csv', () => String) csv: string,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.configure');
    return importBankStatement(db, parseId(bankAccountId, 'bankAccountId'), csv);
  }

  @Query(() => BankStatementLineConnection, { complexity: pageComplexity, description: "A bank account's statement lines, newest first." })
  async bankStatementLines(
    @Arg('bankAccountId', () => ID) bankAccountId: string,
    @Arg('matched', () => Boolean, { nullable: true, description: 'false: only lines no payment was found for; true: only matched ones.' })
    matched: boolean | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Condition[] = [{ op: 'eq', column: 'bankAccountId', value: parseId(bankAccountId, 'bankAccountId') }];
    if (matched !== undefined) where.push({ op: 'isNull', column: 'matchedPaymentId', isNull: !matched });
    return readTenant(ctx, info, { kind: 'connection', type: 'BankStatementLine', where, direction: 'desc', page });
  }

  @FieldResolver(() => Payment, { nullable: true, description: 'The payment this line was matched to.' })
  matchedPayment(@Root() line: BankStatementLine, @Ctx() ctx: GatewayContext) {
    return line.matchedPaymentId ? ctx.scope.loaders.payment.load(line.matchedPaymentId) : null;
  }
}
