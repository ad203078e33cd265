import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Grouping } from '../../domain/reports/periods';
import { DateTimeScalar } from '../../schema/scalars';

export const EventGrouping: { [K in Grouping]: K } = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };
registerEnumType(EventGrouping, { name: 'EventGrouping', description: 'Days, ISO weeks (from Monday) or months, in the time zone counted in.' });

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
