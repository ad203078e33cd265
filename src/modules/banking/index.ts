// Bank accounts and their imported statements, matched against the invoices' payments.
import type { TenantModule } from '../tenantModule';
import { BankResolver } from './bankResolver';
import { seedBankingDemo } from './demo';

export const tenantModule: TenantModule = {
  name: 'banking',
  resolvers: [BankResolver],
  seedDemo: seedBankingDemo,
};
