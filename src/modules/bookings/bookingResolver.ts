// Booking a place and what follows: completed, a no-show, cancelled, paid. The rules
// are in book.ts and bookingLifecycle.ts; this wires them to GraphQL. A new booking
// counts towards the plan's bookings a month.
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { withinPlanLimit } from '../../billing/planLimits';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { FreeForm } from '../../schema/personalInputs';
import { DateTimeScalar } from '../../schema/scalars';
import { PaymentMethod } from '../invoicing/enums';
import { bookAppointment, bookClass } from './book';
import { cancelBooking, completeBooking, markNoShow, payBooking } from './bookingLifecycle';
import { Booking } from './types';

@InputType()
class BookAppointmentInput {
  @Field(() => ID, { description: 'A service of capacity 1 that the provider gives.' }) serviceId!: string;
  @Field(() => ID) providerId!: string;
  @Field(() => DateTimeScalar, { description: "Within the provider's availability; it lasts the service's durationMinutes." }) startsAt!: Date;
  @Field(() => ID) customerId!: string;
  @Field(() => Boolean, { nullable: true, description: 'HELD: the slot is kept for the customer until payBooking confirms it (or cancelBooking frees it); not for a service paid in credits.' })
  hold?: boolean | null;
}

@Resolver()
export class BookingResolver {
  @Mutation(() => Booking, { description: 'A place in a class, CONFIRMED, taking the service\'s credits; CLASS_FULL when none is left, INSUFFICIENT_CREDITS when the customer lacks them.' })
  async bookClass(
    @Arg('classSessionId', () => ID) classSessionId: string,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('hold', () => Boolean, { defaultValue: false, description: 'HELD: the place is kept until payBooking confirms it (or cancelBooking frees it); not for a class paid in credits.' })
    hold: boolean,
    @Ctx() ctx: GatewayContext,
  ) {
    const scope = await ctx.tenant('data.write');
    const [session, customer] = [parseId(classSessionId, 'classSessionId'), parseId(customerId, 'customerId')];
    return withinPlanLimit(ctx.services, scope, 'maxBookingsPerMonth', (db) => bookClass(db, session, customer, hold));
  }

  @Mutation(() => Booking, {
    description: "An appointment with a provider, CONFIRMED (or HELD): OUTSIDE_AVAILABILITY outside their hours or in their time off, SLOT_TAKEN when they are booked at some of that time.",
  })
  async bookAppointment(@Arg('input', () => BookAppointmentInput) input: BookAppointmentInput, @Ctx() ctx: GatewayContext) {
    const scope = await ctx.tenant('data.write');
    const ids = {
      serviceId: parseId(input.serviceId, 'input.serviceId'),
      providerId: parseId(input.providerId, 'input.providerId'),
      customerId: parseId(input.customerId, 'input.customerId'),
    };
    return withinPlanLimit(ctx.services, scope, 'maxBookingsPerMonth', (db) => bookAppointment(db, scope.target.engine, scope.tenant.locale, { ...input, ...ids }));
  }

  @Mutation(() => Booking, {
    description:
      'HELD or CONFIRMED -> CANCELLED: frees the place; the credits come back when cancelled before the cut-off (the bookingCancellationCutoffMinutes setting). A paid booking has its invoice voided, its payment refunded (ADMIN).',
  })
  @FreeForm('reason')
  async cancelBooking(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | undefined, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.write');
    return cancelBooking(db, parseId(id), tenant.locale, reason, { mayRefund: () => ctx.access('data.configure') });
  }

  @Mutation(() => Booking, { description: 'HELD or CONFIRMED -> COMPLETED: the customer came.' })
  async completeBooking(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return completeBooking(db, parseId(id));
  }

  @Mutation(() => Booking, { description: 'HELD or CONFIRMED -> NO_SHOW: the customer did not come; the place and the credits stay spent.' })
  async markNoShow(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return markNoShow(db, parseId(id));
  }

  @Mutation(() => Booking, { description: 'Issues the booking\'s sale invoice (its price, taxed at the tenant rate) and records its payment, in one transaction; HELD becomes CONFIRMED.' })
  async payBooking(
    @Arg('id', () => ID) id: string,
    @Arg('method', () => PaymentMethod) method: PaymentMethod,
    @Arg('reference', () => String, { nullable: true, description: 'Transfer or cheque reference; bank statement lines are matched by it.' })
    reference: string | undefined,
    @Ctx() ctx: GatewayContext,
  ) {
    const { db, tenant } = await ctx.tenant('data.write');
    return payBooking(db, parseId(id), tenant, { method, reference });
  }
}
