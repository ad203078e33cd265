// The types of the bookings models, generated from the tenant model (src/graph), named
// here for the resolvers next to this file; and what no model says: a free slot.
import { Field, ObjectType } from 'type-graphql';
import { modelType } from '../../graph/modelTypes';
import { DateTimeScalar } from '../../schema/scalars';

export const Service = modelType('Service');
export const Provider = modelType('Provider');
export const ProviderTimeOff = modelType('ProviderTimeOff');
export const ClassSession = modelType('ClassSession');
export const Booking = modelType('Booking');
export const CreditTransaction = modelType('CreditTransaction');

@ObjectType({ description: 'A time a provider can take an appointment.' })
export class Slot {
  @Field(() => DateTimeScalar) startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'Exclusive.' }) endsAt!: Date;
}
