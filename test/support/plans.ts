// Plans with small limits, so tests reach them in a few requests. They live only
// in the test's own platform database.
import type { TestGateway } from './testGateway';

export interface TestPlanLimits {
  maxProducts?: number | null;
  maxInvoicesPerMonth?: number | null;
  maxOrdersPerMonth?: number | null;
  maxBookingsPerMonth?: number | null;
  maxApiCallsPerMonth?: number | null;
  maxStorageMb?: number | null;
  monthlyPrice?: string;
  trialDays?: number;
}

export async function createTestPlan(gw: TestGateway, code: string, limits: TestPlanLimits): Promise<void> {
  await gw.services.platform.plan.create({
    data: {
      code,
      name: code[0].toUpperCase() + code.slice(1),
      monthlyPrice: limits.monthlyPrice ?? '10',
      annualPrice: '100',
      maxProducts: limits.maxProducts ?? null,
      maxInvoicesPerMonth: limits.maxInvoicesPerMonth ?? null,
      maxOrdersPerMonth: limits.maxOrdersPerMonth ?? null,
      maxBookingsPerMonth: limits.maxBookingsPerMonth ?? null,
      maxApiCallsPerMonth: limits.maxApiCallsPerMonth ?? null,
      maxStorageMb: limits.maxStorageMb ?? null,
      trialDays: limits.trialDays ?? 0,
      sortOrder: 10,
    },
  });
}
