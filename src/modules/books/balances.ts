// Balances as of a moment, summed by PostgreSQL: the trial balance (every account
// with activity) and one account's balance (with its sub-accounts).
import { ownRows, tenantTable, type TenantDb } from '../../db/tenantClient';
import { ZERO, sum, type Decimal } from '../../domain/money';
import { notFound } from '../../errors';
import { Prisma, type Account } from '../../generated/tenant/client';

export interface TrialBalanceLine {
  account: Account;
  /** The account's balance when it is on the debit side, else zero. */
  debit: Decimal;
  /** The account's balance when it is on the credit side, else zero. */
  credit: Decimal;
}

export interface TrialBalance {
  asOf: Date;
  lines: TrialBalanceLine[];
  totalDebit: Decimal;
  totalCredit: Decimal;
}

type AccountTotals = Account & { debits: Decimal; credits: Decimal };

export async function trialBalance(db: TenantDb, asOf: Date): Promise<TrialBalance> {
  const rows = await db.$queryRaw<AccountTotals[]>(Prisma.sql`
    SELECT a.*, t.debits, t.credits
    FROM (
      SELECT l."accountId", sum(l.debit) AS debits, sum(l.credit) AS credits
      FROM ${tenantTable('JournalLine')} l
      JOIN ${tenantTable('JournalEntry')} e ON e.id = l."entryId" AND ${ownRows('e')}
      WHERE ${ownRows('l')} AND e.date <= ${asOf}
      GROUP BY l."accountId"
    ) t
    JOIN ${tenantTable('Account')} a ON a.id = t."accountId" AND ${ownRows('a')}
    ORDER BY a.code`);
  const lines = rows.map(({ debits, credits, ...account }) => {
    const net = debits.sub(credits);
    return { account, debit: net.isPos() ? net : ZERO, credit: net.isNeg() ? net.neg() : ZERO };
  });
  return { asOf, lines, totalDebit: sum(lines.map((l) => l.debit)), totalCredit: sum(lines.map((l) => l.credit)) };
}

export interface AccountBalance {
  account: Account;
  debits: Decimal;
  credits: Decimal;
  /** On the account's normal side: debits - credits for assets and expenses, credits - debits otherwise. */
  balance: Decimal;
}

const DEBIT_NORMAL = new Set(['ASSET', 'EXPENSE']);

export async function accountBalance(db: TenantDb, code: string, asOf: Date): Promise<AccountBalance> {
  const account = await db.account.findUnique({ where: { code } });
  if (!account) throw notFound(`account ${code}`);
  const [totals] = await db.$queryRaw<Array<{ debits: Decimal; credits: Decimal }>>(Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM ${tenantTable('Account')} root WHERE ${ownRows('root')} AND id = ${account.id}
      UNION ALL
      SELECT child.id FROM ${tenantTable('Account')} child JOIN tree ON child."parentId" = tree.id WHERE ${ownRows('child')}
    )
    SELECT coalesce(sum(l.debit), 0) AS debits, coalesce(sum(l.credit), 0) AS credits
    FROM ${tenantTable('JournalLine')} l
    JOIN ${tenantTable('JournalEntry')} e ON e.id = l."entryId" AND ${ownRows('e')}
    WHERE ${ownRows('l')} AND l."accountId" IN (SELECT id FROM tree) AND e.date <= ${asOf}`);
  const net = totals.debits.sub(totals.credits);
  return { account, ...totals, balance: DEBIT_NORMAL.has(account.type) ? net : net.neg() };
}
