import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { createBankAccount } from '../../domain/bank/bankAccounts';
import { importBankStatement } from '../../domain/bank/importStatement';
import type { Prisma } from '../../generated/tenant/client';
import { Connection, PageArgs, paginate } from '../connection';
import type { GatewayContext } from '../context';
import { parseId } from '../ids';
import { BankAccount, BankAccountInput, BankStatementImport, BankStatementLine } from './bankTypes';
import { pageComplexity } from './complexity';
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
    const { db, tenant } = await ctx.tenant('admin');
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
    const { db } = await ctx.tenant('admin');
    return importBankStatement(db, parseId(bankAccountId, 'bankAccountId'), csv);
  }

  @Query(() => BankStatementLineConnection, { complexity: pageComplexity, description: "A bank account's statement lines, newest first." })
  async bankStatementLines(
    @Arg('bankAccountId', () => ID) bankAccountId: string,
    @Arg('matched', () => Boolean, { nullable: true, description: 'false: only lines no payment was found for; true: only matched ones.' })
    matched: boolean | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant();
    const where: Prisma.BankStatementLineWhereInput = {
      bankAccountId: parseId(bankAccountId, 'bankAccountId'),
      ...(matched === undefined ? {} : { matchedPaymentId: matched ? { not: null } : null }),
    };
    return paginate(
      page,
      'desc',
      (id, take) => db.bankStatementLine.findMany({ where: id ? { AND: [where, { id }] } : where, orderBy: { id: 'desc' }, take }),
      () => db.bankStatementLine.count({ where }),
    );
  }

  @FieldResolver(() => Payment, { nullable: true, description: 'The payment this line was matched to.' })
  matchedPayment(@Root() line: BankStatementLine, @Ctx() ctx: GatewayContext) {
    return line.matchedPaymentId ? ctx.scope.loaders.payment.load(line.matchedPaymentId) : null;
  }
}
