// The plan catalogue. Plans are reference data: written on every start, so a
// change here reaches every deployment with its next release.
import type { PlatformDb } from '../db/platformClient';

export interface PlanDefinition {
  code: string;
  name: string;
  monthlyPrice: string;
  annualPrice: string;
  maxProducts: number | null;
  maxInvoicesPerMonth: number | null;
  maxOrdersPerMonth: number | null;
  maxBookingsPerMonth: number | null;
  maxApiCallsPerMonth: number | null;
  maxStorageMb: number | null;
  trialDays: number;
  /** Scheduled backups of its tenants (null: none), and how many are kept. */
  backupEveryHours: number | null;
  backupKeep: number;
}

export const PLANS: PlanDefinition[] = [
  { code: 'free', name: 'Free', monthlyPrice: '0', annualPrice: '0', maxProducts: 50, maxInvoicesPerMonth: 50, maxOrdersPerMonth: 100, maxBookingsPerMonth: 200, maxApiCallsPerMonth: 10_000, maxStorageMb: 100, trialDays: 0, backupEveryHours: null, backupKeep: 7 },
  { code: 'starter', name: 'Starter', monthlyPrice: '19', annualPrice: '190', maxProducts: 500, maxInvoicesPerMonth: 500, maxOrdersPerMonth: 1_000, maxBookingsPerMonth: 2_000, maxApiCallsPerMonth: 100_000, maxStorageMb: 1_000, trialDays: 14, backupEveryHours: 24, backupKeep: 7 },
  { code: 'professional', name: 'Professional', monthlyPrice: '49', annualPrice: '490', maxProducts: 5_000, maxInvoicesPerMonth: 5_000, maxOrdersPerMonth: 10_000, maxBookingsPerMonth: 20_000, maxApiCallsPerMonth: 1_000_000, maxStorageMb: 10_000, trialDays: 14, backupEveryHours: 24, backupKeep: 14 },
  { code: 'enterprise', name: 'Enterprise', monthlyPrice: '199', annualPrice: '1990', maxProducts: null, maxInvoicesPerMonth: null, maxOrdersPerMonth: null, maxBookingsPerMonth: null, maxApiCallsPerMonth: null, maxStorageMb: null, trialDays: 30, backupEveryHours: 6, backupKeep: 28 },
];

export async function seedPlans(platform: PlatformDb): Promise<void> {
  await platform.$transaction(
    PLANS.map((plan, sortOrder) =>
      platform.plan.upsert({ where: { code: plan.code }, create: { ...plan, sortOrder }, update: { ...plan, sortOrder } }),
    ),
  );
}
