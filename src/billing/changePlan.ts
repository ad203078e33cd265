// Moving a tenant to another plan. Limits change at once; so does the price when
// the change starts a new period, otherwise it applies from the next period
// (no proration):
// - from a free plan to a paid one, or out of CANCELED: a new period from now, charged now;
// - a trial moving to a plan without one (free): the trial ends, a free period starts;
// - between paid plans, and from paid to free: the current period runs on.
// A downgrade below what the tenant uses now is refused with PLAN_LIMIT_EXCEEDED.
import { badInput } from '../errors';
import type { Services } from '../services';
import { announceTenantChange, type Announcer } from '../tenancy/tenantChanges';
import { limitsExceededBy, planLimitExceeded, type LimitScope } from './planLimits';
import { lockSubscription, openPeriod, priceOf, type SubscriptionWithPlan } from './subscriptions';

export async function changePlan(
  services: Pick<Services, 'platform' | 'payments' | 'usage'> & Announcer,
  scope: LimitScope,
  planCode: string,
): Promise<SubscriptionWithPlan> {
  const { tenant } = scope;
  const plan = await services.platform.plan.findUnique({ where: { code: planCode } });
  if (!plan) throw badInput(`no plan "${planCode}"`, { field: 'plan' });
  const breaches = await limitsExceededBy(services, scope, plan);
  if (breaches.length) throw planLimitExceeded(plan, breaches);

  const now = new Date();
  const changed = await services.platform.$transaction(async (tx) => {
    const subscription = await lockSubscription(tx, tenant.id);
    if (subscription.planId === plan.id && subscription.status !== 'CANCELED') return subscription;
    const fromFree = priceOf(subscription.plan, subscription.billingCycle).isZero();
    const trialEnds = subscription.status === 'TRIALING' && plan.trialDays === 0;
    const restarts = subscription.status === 'CANCELED' || trialEnds || fromFree;
    const period = restarts ? await openPeriod(tx, services.payments, subscription, plan, now) : {};
    await tx.tenant.update({ where: { id: tenant.id }, data: { planId: plan.id } });
    return tx.subscription.update({
      where: { id: subscription.id },
      data: { planId: plan.id, ...period, ...(restarts ? { status: 'ACTIVE', canceledAt: null } : {}) },
      include: { plan: true },
    });
  });
  // Every process must apply the new plan's limits now, not once its cached tenant expires.
  await announceTenantChange(services, tenant.slug);
  return changed;
}
