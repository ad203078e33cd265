import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../schema/scalars';

@ObjectType()
export class TenantSettings {
  @Field(() => String, { description: 'Invoice numbers are PREFIX-000001.' }) invoicePrefix!: string;
  @Field(() => DecimalScalar, { description: 'Tax rate of sale lines that do not name one, e.g. "0.09".' }) invoiceTaxRate!: string;
  @Field(() => Boolean, { description: 'Whether stock may go below zero.' }) stockAllowNegative!: boolean;
  @Field(() => String, { description: 'IANA time zone the reports group days and months by.' }) reportTimeZone!: string;
  @Field(() => Int, { description: 'Days a statement line and its payment may be apart.' }) bankMatchWindowDays!: number;
  @Field(() => Int, { description: "Minutes before a booking's start after which cancelling it gives no credits back." }) bookingCancellationCutoffMinutes!: number;
  @Field(() => Int, { description: 'Minutes before a confirmed booking starts that its reminder mail goes out.' }) bookingReminderLeadMinutes!: number;
}

@InputType()
export class TenantSettingsInput {
  @Field(() => String, { nullable: true }) invoicePrefix?: string;
  @Field(() => DecimalScalar, { nullable: true }) invoiceTaxRate?: string;
  @Field(() => Boolean, { nullable: true }) stockAllowNegative?: boolean;
  @Field(() => String, { nullable: true }) reportTimeZone?: string;
  @Field(() => Int, { nullable: true }) bankMatchWindowDays?: number;
  @Field(() => Int, { nullable: true }) bookingCancellationCutoffMinutes?: number;
  @Field(() => Int, { nullable: true }) bookingReminderLeadMinutes?: number;
}
