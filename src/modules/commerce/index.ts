// A shop's orders, refunds and discount codes (a paid order is invoiced), and the
// sales report of invoices and orders.
import { createdInMonthOf } from '../../billing/planLimits';
import type { TenantModule } from '../tenantModule';
import { seedCommerceDemo } from './demo';
import { DiscountResolver } from './discountResolver';
import { OrderLifecycleResolver } from './orderLifecycleResolver';
import { OrderResolver } from './orderResolver';
import { SalesReportResolver } from './salesReportResolver';

export const tenantModule: TenantModule = {
  name: 'commerce',
  resolvers: [OrderResolver, OrderLifecycleResolver, DiscountResolver, SalesReportResolver],
  seedDemo: seedCommerceDemo,
  limitCounts: { maxOrdersPerMonth: (db, now) => db.order.count({ where: createdInMonthOf(now) }) },
};
