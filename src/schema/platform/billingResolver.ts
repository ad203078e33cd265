import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { changePlan } from '../../billing/changePlan';
import { withLatency } from '../../billing/usageFigures';
import { recordManualPayment, renewDueSubscriptions } from '../../billing/subscriptions';
import { badInput, notFound } from '../../errors';
import type { GatewayContext } from '../context';
import { Unmetered } from '../fieldExtensions';
import { parseId } from '../../ids';
import type { ListArgs } from '../../planner/statement';
import { DateScalar } from '../scalars';
import { pageComplexity } from '../tenant/complexity';
import { BillingStatus, BillingTransaction, TenantSubscription, UsageDay } from './billingTypes';
import { platformList } from './platformConnection';
import { dateTimeColumn, decimalColumn, enumColumn, idColumn, textColumn } from './platformWhere';
import { recordsScope, requirePlatformAdmin } from './platformScope';
import { readUsage } from './usagePeriod';

const BillingTransactionList = platformList(BillingTransaction, {
  fields: {
    tenantId: idColumn(),
    amount: decimalColumn(),
    currency: textColumn(),
    status: enumColumn('BillingStatus', BillingStatus),
    provider: textColumn(),
    providerRef: textColumn({ nullable: true }),
    description: textColumn(),
    periodStart: dateTimeColumn(),
    periodEnd: dateTimeColumn(),
    processedAt: dateTimeColumn({ nullable: true }),
    createdAt: dateTimeColumn(),
  },
  orderBy: ['status', 'periodStart', 'processedAt', 'createdAt'],
  defaultOrder: [['id', 'desc']],
});

@Resolver()
export class BillingResolver {
  @Query(() => TenantSubscription, { description: "The tenant's subscription: OWNER and ADMIN; platform admins name any tenant." })
  @Unmetered()
  async subscription(@Arg('tenant', () => String, { nullable: true }) tenant: string | null, @Ctx() ctx: GatewayContext) {
    const tenantId = await recordsScope(ctx, tenant, 'billing.read');
    if (!tenantId) throw badInput('name a tenant: the tenant argument or the X-Tenant header', { field: 'tenant' });
    const subscription = await ctx.services.platform.subscription.findUnique({ where: { tenantId }, include: { plan: true } });
    if (!subscription) throw notFound('subscription');
    return subscription;
  }

  @Query(() => BillingTransactionList.connectionType, {
    complexity: pageComplexity,
    description: "Charges, by default newest first: the tenant's for OWNER and ADMIN; every tenant's (or one's) for platform admins.",
  })
  @Unmetered()
  async billingTransactions(
    @Args(() => BillingTransactionList.argsType) args: ListArgs,
    @Arg('tenant', () => String, { nullable: true }) tenant: string | null,
    @Arg('status', () => BillingStatus, { nullable: true, description: 'Only charges in this status (as `where: { status: { eq: ... } }`).' }) status: BillingStatus | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const tenantId = await recordsScope(ctx, tenant, 'billing.read');
    return BillingTransactionList.connection(ctx.services.platform.billingTransaction, args, { ...(tenantId ? { tenantId } : {}), ...(status ? { status } : {}) });
  }

  @Query(() => [UsageDay], {
    description:
      "API calls per UTC day from `from` to `to` (inclusive, at most 366 days, so one list and no pages): the tenant's for OWNER and ADMIN; every tenant's (or one's) for platform admins.",
  })
  @Unmetered()
  async usage(
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Arg('tenant', () => String, { nullable: true }) tenant: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const { rows, latency } = await readUsage(ctx.services, { tenantId: await recordsScope(ctx, tenant, 'records.read'), from, to });
    return withLatency(rows, latency).map(({ tenantId: id, day, calls, errors, p95LatencyMs }) => ({ tenantId: id, day, apiCalls: calls, apiErrors: errors, p95LatencyMs }));
  }

  @Mutation(() => TenantSubscription, {
    description: "Moves the request's tenant to another plan (its OWNER). Refused with PLAN_LIMIT_EXCEEDED when the tenant uses more than the plan allows.",
  })
  @Unmetered()
  async changePlan(@Arg('plan', () => String, { description: 'The plan code, e.g. "starter".' }) plan: string, @Ctx() ctx: GatewayContext) {
    return changePlan(ctx.services, await ctx.tenant('billing.change'), plan);
  }

  @Mutation(() => BillingTransaction, { description: 'Platform admins: a manual-offline charge was paid (bank transfer, cash); `reference` is kept as providerRef.' })
  @Unmetered()
  recordManualPayment(
    @Arg('transactionId', () => ID) transactionId: string,
    @Arg('reference', () => String, { nullable: true }) reference: string | null,
    @Ctx() ctx: GatewayContext,
  ) {
    const admin = requirePlatformAdmin(ctx);
    return recordManualPayment(ctx.services, parseId(transactionId, 'transactionId'), reference, admin);
  }

  @Mutation(() => [TenantSubscription], {
    description:
      "Platform admins: advance every subscription whose period has ended (or only `tenant`'s): charge the next period, mark unpaid ones PAST_DUE, cancel after two; suspend the tenant of one PAST_DUE for more than PAST_DUE_GRACE_DAYS. Returns those it advanced or whose tenant it suspended.",
  })
  @Unmetered()
  async renewSubscriptions(@Arg('tenant', () => String, { nullable: true }) tenant: string | null, @Ctx() ctx: GatewayContext) {
    const admin = requirePlatformAdmin(ctx);
    const tenantId = tenant ? await recordsScope(ctx, tenant, 'billing.read') : undefined;
    return renewDueSubscriptions(ctx.services, { tenantId: tenantId ?? undefined, actor: admin });
  }
}
