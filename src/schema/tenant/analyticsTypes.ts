import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONObjectScalar } from '../scalars';

@ObjectType({ description: 'Something that happened in the tenant: a change of its data (order.paid, invoice.issued, ...) or an event a client tracked.' })
export class AnalyticsEvent {
  @Field(() => ID) id!: string;
  @Field(() => String) type!: string;
  @Field(() => JSONObjectScalar, { description: 'The object as the API showed it (domain events), or the properties tracked.' }) payload!: unknown;
  @Field(() => String, { nullable: true, description: "A tracked event's client session." }) sessionId!: string | null;
  @Field(() => DateTimeScalar) occurredAt!: Date;
}

@ObjectType()
export class EventTypeCount {
  @Field(() => String) type!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class EventCountPeriod {
  @Field(() => String, { description: '"2026-03-21" for a day, the Monday it begins with for a week, "2026-03" for a month.' }) period!: string;
  @Field(() => DateTimeScalar, { description: 'When the period begins on the clock of the time zone counted in.' }) start!: Date;
  @Field(() => Int) total!: number;
  @Field(() => [EventTypeCount], { description: 'Every type asked for (zeros included), or without types every type that happened in the period.' })
  counts!: EventTypeCount[];
}

@ObjectType()
export class EventCounts {
  @Field(() => String, { description: 'The IANA time zone the periods were cut in.' }) timeZone!: string;
  @Field(() => [EventCountPeriod], { description: 'Every period of the range, empty ones included.' }) periods!: EventCountPeriod[];
  @Field(() => Int) total!: number;
}
