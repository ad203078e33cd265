import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DeliveryStatus } from '../enums';
import { DateTimeScalar, JSONObjectScalar } from '../scalars';

@ObjectType({ description: "Where the tenant's events are POSTed, signed with its secret (see docs/webhooks.md)." })
export class Webhook {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => [String], { description: 'The event types it receives, e.g. customer.created.' }) events!: string[];
  @Field(() => Boolean, { description: 'False once disabled (by hand, or after WEBHOOK_DISABLE_AFTER failed deliveries in a row).' }) enabled!: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was disabled, when it was for failing.' }) disabledReason!: string | null;
  @Field(() => Int, { description: 'Deliveries in a row that ended FAILED.' }) consecutiveFailures!: number;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar) updatedAt!: Date;
}

@ObjectType()
export class WebhookWithSecret {
  @Field(() => Webhook) webhook!: Webhook;
  @Field(() => String, { description: 'The signing secret. Shown this once: keep it where your receiver can read it.' }) secret!: string;
}

@ObjectType({ description: 'One event sent to one webhook, and how its last attempt went.' })
export class WebhookDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => String) eventType!: string;
  @Field(() => DeliveryStatus) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status at the last attempt." }) statusCode!: number | null;
  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' }) durationMs!: number | null;
  @Field(() => String, { nullable: true, description: "The first 1024 bytes of the receiver's answer." }) responseBody!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the last attempt got no answer (timeout, connection refused, ...).' }) error!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due (PENDING only).' }) nextAttemptAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
}

@InputType()
export class CreateWebhookInput {
  @Field(() => String, { description: 'http:// or https://; in production not a loopback, private or link-local address.' }) url!: string;
  @Field(() => [String], { description: 'Event types to receive, e.g. ["customer.created"].' }) events!: string[];
  @Field(() => String, { nullable: true }) description?: string;
}

@InputType()
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => [String], { nullable: true }) events?: string[];
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => Boolean, { nullable: true, description: 'true turns a disabled webhook back on and forgets its failures.' }) enabled?: boolean;
}

@ObjectType({ description: 'Something that happened in the tenant: the body of a webhook delivery, and what tenantEvents streams.' })
export class TenantEvent {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'e.g. customer.created.' }) type!: string;
  @Field(() => String, { description: "The tenant's slug." }) tenant!: string;
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field(() => JSONObjectScalar, { description: 'The object as the API shows it.' }) object!: unknown;
}
