import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorize } from '../../auth/policy';
import type { Rollout as RolloutRow } from '../../generated/platform/client';
import { rolloutForAdmin } from '../../provisioning/rollouts/rolloutAccess';
import { cancelRollout, listRollouts, resumeRollout } from '../../provisioning/rollouts/rolloutControl';
import { watchRollout, type RolloutEvent as EventPayload } from '../../provisioning/rollouts/rolloutEvents';
import { startRollout } from '../../provisioning/rollouts/startRollout';
import { latestVersion, schemaVersions } from '../../provisioning/schemaVersions';
import type { GatewayContext } from '../context';
import { Rollout, RolloutCohort, RolloutEvent, RolloutTenantIssue, SchemaVersionCount, StartRolloutInput } from './rolloutTypes';

const MAX_LISTED = 100;

@Resolver(() => Rollout)
export class RolloutResolver {
  @Mutation(() => Rollout, {
    description: 'Platform admins: migrate the tenants behind this release’s schema version, cohort by cohort; halts at the first failure beyond maxFailures. Follow it with rolloutProgress.',
  })
  startRollout(@Arg('input', () => StartRolloutInput) input: StartRolloutInput, @Ctx() ctx: GatewayContext) {
    return startRollout(ctx.services, ctx.requireUser(), input);
  }

  @Mutation(() => Rollout, { description: 'Take a HALTED rollout up again: its failed and skipped tenants are tried again, then it goes on.' })
  resumeRollout(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    return resumeRollout(ctx.services, ctx.requireUser(), id);
  }

  @Mutation(() => Rollout, { description: 'Stop a RUNNING or HALTED rollout for good: no tenant starts again; the ones migrating finish.' })
  cancelRollout(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    return cancelRollout(ctx.services, ctx.requireUser(), id);
  }

  @Query(() => Rollout, { description: 'Platform admins: a rollout.' })
  rollout(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext) {
    return rolloutForAdmin(ctx.services, ctx.requireUser(), id);
  }

  @Query(() => [Rollout], { description: 'Platform admins: the newest rollouts first.' })
  rollouts(@Arg('first', () => Int, { defaultValue: 20, description: `1-${MAX_LISTED}.` }) first: number, @Ctx() ctx: GatewayContext) {
    return listRollouts(ctx.services, ctx.requireUser(), Math.min(Math.max(first, 1), MAX_LISTED));
  }

  @Query(() => [SchemaVersionCount], { description: 'Platform admins: how many serving tenants are at each schema version, newest first (the drift view).' })
  async schemaVersions(@Ctx() ctx: GatewayContext) {
    authorize(ctx.requireUser(), undefined, 'platform.manage');
    const latest = latestVersion();
    return (await schemaVersions(ctx.services)).map((v) => ({ ...v, latest: v.version === latest }));
  }

  @Subscription(() => RolloutEvent, {
    description: 'Platform admins: a rollout’s progress: its state first, then each tenant started, finished, failed or skipped; completes once it stopped with no tenant running.',
    subscribe: ({ args, context }) => {
      const ctx = context as GatewayContext;
      return watchRollout(ctx.services, ctx.requireUser(), (args as { id: string }).id);
    },
  })
  rolloutProgress(@Arg('id', () => ID) _id: string, @Root() event: EventPayload): EventPayload {
    return event;
  }

  @FieldResolver(() => [RolloutCohort])
  cohorts(@Root() rollout: RolloutRow, @Ctx() ctx: GatewayContext) {
    return ctx.services.platform.rolloutCohort.findMany({ where: { rolloutId: rollout.id }, orderBy: { position: 'asc' } });
  }

  @FieldResolver(() => [RolloutTenantIssue], { description: 'The tenants that failed, with their errors.' })
  failures(@Root() rollout: RolloutRow, @Ctx() ctx: GatewayContext) {
    return this.issues(rollout, ctx, 'FAILED');
  }

  @FieldResolver(() => [RolloutTenantIssue], { description: 'The tenants skipped, and why: not serving, or busy with another job.' })
  skipped(@Root() rollout: RolloutRow, @Ctx() ctx: GatewayContext) {
    return this.issues(rollout, ctx, 'SKIPPED');
  }

  private async issues(rollout: RolloutRow, ctx: GatewayContext, status: 'FAILED' | 'SKIPPED') {
    const rows = await ctx.services.platform.rolloutTenant.findMany({
      where: { rolloutId: rollout.id, status },
      select: { detail: true, tenant: { select: { slug: true } } },
      orderBy: { finishedAt: 'asc' },
    });
    return rows.map((r) => ({ tenant: r.tenant.slug, error: r.detail ?? '' }));
  }
}
