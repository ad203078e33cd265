// The subscription lifecycle, one BillingTransaction per paid period:
//
//   TRIALING --trial ends--------------------------> ACTIVE    (first paid period opened and charged)
//   ACTIVE   --a period ends with its charge unpaid--> PAST_DUE
//   PAST_DUE --the charge is paid-------------------> ACTIVE
//   PAST_DUE --a second period ends unpaid----------> CANCELED  (unpaid charges written off as FAILED,
//                                                               the tenant falls back to the free plan)
//
// A subscription PAST_DUE for more than PAST_DUE_GRACE_DAYS gets its tenant SUSPENDED
// by the renewal run; the payment that makes it ACTIVE again resumes the tenant, and so
// does the cancellation (nothing is owed any more: the tenant is served on the free plan).
//   CANCELED --changePlan---------------------------> ACTIVE    (a new period from now)
//
// A period is charged when it opens; it is overdue once it has ended unpaid.
// Nothing here runs on a clock: `renewDueSubscriptions` advances every subscription
// whose period has ended, and is called by the admin mutation (or a job) when wanted.
// Every change locks the subscription row first, so two processes renewing or paying
// at once queue instead of charging a period twice.
import type { Prisma, Plan, Subscription } from '../generated/platform/client';
import type { BillingCycle, SubscriptionStatus } from '../generated/platform/enums';
import { badInput, notFound } from '../errors';
import { writeAudit, type AuditEntry } from '../audit/auditLog';
import type { Services } from '../services';
import { lift, suspend } from '../tenancy/suspension';
import { announceTenantChange, type Announcer } from '../tenancy/tenantChanges';
import { addMonths, utcDay } from './calendar';
import { MANUAL_OFFLINE, type PaymentProvider } from './paymentProvider';

type Tx = Prisma.TransactionClient;
export type SubscriptionWithPlan = Subscription & { plan: Plan };

const FREE_PLAN = 'free';
const DAY = 86_400_000;

const periodEnd = (start: Date, cycle: BillingCycle) => addMonths(start, cycle === 'ANNUAL' ? 12 : 1);
export const priceOf = (plan: Plan, cycle: BillingCycle) => (cycle === 'ANNUAL' ? plan.annualPrice : plan.monthlyPrice);

