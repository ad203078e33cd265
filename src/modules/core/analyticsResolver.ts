import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, Info, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { Grouping } from '../../domain/reports/periods';
import type { ReportBound } from '../../domain/reports/reportPeriod';
import { badInput } from '../../errors';
import { typesOf } from '../../graph/modelTypes';
import { readList } from '../../graph/rootFields';
import type { ListArgs } from '../../planner/statement';
import type { WhereInput } from '../../planner/where';
import type { GatewayContext } from '../../schema/context';
import { FreeForm } from '../../schema/personalInputs';
import { DateOrDateTimeScalar } from '../../schema/dateOrDateTime';
import { DateTimeScalar, JSONObjectScalar } from '../../schema/scalars';
import { listComplexity, pageComplexity } from '../../schema/tenant/complexity';
import { EventCounts, EventGrouping } from './analyticsTypes';
import { MAX_COUNTED_TYPES, eventCounts } from './eventCounts';
import { MAX_PROPERTIES_BYTES, trackEvent } from './trackEvent';
import { AnalyticsEvent } from './types';

// A filter longer than this is a mistake, not a question.
const MAX_FILTER_TYPES = 50;

@InputType()
class AnalyticsEventFilter {
  @Field(() => [String], { nullable: true, description: `Any of these types (1 to ${MAX_FILTER_TYPES}).` }) types?: string[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred at or after.' }) from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred before.' }) to?: Date;
  @Field(() => String, { nullable: true }) sessionId?: string;
}

function eventWhere(filter: AnalyticsEventFilter | undefined): WhereInput {
  if (filter?.types && (filter.types.length === 0 || filter.types.length > MAX_FILTER_TYPES)) {
    throw badInput(`filter.types must name 1 to ${MAX_FILTER_TYPES} types`, { field: 'filter.types' });
  }
  return {
    type: { in: filter?.types },
    occurredAt: { gte: filter?.from, lt: filter?.to },
    sessionId: { eq: filter?.sessionId },
  };
}

@Resolver()
export class AnalyticsResolver {
  @Mutation(() => AnalyticsEvent, {
    description: `Records an event of the client's own (a page view, a checkout step) for analyticsEvents and eventCounts. Its type may not be in a namespace of the tenant's data (order., invoice., product., customer.); properties are at most ${MAX_PROPERTIES_BYTES} bytes of JSON. Tracked events are not delivered to webhooks.`,
  })
  // A client puts what it likes in the properties: a customer's email or name among them.
  @FreeForm('properties')
  async trackEvent(
    @Arg('type', () => String) type: string,
    @Arg('properties', () => JSONObjectScalar, { nullable: true }) properties: Record<string, unknown> | undefined,
    @Arg('sessionId', () => String, { nullable: true }) sessionId: string | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.write');
    return trackEvent(db, { type, properties, sessionId });
  }

  @Query(() => typesOf('AnalyticsEvent').connection, { complexity: pageComplexity, description: 'Events, tracked and of the data, newest first.' })
  async analyticsEvents(
    @Args(() => typesOf('AnalyticsEvent').args) page: ListArgs,
    @Arg('filter', () => AnalyticsEventFilter, { nullable: true }) filter: AnalyticsEventFilter | undefined,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, page, eventWhere(filter));
  }

  @Query(() => EventCounts, {
    complexity: listComplexity,
    description: "Events per type per day, week (ISO, from Monday) or month of [from, to), cut in timeZone (default: the tenant's report time zone); a date bound is the midnight it begins with there.",
  })
  async eventCounts(
    @Arg('from', () => DateOrDateTimeScalar) from: ReportBound,
    @Arg('to', () => DateOrDateTimeScalar) to: ReportBound,
    @Arg('groupBy', () => EventGrouping) groupBy: Grouping,
    @Arg('types', () => [String], { nullable: true, description: `Only these types (1 to ${MAX_COUNTED_TYPES}), each listed in every period.` }) types: string[] | undefined,
    @Arg('timeZone', () => String, { nullable: true, description: 'An IANA time zone, e.g. "Asia/Tehran".' }) timeZone: string | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return eventCounts(db, tenant.locale, { types, from, to, groupBy, timeZone });
  }
}
