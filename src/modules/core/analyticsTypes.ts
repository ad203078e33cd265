import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';

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
