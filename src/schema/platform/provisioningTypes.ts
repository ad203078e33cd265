import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { Isolation, JobKind, JobStatus, TenantEngine } from '../enums';
import { Tenant } from './types';

@InputType({ description: 'A PostgreSQL or MySQL database of your own to hold the tenant’s data.' })
export class ExternalDatabaseInput {
  @Field(() => String, {
    description: 'postgresql://user:password@host:port/database or mysql://user:password@host:port/database. Stored encrypted; never shown again.',
  })
  url!: string;
}

@InputType()
export class CreateTenantInput {
  @Field(() => String, { description: '3-40 characters of a-z, 0-9 and "-", starting with a letter.' }) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Plan code (see `plans`); default "free".' }) plan?: string | null;
  @Field(() => Isolation, { nullable: true, description: 'Default DATABASE; MySQL tenants always have a database each (SCHEMA and POOL are PostgreSQL only).' }) isolation?: Isolation | null;
  @Field(() => TenantEngine, { nullable: true, description: 'Default POSTGRESQL, or the engine of `server` or of `external.url`.' })
  engine?: TenantEngine | null;
  @Field(() => String, { nullable: true, description: 'A server name from TENANT_SERVERS to put the tenant on; default: the least loaded server of its engine that answers.' })
  server?: string | null;
  @Field(() => ExternalDatabaseInput, { nullable: true, description: 'Bring your own database instead of one of ours.' })
  external?: ExternalDatabaseInput | null;
  @Field(() => String, { nullable: true, description: 'A BCP 47 language tag ("en", "fa-IR"); default "en".' }) locale?: string | null;
  @Field(() => String, { nullable: true, description: 'An ISO 4217 currency code ("EUR"); default the plan’s currency.' }) currency?: string | null;
  @Field(() => String, { nullable: true, description: 'An IANA time zone ("Europe/Berlin") for its reports; default the locale’s (UTC; Asia/Tehran for "fa").' })
  timeZone?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Build it from this READY export (of a tenant whose exports you may read) instead of seeding it: on any engine and isolation, an older archive migrated forward; it answers what the source did, ids included.',
  })
  restoreFrom?: string | null;
}

/** What a job row and its events both tell (no type of its own in the schema: nothing returns it). */
@ObjectType()
class JobState {
  @Field(() => JobKind) kind!: JobKind;
  @Field(() => JobStatus) status!: JobStatus;
  @Field(() => Int, { description: '0-100.' }) progress!: number;
  @Field(() => String, { nullable: true, description: 'The step it is at: place, create, migrate, seed, verify, activate; drop; snapshot, store (an export); build, load, check, switch (a restore).' })
  step!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => Int) tablesCreated!: number;
  @Field(() => Int) totalTables!: number;
  @Field(() => Int, { description: 'Runs so far, including retries and runs taken over after a crash.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' }) error!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) startedAt!: Date | string | null;
  @Field(() => DateTimeScalar, { nullable: true }) finishedAt!: Date | string | null;
}

@ObjectType({ description: 'A durable job on a tenant: building it, migrating it, or dropping its data.' })
export class ProvisioningJob extends JobState {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
}

@ObjectType({ description: 'A job’s state after a change: the first one is its current state.' })
export class ProvisioningEvent extends JobState {
  @Field(() => ID) jobId!: string;
  @Field(() => ID) tenantId!: string;
  @Field(() => Int, { description: 'Grows with every change of the job.' }) version!: number;
}

@ObjectType()
export class TenantJobPayload {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => ProvisioningJob) job!: ProvisioningJob;
}
