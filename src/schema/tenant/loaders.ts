// Per-request DataLoaders over one tenant's client. A loader belongs to exactly one
// request and one tenant, so nothing cached in it can leak to another tenant; each
// relation costs one query per nesting level, however many rows ask for it.
import DataLoader from 'dataloader';
import type { TenantDb } from '../../db/tenantClient';
import type { Category, Customer, InvoiceItem, Payment, Product } from '../../generated/tenant/client';

function byId<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

function groupedBy<T, K extends keyof T>(key: K, fetch: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T[]>(async (ids) => {
    const groups = new Map<unknown, T[]>();
    for (const row of await fetch([...ids])) {
      const group = groups.get(row[key]);
      if (group) group.push(row);
      else groups.set(row[key], [row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/** Loaders are made on first use: most requests need only one or two of them. */
export class TenantLoaders {
  private loaders: {
    customer?: DataLoader<string, Customer | null>;
    product?: DataLoader<string, Product | null>;
    category?: DataLoader<string, Category | null>;
    invoiceItems?: DataLoader<string, InvoiceItem[]>;
    invoicePayments?: DataLoader<string, Payment[]>;
  } = {};

  constructor(private readonly db: TenantDb) {}

  get customer() {
    return (this.loaders.customer ??= byId((ids) => this.db.customer.findMany({ where: { id: { in: ids } } })));
  }

  get product() {
    return (this.loaders.product ??= byId((ids) => this.db.product.findMany({ where: { id: { in: ids } } })));
  }

  get category() {
    return (this.loaders.category ??= byId((ids) => this.db.category.findMany({ where: { id: { in: ids } } })));
  }

  get invoiceItems() {
    return (this.loaders.invoiceItems ??= groupedBy('invoiceId', (ids) =>
      this.db.invoiceItem.findMany({ where: { invoiceId: { in: ids } }, orderBy: [{ invoiceId: 'asc' }, { position: 'asc' }] }),
    ));
  }

  get invoicePayments() {
    return (this.loaders.invoicePayments ??= groupedBy('invoiceId', (ids) =>
      this.db.payment.findMany({ where: { invoiceId: { in: ids } }, orderBy: { paidAt: 'asc' } }),
    ));
  }
}
