// The tenant's customers.
import type { TenantModule } from '../tenantModule';
import { CustomerResolver } from './customerResolver';
import { seedCustomersDemo } from './demo';

export const tenantModule: TenantModule = {
  name: 'customers',
  resolvers: [CustomerResolver],
  seedDemo: seedCustomersDemo,
};
