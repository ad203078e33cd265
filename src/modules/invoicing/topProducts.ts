// The best-selling products of a period by revenue (then units), summed by
// the database over the sold (not traded-in) lines of revenue invoices.
import { ownRows, tenantTable, type TenantDb } from '../../db/tenantClient';
import type { Decimal } from '../../domain/money';
import { reportRange, type ReportBound } from '../../domain/reports/reportPeriod';
import { badInput } from '../../errors';
import { Prisma } from '../../generated/tenant/client';
import { REVENUE_KINDS, REVENUE_STATUSES } from './revenue';

export interface ProductSales {
  productId: string;
  revenue: Decimal;
  units: Decimal;
  invoices: number;
}

export const MAX_TOP_PRODUCTS = 100;

export async function topProducts(db: TenantDb, locale: string, fromBound: ReportBound, toBound: ReportBound, limit: number) {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TOP_PRODUCTS) {
    throw badInput(`limit must be between 1 and ${MAX_TOP_PRODUCTS}`, { field: 'limit' });
  }
  const { from, to } = await reportRange(db, locale, fromBound, toBound);
  const rows = await db.$queryRaw<Array<Omit<ProductSales, 'invoices'> & { invoices: bigint | number }>>(Prisma.sql`
    SELECT item."productId", sum(item."lineTotal") AS revenue, sum(item.quantity) AS units, count(DISTINCT i.id) AS invoices
    FROM ${tenantTable('InvoiceItem')} item
    JOIN ${tenantTable('Invoice')} i ON i.id = item."invoiceId" AND ${ownRows('i')}
    WHERE ${ownRows('item')} AND i.kind IN (${Prisma.join(REVENUE_KINDS)}) AND i.status IN (${Prisma.join(REVENUE_STATUSES)})
      AND i."issueDate" >= ${from} AND i."issueDate" < ${to}
      AND NOT item."tradeIn" AND item."productId" IS NOT NULL
    GROUP BY item."productId"
    ORDER BY revenue DESC, units DESC, item."productId"
    LIMIT ${limit}`);
  // A count is a BIGINT on both engines.
  return rows.map((row) => ({ ...row, invoices: Number(row.invoices) }));
}
