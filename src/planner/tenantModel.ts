// What the planner knows of the tenant schema: which table each GraphQL type reads,
// and how its relation fields join. Every other field of such a type is a column of
// the same name, rendered by its GraphQL scalar (see nodeSql.ts). Table and column
// names in planned SQL come only from here and from the GraphQL schema, never from a
// request; a test checks every one against the Prisma schema.

export interface ToOne {
  kind: 'one';
  /** The GraphQL type of the related row. */
  type: string;
  /** The column of this row holding the related row's id. */
  column: string;
}

export interface ToMany {
  kind: 'many';
  type: string;
  /** The column of the related rows holding this row's id. */
  column: string;
  /** The order the resolver path gives them (ties broken by id, so the order is total). */
  orderBy: Array<[column: string, direction: 'asc' | 'desc']>;
}

export type Relation = ToOne | ToMany;

export interface PlannedType {
  table: string;
  relations: Record<string, Relation>;
  /**
   * Fields a resolver computes from the row (and may take arguments), by the columns it
   * reads: first the one it answers without arguments, then those its arguments need;
   * each column is a field of the type too, rendered as that field is.
   */
  computed?: Record<string, string[]>;
}

const one = (type: string, column: string): ToOne => ({ kind: 'one', type, column });
const many = (type: string, column: string, orderBy: ToMany['orderBy']): ToMany => ({
  kind: 'many',
  type,
  column,
  orderBy: orderBy.some(([c]) => c === 'id') ? orderBy : [...orderBy, ['id', 'asc']],
});

export const TENANT_MODEL: Record<string, PlannedType> = {
  Category: { table: 'Category', relations: {} },
  Product: {
    table: 'Product',
    relations: { category: one('Category', 'categoryId'), components: many('BomComponent', 'productId', [['id', 'asc']]) },
    // name(locale:) and description(locale:) pick a translation, or the product's own text.
    computed: { name: ['name', 'translations'], description: ['description', 'translations'] },
  },
  BomComponent: { table: 'BomComponent', relations: { component: one('Product', 'componentId') } },
  Customer: { table: 'Customer', relations: {} },
  Invoice: {
    table: 'Invoice',
    relations: {
      customer: one('Customer', 'customerId'),
      items: many('InvoiceItem', 'invoiceId', [['position', 'asc']]),
      payments: many('Payment', 'invoiceId', [['paidAt', 'asc']]),
    },
  },
  Order: {
    table: 'Order',
    relations: {
      customer: one('Customer', 'customerId'),
      discount: one('Discount', 'discountId'),
      invoice: one('Invoice', 'invoiceId'),
      items: many('OrderItem', 'orderId', [['position', 'asc']]),
      refunds: many('OrderRefund', 'orderId', [['createdAt', 'asc']]),
    },
  },
  OrderItem: { table: 'OrderItem', relations: { product: one('Product', 'productId') } },
  OrderRefund: { table: 'OrderRefund', relations: {} },
  Discount: { table: 'Discount', relations: {} },
  InvoiceItem: { table: 'InvoiceItem', relations: { product: one('Product', 'productId') } },
  Payment: { table: 'Payment', relations: { invoice: one('Invoice', 'invoiceId') } },
  Account: { table: 'Account', relations: { children: many('Account', 'parentId', [['code', 'asc']]) } },
  JournalEntry: { table: 'JournalEntry', relations: { lines: many('JournalLine', 'entryId', [['id', 'asc']]) } },
  JournalLine: { table: 'JournalLine', relations: { account: one('Account', 'accountId'), customer: one('Customer', 'customerId') } },
  StockMovement: { table: 'StockMovement', relations: { product: one('Product', 'productId'), invoice: one('Invoice', 'invoiceId') } },
  BankStatementLine: { table: 'BankStatementLine', relations: { matchedPayment: one('Payment', 'matchedPaymentId') } },
  AnalyticsEvent: { table: 'TenantEvent', relations: {} },
};

export function plannedType(typeName: string): PlannedType {
  const type = TENANT_MODEL[typeName];
  if (!type) throw new Error(`the planner has no table for GraphQL type ${typeName}`);
  return type;
}
