import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ProvisioningJob as JobRow, Tenant as TenantRow } from '../../generated/platform/client';
import { archiveTenant } from '../../provisioning/archiveTenant';
import { jobForManager } from '../../provisioning/jobAccess';
import { listJobs } from '../../provisioning/listJobs';
import type { ProvisioningEvent as EventPayload } from '../../provisioning/jobs/jobEvents';
import { retryJob } from '../../provisioning/retryJob';
import { startProvisioning } from '../../provisioning/startProvisioning';
import { watchJob } from '../../provisioning/watchJob';
import type { GatewayContext } from '../context';
import { JobKind, JobStatus } from '../enums';
import { CreateTenantInput, ProvisioningEvent, ProvisioningJob, TenantJobPayload } from './provisioningTypes';
import { Tenant } from './types';

type JobWithTenant = JobRow & { tenant?: TenantRow };

const MAX_LISTED_JOBS = 200;

@Resolver(() => ProvisioningJob)
export class ProvisioningResolver {
  @Mutation(() => TenantJobPayload, {
    description: 'Create a tenant; you become its OWNER. Its database is built by a job: follow it with provisioningProgress.',
  })
  createTenant(@Arg('input', () => CreateTenantInput) input: CreateTenantInput, @Ctx() ctx: GatewayContext) {
    return startProvisioning(ctx.services, ctx.requireUser(), input);
  }

  @Query(() => ProvisioningJob, { description: 'A job on one of the tenants you own or administer.' })
  provisioningJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    return jobForManager(ctx.services, ctx.requireUser(), id);
  }

  @Query(() => [ProvisioningJob], {
    description:
      'Jobs of every kind, FAILED ones first, then the newest: every tenant’s for platform admins; the tenants you own or administer otherwise. Naming a tenant where you may not follow jobs is refused (FORBIDDEN, or NOT_FOUND outside it).',
  })
  provisioningJobs(
    @Arg('status', () => JobStatus, { nullable: true, description: 'Only jobs in this status.' }) status: JobStatus | null,
    @Arg('kind', () => JobKind, { nullable: true, description: 'Only jobs of this kind.' }) kind: JobKind | null,
    @Arg('tenant', () => String, { nullable: true, description: 'Only this tenant’s jobs (its slug).' }) tenant: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many, 1-${MAX_LISTED_JOBS}.` }) first: number,
    @Ctx() ctx: GatewayContext,
  ) {
    return listJobs(ctx.services, ctx.requireUser(), { status, kind, tenant, first: Math.min(Math.max(first, 1), MAX_LISTED_JOBS) });
  }

  @Mutation(() => ProvisioningJob, { description: 'Run a FAILED job again.' })
  retryProvisioning(@Arg('jobId', () => ID) jobId: string, @Ctx() ctx: GatewayContext) {
    return retryJob(ctx.services, ctx.requireUser(), jobId);
  }

  @Mutation(() => TenantJobPayload, {
    description: 'Stop serving the tenant now (owners and platform admins); its data is dropped by the returned job after a grace period.',
  })
  archiveTenant(@Arg('slug', () => String) slug: string, @Ctx() ctx: GatewayContext) {
    return archiveTenant(ctx.services, ctx.requireUser(), slug);
  }

  @Subscription(() => ProvisioningEvent, {
    description: 'A job’s progress: its current state first, then each change; completes once it SUCCEEDED or FAILED. Ends with an error (NOT_FOUND, FORBIDDEN, UNAUTHENTICATED) at the next change once you may no longer follow the job.',
    subscribe: ({ args, context }) => {
      const ctx = context as GatewayContext;
      return watchJob(ctx.services, ctx.requireUser(), (args as { jobId: string }).jobId);
    },
  })
  provisioningProgress(@Arg('jobId', () => ID) _jobId: string, @Root() event: EventPayload): EventPayload {
    return event;
  }

  @FieldResolver(() => Tenant)
  tenant(@Root() job: JobWithTenant, @Ctx() ctx: GatewayContext) {
    return job.tenant ?? ctx.services.platform.tenant.findUniqueOrThrow({ where: { id: job.tenantId }, include: { plan: true } });
  }
}
