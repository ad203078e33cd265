// GraphQL types of the platform's billing side: subscriptions, transactions,
// usage, API keys and the audit log.
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BillingCycle, BillingStatus, MemberRole, SubscriptionStatus } from '../../generated/platform/enums';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONObjectScalar } from '../scalars';
import { Plan } from './types';

registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'TRIALING, then ACTIVE; PAST_DUE when a period ended unpaid; CANCELED after a second one (the tenant is on the free plan then).',
});
registerEnumType(BillingCycle, { name: 'BillingCycle' });
registerEnumType(BillingStatus, {
  name: 'BillingStatus',
  description: 'PENDING until paid (manual-offline: until a platform admin records the payment); FAILED: never collected.',
});

export { BillingStatus };

@ObjectType({ description: "A tenant's subscription to its plan (named so beside the GraphQL Subscription root)." })
export class TenantSubscription {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenantId!: string;
  @Field(() => Plan) plan!: Plan;
  @Field(() => SubscriptionStatus) status!: SubscriptionStatus;
  @Field(() => BillingCycle) billingCycle!: BillingCycle;
  @Field(() => DateTimeScalar, { nullable: true }) trialEndsAt!: Date | null;
  @Field(() => DateTimeScalar) currentPeriodStart!: Date;
  @Field(() => DateTimeScalar) currentPeriodEnd!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) canceledAt!: Date | null;
}

@ObjectType({ description: 'The charge for one subscription period.' })
export class BillingTransaction {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenantId!: string;
  @Field(() => DecimalScalar) amount!: unknown;
  @Field(() => String) currency!: string;
  @Field(() => BillingStatus) status!: BillingStatus;
  @Field(() => String, { description: 'The payment provider, e.g. "manual-offline".' }) provider!: string;
  @Field(() => String, { nullable: true, description: "The provider's reference, e.g. the bank transfer's." }) providerRef!: string | null;
  @Field(() => String) description!: string;
  @Field(() => DateTimeScalar) periodStart!: Date;
  @Field(() => DateTimeScalar) periodEnd!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) processedAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: "One tenant's API calls on one UTC day." })
export class UsageDay {
  @Field(() => ID) tenantId!: string;
  @Field(() => DateScalar) day!: string;
  @Field(() => Int, { description: 'Calls counted against the monthly quota.' }) apiCalls!: number;
  @Field(() => Int, { description: 'Calls that ended with errors, and calls refused as RATE_LIMITED.' }) apiErrors!: number;
  @Field(() => Float, {
    nullable: true,
    description: '95% of its calls took at most this long, in ms (from a histogram of log-scale buckets: up to 19% above the exact value); null when none was timed. Kept 40 days.',
  })
  p95LatencyMs!: number | null;
}

@ObjectType({ description: 'A key for server-to-server clients of one tenant. The key itself is shown only when created.' })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the key, to tell keys apart.' }) prefix!: string;
  @Field(() => MemberRole) role!: MemberRole;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Accurate to API_KEY_CACHE_SECONDS.' }) lastUsedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String, { description: 'Send as `Authorization: ApiKey <key>` or `X-Api-Key: <key>`. Shown this once: only its SHA-256 is kept.' })
  key!: string;
}

@ObjectType({ description: 'Who changed what, when, in which tenant.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => ID, { nullable: true }) tenantId!: string | null;
  @Field(() => String, { description: 'user, apiKey, anonymous or system.' }) actorType!: string;
  @Field(() => ID, { nullable: true, description: 'The user or API key id.' }) actorId!: string | null;
  @Field(() => String, { description: 'The mutation, or what an operation did (subscription.renewed).' }) action!: string;
  @Field(() => ID, { nullable: true }) target!: string | null;
  @Field(() => JSONObjectScalar, { description: 'Arguments (secrets redacted), the actor as shown, the request id.' }) details!: unknown;
}
