import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RolloutCohortStatus, RolloutStatus } from '../enums';
import { DateTimeScalar } from '../scalars';

@InputType({ description: 'One stage of a rollout: named tenants, a percentage of the tenants the cohorts before it left, or (neither) all the rest.' })
export class RolloutCohortInput {
  @Field(() => String, { description: '1-40 characters, unique in the rollout, e.g. "canary".' }) name!: string;
  @Field(() => [String], { nullable: true, description: 'Tenant slugs.' }) tenants?: string[] | null;
  @Field(() => Int, { nullable: true, description: '1-100: that share of the tenants left, rounded up, picked evenly by a hash of their ids.' }) percent?: number | null;
}

@InputType()
export class StartRolloutInput {
  @Field(() => [RolloutCohortInput], { nullable: true, description: 'In order; default one cohort, "all". Tenants no cohort takes are not migrated.' })
  cohorts?: RolloutCohortInput[] | null;
  @Field(() => Int, { nullable: true, description: 'At most this many tenants of one database server migrate at once (1-64); default DB_CONCURRENCY.' })
  concurrencyPerServer?: number | null;
  @Field(() => Int, { nullable: true, description: 'Failed tenants it tolerates; one more halts it. Default 0.' }) maxFailures?: number | null;
}

@ObjectType()
export class RolloutCohort {
  @Field(() => String) name!: string;
  @Field(() => RolloutCohortStatus) status!: RolloutCohortStatus;
  @Field(() => Int) total!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int, { description: 'Not migrated: not serving, or busy with another job.' }) skipped!: number;
}

@ObjectType({ description: 'A tenant of a rollout that failed, or was skipped, and why.' })
export class RolloutTenantIssue {
  @Field(() => String, { description: 'Its slug.' }) tenant!: string;
  @Field(() => String) error!: string;
}

@ObjectType({ description: 'A fleet migration: the tenants behind this release’s schema version brought to it, cohort by cohort.' })
export class Rollout {
  @Field(() => ID) id!: string;
  @Field(() => RolloutStatus) status!: RolloutStatus;
  @Field(() => String, { description: 'The tenant migration it brings tenants to.' }) targetVersion!: string;
  @Field(() => Int) concurrencyPerServer!: number;
  @Field(() => Int) maxFailures!: number;
  @Field(() => String, { nullable: true, description: 'Why it halted: the tenant and its error.' }) error!: string | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType({ description: 'What happened in a rollout: a tenant started, finished, failed or was skipped (STATE: the rollout as it is), with its totals after it.' })
export class RolloutEvent {
  @Field(() => ID) rolloutId!: string;
  @Field(() => String, { description: 'STATE, TENANT_STARTED, TENANT_SUCCEEDED, TENANT_FAILED or TENANT_SKIPPED.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The tenant’s slug, for the TENANT_ kinds.' }) tenant!: string | null;
  @Field(() => String, { nullable: true, description: 'What was applied, or why it failed or was skipped.' }) detail!: string | null;
  @Field(() => RolloutStatus) status!: RolloutStatus;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int, { description: 'Tenants migrating now.' }) running!: number;
  @Field(() => [RolloutCohort]) cohorts!: RolloutCohort[];
}

@ObjectType({ description: 'How many serving tenants are at one schema version.' })
export class SchemaVersionCount {
  @Field(() => String, { nullable: true, description: 'A tenant migration’s name; null: not known yet (read from the tenants’ databases at the next start).' })
  version!: string | null;
  @Field(() => Int) tenants!: number;
  @Field(() => Boolean, { description: 'Whether it is this release’s version.' }) latest!: boolean;
}
