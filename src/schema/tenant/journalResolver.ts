import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { postManualEntry, reverseManualEntry } from '../../domain/accounting/manualEntry';
import type { Condition } from '../../planner/plannedStatement';
import { Connection, PageArgs } from '../connection';
import type { GatewayContext } from '../context';
import { parseId } from '../../ids';
import { Account, JournalEntry, JournalEntryInput, JournalLine } from './accountingTypes';
import { listComplexity, pageComplexity } from './complexity';
import { readTenant } from './readTenant';
import { Customer } from './types';

const JournalEntryConnection = Connection(JournalEntry);

@InputType()
class JournalEntryFilter {
  @Field(() => String, { nullable: true, description: '"manual", "opening", "invoice", "payment", "refund" (of an order) or "stock" (an adjustment).' }) sourceType?: string;
  @Field(() => ID, { nullable: true }) sourceId?: string;
}

@Resolver(() => JournalEntry)
export class JournalResolver {
  @Query(() => JournalEntryConnection, { complexity: pageComplexity, description: 'Journal entries, newest first.' })
  async journalEntries(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => JournalEntryFilter, { nullable: true }) filter: JournalEntryFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where: Condition[] = [];
    if (filter?.sourceType) where.push({ op: 'eq', column: 'sourceType', value: filter.sourceType });
    if (filter?.sourceId) where.push({ op: 'eq', column: 'sourceId', value: parseId(filter.sourceId, 'filter.sourceId') });
    return readTenant(ctx, info, { kind: 'connection', type: 'JournalEntry', where, direction: 'desc', page });
  }

  @Mutation(() => JournalEntry, { description: 'Posts a balanced entry by hand (ADMIN): debits must equal credits.' })
  async postJournalEntry(@Arg('input', () => JournalEntryInput) input: JournalEntryInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return postManualEntry(db, input);
  }

  @Mutation(() => JournalEntry, { description: 'Reverses a manual entry (ADMIN); entries of invoices are undone by voiding the invoice.' })
  async reverseJournalEntry(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return reverseManualEntry(db, parseId(id));
  }

  @FieldResolver(() => [JournalLine], { complexity: listComplexity })
  lines(@Root() entry: JournalEntry, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.journalLines.load(entry.id);
  }
}

@Resolver(() => JournalLine)
export class JournalLineResolver {
  @FieldResolver(() => Account)
  account(@Root() line: JournalLine, @Ctx() ctx: GatewayContext) {
    return ctx.scope.loaders.account.load(line.accountId);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() line: JournalLine, @Ctx() ctx: GatewayContext) {
    return line.customerId ? ctx.scope.loaders.customer.load(line.customerId) : null;
  }
}
