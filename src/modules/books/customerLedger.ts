// A customer's (or supplier's) account with the business: every journal line that
// names them, oldest first (debits first within an entry), with the running
// balance computed by PostgreSQL.
// Positive: they owe the business; negative: the business owes them.
import { ownRows, tenantTable, type TenantDb } from '../../db/tenantClient';
import { ZERO, type Decimal } from '../../domain/money';
import { notFound } from '../../errors';
import { Prisma } from '../../generated/tenant/client';

export interface LedgerEntry {
  lineId: string;
  entryId: string;
  entryNumber: number;
  date: Date;
  description: string;
  sourceType: string;
  sourceId: string | null;
  accountCode: string;
  debit: Decimal;
  credit: Decimal;
  balance: Decimal;
}

export async function customerLedger(db: TenantDb, customerId: string) {
  const customer = await db.customer.findUnique({ where: { id: customerId } });
  if (!customer) throw notFound('customer');
  const entries = await db.$queryRaw<LedgerEntry[]>(Prisma.sql`
    SELECT l.id AS "lineId", e.id AS "entryId", e.number AS "entryNumber", e.date, e.description,
           e."sourceType", e."sourceId", a.code AS "accountCode", l.debit, l.credit,
           sum(l.debit - l.credit) OVER (ORDER BY e.date, e.number, l.debit DESC, l.id) AS balance
    FROM ${tenantTable('JournalLine')} l
    JOIN ${tenantTable('JournalEntry')} e ON e.id = l."entryId" AND ${ownRows('e')}
    JOIN ${tenantTable('Account')} a ON a.id = l."accountId" AND ${ownRows('a')}
    WHERE ${ownRows('l')} AND l."customerId" = ${customerId}
    ORDER BY e.date, e.number, l.debit DESC, l.id`);
  return { customer, entries, balance: entries.at(-1)?.balance ?? ZERO };
}
