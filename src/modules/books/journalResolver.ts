import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, ID, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import type { GatewayContext } from '../../schema/context';
import { pageComplexity } from '../../schema/tenant/complexity';
import { JournalEntryInput } from './accountingTypes';
import { postManualEntry, reverseManualEntry } from './manualEntry';
import { JournalEntry } from './types';

@InputType()
class JournalEntryFilter {
  @Field(() => String, { nullable: true, description: '"manual", "opening", "invoice", "payment", "refund" (of an order) or "stock" (an adjustment).' }) sourceType?: string;
  @Field(() => ID, { nullable: true }) sourceId?: string;
}

@Resolver()
export class JournalResolver {
  @Query(() => typesOf('JournalEntry').connection, { complexity: pageComplexity, description: 'Journal entries, newest first.' })
  async journalEntries(
    @Args(() => typesOf('JournalEntry').args) page: ListArgs,
    @Arg('filter', () => JournalEntryFilter, { nullable: true }) filter: JournalEntryFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, {
      sourceType: { eq: filter?.sourceType },
      sourceId: { eq: filter?.sourceId && parseId(filter.sourceId, 'filter.sourceId') },
    });
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
}
