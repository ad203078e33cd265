import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../../schema/context';
import { FreeForm } from '../../schema/personalInputs';
import { pageComplexity } from '../../schema/tenant/complexity';
import { createBankAccount } from './bankAccounts';
import { BankAccountInput, BankStatementImport } from './bankTypes';
import { importBankStatement } from './importStatement';
import { BankAccount } from './types';

@Resolver()
export class BankResolver {
  @Mutation(() => BankAccount, { description: 'Adds a bank account (ADMIN).' })
  async createBankAccount(@Arg('input', () => BankAccountInput) input: BankAccountInput, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.configure');
    return createBankAccount(db, tenant.currency, input);
  }

  @Mutation(() => BankStatementImport, {
    description: 'Imports statement lines from CSV text (ADMIN; columns: date, amount or credit/debit, reference, description) and matches them to payments.',
  })
  // The bank's text on each line names a payer or payee (BankStatementLine.description).
  @FreeForm('csv')
  async importBankStatement(
    @Arg('bankAccountId', () => ID) bankAccountId: string,
    @Arg('csv', () => String) csv: string,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.configure');
    return importBankStatement(db, parseId(bankAccountId, 'bankAccountId'), csv);
  }

  @Query(() => typesOf('BankStatementLine').connection, { complexity: pageComplexity, description: 'Bank statement lines, newest first.' })
  async bankStatementLines(
    @Args(() => typesOf('BankStatementLine').args) page: ListArgs,
    @Arg('bankAccountId', () => ID, { nullable: true, description: "Only this bank account's lines." }) bankAccountId: string | undefined,
    @Arg('matched', () => Boolean, { nullable: true, description: 'false: only lines no payment was found for; true: only matched ones.' })
    matched: boolean | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, {
      ...(bankAccountId ? { bankAccountId: { eq: parseId(bankAccountId, 'bankAccountId') } } : {}),
      ...(matched !== undefined && matched !== null ? { matchedPaymentId: { isNull: !matched } } : {}),
    });
  }
}
