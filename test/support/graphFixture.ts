// Rows made for testing the tenant graph's lists: ties in every sorted column
// (prices, names, moments), nulls in the nullable ones, relations that are empty for
// some rows, enough rows for several pages. Ids and moments are fixed, so two tenants
// filled with it hold the same rows whatever their engine, and ids are handed out out
// of creation order, so ties broken by id are seen to be. Names are one capitalised
// word each: every collation (PostgreSQL's C, MySQL's case-insensitive ones, JS)
// sorts them alike.
import type { TenantDb } from '../../src/db/tenantClient';
import { Decimal } from '../../src/domain/money';

/** A fixed UUID: `model` tells the tables apart, `n` the rows. */
export const fixedId = (model: number, n: number) => `01900000-0000-7000-8${model.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
const at = (days: number, minutes: number) => new Date(T0 + days * 86_400_000 + minutes * 60_000);

/** n rows' ids, handed out as `(i * step) % n + 1` so their order is not the rows' order. */
const scattered = (model: number, n: number, step: number) => Array.from({ length: n }, (_, i) => fixedId(model, ((i * step) % n) + 1));

export const PRODUCTS = 42;
export const CUSTOMERS = 12;
export const INVOICES = 30;

export const categoryIds = { jewellery: fixedId(1, 6), rings: fixedId(1, 5), chains: fixedId(1, 4), coins: fixedId(1, 3), empty: fixedId(1, 2), gems: fixedId(1, 1) };
export const productIds = scattered(2, PRODUCTS, 11);
export const customerIds = scattered(3, CUSTOMERS, 5);
export const invoiceIds = scattered(4, INVOICES, 7);

const NAMES = ['Amber', 'Bangle', 'Cameo', 'Dagger', 'Emblem', 'Fibula', 'Garnet'];
const KINDS = ['GOLD', 'JEWELRY', 'COIN', 'STONE', 'GOODS', 'SERVICE'] as const;
const PRICES = ['10', '25.5', '10', '99.99', '0.5', '25.5', '1000'];
const CUSTOMER_NAMES = ['Ann', 'Bob', 'Ann', 'Cyd', 'Dee', 'Bob', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Ann'];
const TOTALS = ['100', '250.75', '100', '0', '99.99', '250.75'];
const STATUSES = ['DRAFT', 'ISSUED', 'PAID', 'PARTIALLY_PAID', 'VOID'] as const;
const INVOICE_KINDS = ['SALE', 'SALE', 'PURCHASE', 'TRADE'] as const;

/** Fills a new tenant with the rows above, instead of the General category provisioning seeded, and gives its chart of accounts fixed ids and moments. */
export async function fillGraphFixture(db: TenantDb): Promise<void> {
  await db.category.deleteMany();
  await fixChart(db);

  const { jewellery, rings, chains, coins, empty, gems } = categoryIds;
  await db.category.createMany({
    data: [
      { id: jewellery, name: 'Jewellery', createdAt: at(0, 0) },
      { id: rings, name: 'Rings', parentId: jewellery, createdAt: at(0, 0) },
      { id: chains, name: 'Chains', parentId: jewellery, createdAt: at(0, 1) },
      { id: coins, name: 'Coins', createdAt: at(1, 0) },
      // No products, no children.
      { id: empty, name: 'Empty', createdAt: at(1, 0) },
      { id: gems, name: 'Gems', parentId: jewellery, createdAt: at(2, 0) },
    ],
  });

  await db.product.createMany({
    data: productIds.map((id, i) => {
      // In pairs (i and i + 6 of each dozen) at the same moment, over four days.
      const createdAt = at(Math.floor(i / 12), i % 6);
      return {
        id,
        sku: `SKU-${String(i).padStart(2, '0')}`,
        name: NAMES[(i * 5) % NAMES.length],
        description: i % 3 === 0 ? null : ['Brassy', 'Golden', 'Silvery', 'Golden'][i % 4],
        kind: KINDS[i % KINDS.length],
        categoryId: i % 5 === 0 ? null : [rings, chains, coins, rings][i % 4],
        price: PRICES[i % PRICES.length],
        cost: ['0', '2.25', '4.5', '6.75'][i % 4],
        currency: 'USD',
        stock: i % 6 === 5 ? '0' : `${(i * 7) % 5}.125`,
        trackStock: i % 5 !== 0,
        tags: [[], ['gold'], ['gold', 'sale'], ['silver']][i % 4],
        attributes: { n: i },
        createdAt,
        updatedAt: createdAt,
      };
    }),
  });
  // Product 1 is made of 2 and 3, product 4 of 2: relations both ways, empty for most.
  await db.bomComponent.createMany({
    data: [
      { id: fixedId(7, 3), productId: productIds[1], componentId: productIds[2], quantity: '2' },
      { id: fixedId(7, 1), productId: productIds[1], componentId: productIds[3], quantity: '0.5' },
      { id: fixedId(7, 2), productId: productIds[4], componentId: productIds[2], quantity: '1' },
    ],
  });

  // Customers 8 to 11 have no invoices; none has orders.
  await db.customer.createMany({
    data: customerIds.map((id, j) => {
      const createdAt = at(0, Math.floor(j / 2));
      return {
        id,
        name: CUSTOMER_NAMES[j],
        email: j % 3 === 0 ? null : `${'abcdefghijkl'[j]}@example.com`,
        phone: j % 2 ? null : `+1555000${String(j).padStart(2, '0')}`,
        createdAt,
        updatedAt: createdAt,
      };
    }),
  });

  await db.invoice.createMany({
    data: invoiceIds.map((id, k) => {
      const issueDate = at(Math.floor(k / 10), k % 5);
      return {
        id,
        number: `INV-${String(k).padStart(3, '0')}`,
        kind: INVOICE_KINDS[k % INVOICE_KINDS.length],
        status: STATUSES[k % STATUSES.length],
        customerId: k % 6 === 0 ? null : customerIds[k % 8],
        issueDate,
        dueDate: k % 3 === 0 ? null : at(30 + (k % 4), 0),
        currency: 'USD',
        subtotal: TOTALS[k % TOTALS.length],
        total: TOTALS[k % TOTALS.length],
        amountPaid: ['0', '50', '100'][k % 3],
        notes: k % 2 ? null : 'Noted',
        createdAt: issueDate,
        updatedAt: issueDate,
      };
    }),
  });
  // Invoice k has k % 4 items (the third without a product) and k % 3 payments.
  await db.invoiceItem.createMany({
    data: invoiceIds.flatMap((invoiceId, k) =>
      Array.from({ length: k % 4 }, (_, m) => {
        const unitPrice = PRICES[(k + m) % PRICES.length];
        return {
          id: fixedId(5, ((k * 4 + m) * 13) % 1000),
          invoiceId,
          productId: m === 2 ? null : productIds[(k + m * 5) % PRODUCTS],
          description: `Line${m}`,
          quantity: String(m + 1),
          unitPrice,
          lineTotal: new Decimal(unitPrice).mul(m + 1).toFixed(),
          position: m,
        };
      }),
    ),
  });
  await db.payment.createMany({
    data: invoiceIds.flatMap((invoiceId, k) =>
      Array.from({ length: k % 3 }, (_, p) => ({
        id: fixedId(6, ((k * 3 + p) * 7) % 1000),
        invoiceId,
        amount: ['10', '25.5'][p],
        method: (['CASH', 'CARD'] as const)[p],
        paidAt: at(40, p),
        createdAt: at(40, p),
      })),
    ),
  });
}

/** The chart of accounts as provisioning seeded it (groups and their accounts), again with fixed ids and one moment. */
async function fixChart(db: TenantDb): Promise<void> {
  const chart = await db.account.findMany({ orderBy: { code: 'asc' } });
  const fixed = new Map(chart.map((account, i) => [account.id, fixedId(8, chart.length - i)]));
  await db.account.deleteMany({ where: { parentId: { not: null } } });
  await db.account.deleteMany();
  const groupsFirst = [...chart].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  await db.account.createMany({
    data: groupsFirst.map((account) => ({ ...account, id: fixed.get(account.id)!, parentId: account.parentId && fixed.get(account.parentId)!, createdAt: at(0, 0) })),
  });
}
