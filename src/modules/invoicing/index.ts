// Sale, purchase and trade invoices and their payments, posted to the books; the stock
// they move, adjustments and assembly; the best-selling products.
import { createdInMonthOf } from '../../billing/planLimits';
import type { TenantModule } from '../tenantModule';
import { seedInvoicingDemo } from './demo';
import { InvoiceLifecycleResolver } from './invoiceLifecycleResolver';
import { InvoiceResolver } from './invoiceResolver';
import { StockResolver } from './stockResolver';
import { TopProductsResolver } from './topProductsResolver';

export const tenantModule: TenantModule = {
  name: 'invoicing',
  resolvers: [InvoiceResolver, InvoiceLifecycleResolver, StockResolver, TopProductsResolver],
  seedDemo: seedInvoicingDemo,
  limitCounts: { maxInvoicesPerMonth: (db, now) => db.invoice.count({ where: createdInMonthOf(now) }) },
};
