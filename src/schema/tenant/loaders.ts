// Per-request DataLoaders over one tenant's client. A loader belongs to exactly one
// request and one tenant, so nothing cached in it can leak to another tenant; each
// relation costs one query per nesting level, however many rows ask for it.
import DataLoader from 'dataloader';
import type { TenantDb } from '../../db/tenantClient';
import type {
  Account,
  BomComponent,
  Category,
  Customer,
  Discount,
  Invoice,
  InvoiceItem,
  JournalLine,
  OrderItem,
  OrderRefund,
  Payment,
  Product,
} from '../../generated/tenant/client';

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
    invoice?: DataLoader<string, Invoice | null>;
    payment?: DataLoader<string, Payment | null>;
    account?: DataLoader<string, Account | null>;
    accountChildren?: DataLoader<string, Account[]>;
    journalLines?: DataLoader<string, JournalLine[]>;
    bomComponents?: DataLoader<string, BomComponent[]>;
    orderItems?: DataLoader<string, OrderItem[]>;
    orderRefunds?: DataLoader<string, OrderRefund[]>;
    discount?: DataLoader<string, Discount | null>;
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

  get invoice() {
    return (this.loaders.invoice ??= byId((ids) => this.db.invoice.findMany({ where: { id: { in: ids } } })));
  }

  get payment() {
    return (this.loaders.payment ??= byId((ids) => this.db.payment.findMany({ where: { id: { in: ids } } })));
  }

  get account() {
    return (this.loaders.account ??= byId((ids) => this.db.account.findMany({ where: { id: { in: ids } } })));
  }

  get accountChildren() {
    return (this.loaders.accountChildren ??= groupedBy('parentId', (ids) =>
      this.db.account.findMany({ where: { parentId: { in: ids } }, orderBy: { code: 'asc' } }),
    ));
  }

  get journalLines() {
    return (this.loaders.journalLines ??= groupedBy('entryId', (ids) =>
      this.db.journalLine.findMany({ where: { entryId: { in: ids } }, orderBy: [{ entryId: 'asc' }, { id: 'asc' }] }),
    ));
  }

  get bomComponents() {
    return (this.loaders.bomComponents ??= groupedBy('productId', (ids) =>
      this.db.bomComponent.findMany({ where: { productId: { in: ids } }, orderBy: [{ productId: 'asc' }, { id: 'asc' }] }),
    ));
  }

  get orderItems() {
    return (this.loaders.orderItems ??= groupedBy('orderId', (ids) =>
      this.db.orderItem.findMany({ where: { orderId: { in: ids } }, orderBy: [{ orderId: 'asc' }, { position: 'asc' }, { id: 'asc' }] }),
    ));
  }

  get orderRefunds() {
    return (this.loaders.orderRefunds ??= groupedBy('orderId', (ids) =>
      this.db.orderRefund.findMany({ where: { orderId: { in: ids } }, orderBy: [{ orderId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] }),
    ));
  }

  get discount() {
    return (this.loaders.discount ??= byId((ids) => this.db.discount.findMany({ where: { id: { in: ids } } })));
  }
}
