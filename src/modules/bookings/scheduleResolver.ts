// The timetable: classes scheduled (one, or weekly), and the slots still free for an
// appointment. The rules are in schedule.ts and slots.ts.
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { DateTimeScalar } from '../../schema/scalars';
import { scheduleClass } from './schedule';
import { availableSlots } from './slots';
import { ClassSession, Slot } from './types';

@InputType()
class ScheduleClassInput {
  @Field(() => ID) serviceId!: string;
  @Field(() => ID) providerId!: string;
  @Field(() => DateTimeScalar, { description: 'The first class; it lasts the service\'s durationMinutes.' }) startsAt!: Date;
  @Field(() => Int, { nullable: true, description: "Places; defaults to the service's capacity." }) capacity?: number;
  @Field(() => Int, {
    nullable: true,
    description: "How many weeks the class runs (1 to 52, default 1): once a week at the first one's wall-clock time on the tenant's clock.",
  })
  repeatWeeks?: number;
}

@Resolver()
export class ScheduleResolver {
  @Mutation(() => [ClassSession], { description: 'Puts a class, or a weekly series of it, on the timetable; SLOT_TAKEN when the provider is busy at one of them.' })
  async scheduleClass(@Arg('input', () => ScheduleClassInput) input: ScheduleClassInput, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.write');
    return scheduleClass(db, tenant.locale, {
      ...input,
      serviceId: parseId(input.serviceId, 'input.serviceId'),
      providerId: parseId(input.providerId, 'input.providerId'),
    });
  }

  @Query(() => [Slot], {
    description:
      "The times in [from, to) (at most 62 days) the provider can take an appointment for the service: their weekly rules on the tenant's clock, in slots of the service's length, less their time off, appointments and classes.",
  })
  async availableSlots(
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('providerId', () => ID) providerId: string,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant();
    return availableSlots(db, tenant.locale, { serviceId: parseId(serviceId, 'serviceId'), providerId: parseId(providerId, 'providerId'), from, to });
  }
}