/** Locks the tenant's subscription row for the rest of the transaction. */
export async function lockSubscription(tx: Tx, tenantId: string): Promise<SubscriptionWithPlan> {
  await tx.$queryRaw`SELECT id FROM "Subscription" WHERE "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  const subscription = await tx.subscription.findUnique({ where: { tenantId }, include: { plan: true } });
  if (!subscription) throw notFound('subscription');
  return subscription;
}

/** The period from `start` on `plan`, charged through the provider unless the plan is free. */
export async function openPeriod(tx: Tx, provider: PaymentProvider, subscription: Subscription, plan: Plan, start: Date) {
  const end = periodEnd(start, subscription.billingCycle);
  const price = priceOf(plan, subscription.billingCycle);
  if (!price.isZero()) {
    const charge = {
      tenantId: subscription.tenantId,
      subscriptionId: subscription.id,
      amount: price.toFixed(2),
      currency: plan.currency,
      description: `${plan.name} plan, ${utcDay(start)} to ${utcDay(end)}`,
      periodStart: start,
      periodEnd: end,
    };
    const result = await provider.charge(charge);
    await tx.billingTransaction.create({
      data: { ...charge, provider: provider.name, status: result.status, providerRef: result.providerRef, processedAt: result.status === 'PENDING' ? null : new Date() },
    });
  }
  return { currentPeriodStart: start, currentPeriodEnd: end };
}

/** Charges still unpaid for periods that began before `at` (a period end, or the current period's start). */
const overdueCharges = (tx: Tx, subscriptionId: string, at: Date) =>
  tx.billingTransaction.count({ where: { subscriptionId, status: 'PENDING', periodStart: { lt: at } } });

const statusFor = (overdue: number): SubscriptionStatus => (overdue === 0 ? 'ACTIVE' : overdue === 1 ? 'PAST_DUE' : 'CANCELED');

async function cancel(tx: Tx, subscription: SubscriptionWithPlan, at: Date): Promise<SubscriptionWithPlan> {
  const free = await tx.plan.findUniqueOrThrow({ where: { code: FREE_PLAN } });
  await tx.billingTransaction.updateMany({ where: { subscriptionId: subscription.id, status: 'PENDING' }, data: { status: 'FAILED', processedAt: at } });
  await tx.tenant.update({ where: { id: subscription.tenantId }, data: { planId: free.id } });
  return tx.subscription.update({
    where: { id: subscription.id },
    data: { status: 'CANCELED', canceledAt: at, planId: free.id, pastDueSince: null },
    include: { plan: true },
  });
}

/** Moves one subscription through every period that has ended by `now`. */
async function renew(tx: Tx, provider: PaymentProvider, tenantId: string, now: Date) {
  let subscription = await lockSubscription(tx, tenantId);
  const before = { status: subscription.status, periodEnd: subscription.currentPeriodEnd };
  while (subscription.status !== 'CANCELED' && subscription.currentPeriodEnd <= now) {
    const ended = subscription.currentPeriodEnd;
    const status = statusFor(await overdueCharges(tx, subscription.id, ended));
    if (status === 'CANCELED') {
      subscription = await cancel(tx, subscription, ended);
    } else {
      const period = await openPeriod(tx, provider, subscription, subscription.plan, ended);
      // Past due since the first period that ended unpaid, however many end after it.
      const pastDueSince = status === 'PAST_DUE' ? (subscription.pastDueSince ?? ended) : null;
      subscription = await tx.subscription.update({ where: { id: subscription.id }, data: { status, ...period, pastDueSince }, include: { plan: true } });
    }
  }
  return { subscription, before };
}

const overdueTooLong = (subscription: Subscription, now: Date, graceDays: number) =>
  subscription.status === 'PAST_DUE' && subscription.pastDueSince !== null && now.getTime() - subscription.pastDueSince.getTime() > graceDays * DAY;

/**
 * What the subscription's state means for its tenant: suspended once PAST_DUE too long,
 * resumed once CANCELED (a suspension for being past due only). The audit entries of
 * what changed; the caller writes them with the renewal.
 */
async function enforcePayment(tx: Tx, subscription: SubscriptionWithPlan, now: Date, graceDays: number, actor: AuditEntry['actor']): Promise<AuditEntry[]> {
  const { tenantId } = subscription;
  if (overdueTooLong(subscription, now, graceDays)) {
    const reason = `the subscription has been past due since ${utcDay(subscription.pastDueSince!)}, more than ${graceDays} days (PAST_DUE_GRACE_DAYS): pay the overdue charges to resume`;
    const suspended = await suspend(tx, tenantId, { cause: 'PAST_DUE', reason });
    return suspended ? [{ tenantId, actor, action: 'tenant.suspended', target: tenantId, details: { cause: 'PAST_DUE', reason } }] : [];
  }
  if (subscription.status === 'CANCELED' && (await lift(tx, tenantId, 'PAST_DUE'))) {
    return [{ tenantId, actor, action: 'tenant.resumed', target: tenantId, details: { cause: 'PAST_DUE', why: 'the subscription was canceled: nothing is owed any more' } }];
  }
  return [];
}

/**
 * Advances every subscription whose period has ended by `now` (or only the tenant's):
 * opens and charges the next periods, marks unpaid ones PAST_DUE, cancels after two;
 * suspends the tenants of those PAST_DUE for more than PAST_DUE_GRACE_DAYS. Running it
 * twice does nothing the second time. Each change is audited, with `actor` (null: the
 * platform itself). Returns the subscriptions it advanced or whose tenant it suspended.
 */
export async function renewDueSubscriptions(
  services: Pick<Services, 'platform' | 'payments' | 'config'> & Announcer,
  options: { now?: Date; tenantId?: string; actor: AuditEntry['actor'] },
): Promise<SubscriptionWithPlan[]> {
  const now = options.now ?? new Date();
  const graceDays = services.config.pastDueGraceDays;
  const due = await services.platform.subscription.findMany({
    where: {
      OR: [
        { status: { not: 'CANCELED' }, currentPeriodEnd: { lte: now } },
        { status: 'PAST_DUE', pastDueSince: { lt: new Date(now.getTime() - graceDays * DAY) }, tenant: { status: 'ACTIVE' } },
      ],
      ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    },
    select: { tenantId: true },
  });
  const renewed: SubscriptionWithPlan[] = [];
  for (const { tenantId } of due) {
    const { subscription, before, entries } = await services.platform.$transaction(async (tx) => {
      const result = await renew(tx, services.payments, tenantId, now);
      const advanced = result.subscription.currentPeriodEnd.getTime() !== result.before.periodEnd.getTime() || result.subscription.status !== result.before.status;
      const entries: AuditEntry[] = [
        ...(advanced
          ? [
              {
                tenantId,
                actor: options.actor,
                action: 'subscription.renewed',
                target: result.subscription.id,
                details: { from: result.before.status, to: result.subscription.status, currentPeriodEnd: result.subscription.currentPeriodEnd },
              },
            ]
          : []),
        ...(await enforcePayment(tx, result.subscription, now, graceDays, options.actor)),
      ];
      await writeAudit(tx, entries);
      return { ...result, entries };
    });
    const canceled = subscription.status === 'CANCELED' && before.status !== 'CANCELED';
    if (canceled || entries.some((entry) => entry.action !== 'subscription.renewed')) await forgetTenant(services, tenantId);
    if (entries.length) renewed.push(subscription);
  }
  return renewed;
}

/**
 * A platform admin records a payment received outside the platform for a
 * manual-offline charge; a PAST_DUE subscription with nothing else overdue is ACTIVE
 * again, and its tenant, when suspended for being past due, resumed.
 */
export async function recordManualPayment(
  services: Pick<Services, 'platform'> & Announcer,
  transactionId: string,
  reference: string | null,
  actor: AuditEntry['actor'],
) {
  const { paid, resumed } = await services.platform.$transaction(async (tx) => {
    const charge = await tx.billingTransaction.findUnique({ where: { id: transactionId } });
    if (!charge) throw notFound('billing transaction');
    if (charge.provider !== MANUAL_OFFLINE) throw badInput(`only ${MANUAL_OFFLINE} transactions are paid by hand`, { field: 'transactionId' });
    const subscription = charge.subscriptionId ? await lockSubscription(tx, charge.tenantId) : null;
    // Read again under the lock: a concurrent recording of the same payment has finished by now.
    const { status } = await tx.billingTransaction.findUniqueOrThrow({ where: { id: transactionId }, select: { status: true } });
    if (status !== 'PENDING') throw badInput(`the transaction is ${status} already`, { field: 'transactionId' });
    const paid = await tx.billingTransaction.update({
      where: { id: transactionId },
      data: { status: 'COMPLETED', processedAt: new Date(), providerRef: reference?.trim() || null },
    });
    if (subscription?.status !== 'PAST_DUE' || (await overdueCharges(tx, subscription.id, subscription.currentPeriodStart)) > 0) return { paid, resumed: null };
    await tx.subscription.update({ where: { id: subscription.id }, data: { status: 'ACTIVE', pastDueSince: null } });
    const resumed = await lift(tx, charge.tenantId, 'PAST_DUE');
    if (resumed) {
      await writeAudit(tx, [{ tenantId: charge.tenantId, actor, action: 'tenant.resumed', target: charge.tenantId, details: { cause: 'PAST_DUE', why: 'the overdue charges are paid' } }]);
    }
    return { paid, resumed };
  });
  if (resumed) await announceTenantChange(services, resumed.slug);
  return paid;
}

/** The tenant fell back to the free plan: every process applies its limits now. */
async function forgetTenant(services: Pick<Services, 'platform'> & Announcer, tenantId: string) {
  const tenant = await services.platform.tenant.findUnique({ where: { id: tenantId }, select: { slug: true } });
  if (tenant) await announceTenantChange(services, tenant.slug);
}
