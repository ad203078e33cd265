// What a plan allows, enforced where tenant rows are created: products, invoices
// and orders per UTC calendar month, and the storage the tenant's data takes. Resolvers wrap
// the create in `withinPlanLimit`. The module whose models a limit is about counts it
// (TenantModule.limitCounts); a build without that module has nothing to count.
//
// Counts are exact under concurrency: the count and the insert run in one tenant
// transaction that first takes a lock named for the limit. Creates of one
// tenant and one kind queue on the lock, across every gateway process, so a burst at
// the limit admits exactly the rows that fit. Storage is a measure, not a count: a
// tenant at its storage limit can finish the creates already under way, and then
// creates no more. Unlimited plans skip the lock, the count and the measure.
import type { GraphQLError } from 'graphql';
import { joinTransaction } from '../db/joinTransaction';
import type { TenantDb } from '../db/tenantClient';
import type { TenantTarget } from '../db/tenantTarget';
import { uuidv7Floor } from '../db/uuidTime';
import { takeNamedLock } from '../domain/namedLock';
import { againOnWriteConflict } from '../domain/transaction';
import { ErrorCode, gatewayError } from '../errors';
import type { Plan } from '../generated/platform/client';
import { SELECTED_MODULES } from '../generated/selectedModules';
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { startOfUtcMonth } from './calendar';
import { storageUsedMb } from './storageUsed';

export type LimitName = 'maxProducts' | 'maxInvoicesPerMonth' | 'maxOrdersPerMonth' | 'maxBookingsPerMonth' | 'maxApiCallsPerMonth' | 'maxStorageMb';

/** The limits counted in the tenant's own database. */
export type CountedLimit = 'maxProducts' | 'maxInvoicesPerMonth' | 'maxOrdersPerMonth' | 'maxBookingsPerMonth';

/** The tenant a limit is checked for: its record, its Prisma client and its tables. */
export interface LimitScope {
  tenant: TenantRecord;
  db: TenantDb;
  target: TenantTarget;
}

/** Rows created in the UTC calendar month of `now`: ids are UUIDv7, so a primary-key range. */
export const createdInMonthOf = (now: Date) => ({ id: { gte: uuidv7Floor(startOfUtcMonth(now)) } });

/** How the selected module that owns `limitName` counts it; undefined when no module of this build does. */
const counterOf = (limitName: CountedLimit) => SELECTED_MODULES.map((m) => m.limitCounts?.[limitName]).find(Boolean);

const WORDS: Record<LimitName, string> = {
  maxProducts: 'products',
  maxInvoicesPerMonth: 'invoices a month',
  maxOrdersPerMonth: 'orders a month',
  maxBookingsPerMonth: 'bookings a month',
  maxApiCallsPerMonth: 'API calls a month',
  maxStorageMb: 'MB of data',
};

export interface LimitBreach {
  limitName: LimitName;
  limit: number;
  current: number;
}

export function planLimitExceeded(plan: Plan, breaches: LimitBreach[]): GraphQLError {
  const [first] = breaches;
  const what = breaches.map((b) => `${b.limit} ${WORDS[b.limitName]} (the tenant has ${b.current})`).join(', ');
  return gatewayError(ErrorCode.PLAN_LIMIT_EXCEEDED, `the ${plan.name} plan allows ${what}: change to a larger plan`, {
    plan: plan.code,
    ...first,
    over: breaches,
  });
}

/**
 * The tenant's plan, once it is known to have room for more data: PLAN_LIMIT_EXCEEDED
 * when the tenant's data takes the plan's maxStorageMb already. For creates no other
 * limit counts (a deployment's own models).
 */
export async function withinStorageLimit(services: Pick<Services, 'plans'>, scope: Pick<LimitScope, 'tenant' | 'target'>): Promise<Plan> {
  const plan = await services.plans.get(scope.tenant.planId);
  const storageLimit = plan.maxStorageMb;
  // Measured before the create's transaction, on a connection of its own: inside, it would hold one while waiting for another.
  if (storageLimit !== null) {
    const current = await storageUsedMb(scope.target);
    if (current >= storageLimit) throw planLimitExceeded(plan, [{ limitName: 'maxStorageMb', limit: storageLimit, current }]);
  }
  return plan;
}

/**
 * Runs `create` (which writes through the client it is given) only if the tenant's
 * plan has room for one more; PLAN_LIMIT_EXCEEDED otherwise.
 */
export async function withinPlanLimit<T>(
  services: Pick<Services, 'plans'>,
  scope: LimitScope,
  limitName: CountedLimit,
  create: (db: TenantDb) => Promise<T>,
): Promise<T> {
  const plan = await withinStorageLimit(services, scope);
  const limit = plan[limitName];
  if (limit === null) return create(scope.db);
  const count = counterOf(limitName);
  if (!count) throw new Error(`${limitName} is counted by none of the modules of this build`);
  return againOnWriteConflict(() =>
    scope.db.$transaction(
      async (tx) => {
        await takeNamedLock(tx, `plan-limit:${limitName}`);
        const current = await count(tx, new Date());
        if (current >= limit) throw planLimitExceeded(plan, [{ limitName, limit, current }]);
        return create(joinTransaction(tx));
      },
      // A burst queues on the lock: give the queue time rather than failing it.
      { maxWait: 30_000, timeout: 60_000 },
    ),
  );
}

/** The limits of `plan` the tenant is over right now (a downgrade to it must be refused). */
export async function limitsExceededBy(
  services: Pick<Services, 'usage'>,
  scope: LimitScope,
  plan: Plan,
  now = new Date(),
): Promise<LimitBreach[]> {
  const counted = (limitName: CountedLimit) => {
    const count = counterOf(limitName);
    return count && (() => count(scope.db, now));
  };
  // A limit on models this build does not have cannot be exceeded.
  const current: Record<LimitName, (() => Promise<number>) | undefined> = {
    maxProducts: counted('maxProducts'),
    maxInvoicesPerMonth: counted('maxInvoicesPerMonth'),
    maxOrdersPerMonth: counted('maxOrdersPerMonth'),
    maxBookingsPerMonth: counted('maxBookingsPerMonth'),
    maxApiCallsPerMonth: () => services.usage.monthToDate(scope.tenant.id, now),
    maxStorageMb: () => storageUsedMb(scope.target),
  };
  const breaches: LimitBreach[] = [];
  for (const limitName of Object.keys(current) as LimitName[]) {
    const limit = plan[limitName];
    const measure = current[limitName];
    if (limit === null || !measure) continue;
    const used = await measure();
    if (used > limit) breaches.push({ limitName, limit, current: used });
  }
  return breaches;
}
