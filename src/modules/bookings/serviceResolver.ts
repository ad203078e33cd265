// What the business offers and who gives it, set up by its admins: services, providers,
// their weekly availability; and time off, which any member may record. The rules are in
// catalogue.ts; the lists (services, providers, ...) are the generated graph's.
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../ids';
import type { GatewayContext } from '../../schema/context';
import { DateTimeScalar, DecimalScalar } from '../../schema/scalars';
import { addTimeOff, createProvider, createService, setProviderAvailability, updateService } from './catalogue';
import { Provider, ProviderTimeOff, Service } from './types';

const CAPACITY = 'Places in each class; 1 (the default) makes it a one-to-one appointment.';
const CREDIT_COST = "Credits a booking takes from the customer's balance; 0 (the default): paid in money with payBooking.";

@InputType()
class ServiceInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => Int, { description: '5 to 1440.' }) durationMinutes!: number;
  @Field(() => DecimalScalar, { description: 'Before tax, which the invoice adds at the tenant rate.' }) price!: string;
  @Field(() => Int, { nullable: true, description: CAPACITY }) capacity?: number;
  @Field(() => Int, { nullable: true, description: CREDIT_COST }) creditCost?: number;
  @Field(() => Boolean, { nullable: true, description: 'Defaults to true; an inactive service takes no bookings.' }) active?: boolean;
}

@InputType({ description: 'The fields to change: those left out stay as they are. Classes already scheduled keep their capacity.' })
class ServiceUpdateInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) durationMinutes?: number;
  @Field(() => DecimalScalar, { nullable: true }) price?: string;
  @Field(() => Int, { nullable: true, description: CAPACITY }) capacity?: number;
  @Field(() => Int, { nullable: true, description: CREDIT_COST }) creditCost?: number;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
}

@InputType()
class ProviderInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => [ID], { nullable: true, description: 'The services the provider gives.' }) serviceIds?: string[];
}

@InputType({ description: "A weekly rule, in wall-clock time on the tenant's clock (its report time zone)." })
class AvailabilityRuleInput {
  @Field(() => Int, { description: '1 Monday to 7 Sunday (ISO).' }) weekday!: number;
  @Field(() => String, { description: '"09:00".' }) from!: string;
  @Field(() => String, { description: '"17:00", after from; "24:00" is the end of the day.' }) to!: string;
}

@InputType()
class TimeOffInput {
  @Field(() => ID) providerId!: string;
  @Field(() => DateTimeScalar) startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Exclusive.' }) endsAt!: Date;
  @Field(() => String, { nullable: true }) reason?: string;
}

@Resolver()
export class ServiceResolver {
  @Mutation(() => Service, { description: 'A service: a class (capacity above 1) or a one-to-one appointment (ADMIN).' })
  async createService(@Arg('input', () => ServiceInput) input: ServiceInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return createService(db, input);
  }

  @Mutation(() => Service, { description: 'Changes a service (ADMIN); bookings already taken keep their price and credits.' })
  async updateService(@Arg('id', () => ID) id: string, @Arg('input', () => ServiceUpdateInput) input: ServiceUpdateInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return updateService(db, parseId(id), input);
  }

  @Mutation(() => Provider, { description: 'Someone who gives services (ADMIN): a trainer, a therapist, a stylist.' })
  async createProvider(@Arg('input', () => ProviderInput) input: ProviderInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.configure');
    return createProvider(db, { ...input, serviceIds: input.serviceIds?.map((id, i) => parseId(id, `input.serviceIds.${i}`)) });
  }

  @Mutation(() => Provider, { description: "Replaces the provider's weekly rules (ADMIN); bookings already taken stay." })
  async setProviderAvailability(
    @Arg('providerId', () => ID) providerId: string,
    @Arg('rules', () => [AvailabilityRuleInput]) rules: AvailabilityRuleInput[],
    @Ctx() ctx: GatewayContext,
  ) {
    const { db } = await ctx.tenant('data.configure');
    return setProviderAvailability(db, parseId(providerId, 'providerId'), rules);
  }

  @Mutation(() => ProviderTimeOff, { description: 'A time the provider does not work: no appointment can be booked in it.' })
  async addTimeOff(@Arg('input', () => TimeOffInput) input: TimeOffInput, @Ctx() ctx: GatewayContext) {
    const { db } = await ctx.tenant('data.write');
    return addTimeOff(db, parseId(input.providerId, 'input.providerId'), input);
  }
}
