import { z } from 'zod';
import type { TenantDb } from '../../db/tenantClient';
import { fitsColumn, parseInput } from '../../domain/validate';
import { badInput } from '../../errors';
import { ACCOUNT } from '../books/chartOfAccounts';

const BankAccountInput = z.object({
  name: z.string().trim().min(1, 'is required').check(fitsColumn('BankAccount', 'name')),
  bankName: z.string().trim().min(1, 'is required').check(fitsColumn('BankAccount', 'bankName')),
  accountNumber: z.string().trim().min(1, 'is required').check(fitsColumn('BankAccount', 'accountNumber', 64)),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
  ledgerCode: z.string().trim().min(1).check(fitsColumn('BankAccount', 'ledgerCode', 20)).optional(),
});

export type BankAccountInput = z.input<typeof BankAccountInput>;

/** A bank account posts to an asset account of the chart (the Bank account unless told otherwise). */
export async function createBankAccount(db: TenantDb, defaultCurrency: string, input: BankAccountInput) {
  const data = parseInput(BankAccountInput, input);
  const ledgerCode = data.ledgerCode ?? ACCOUNT.BANK;
  const ledger = await db.account.findUnique({ where: { code: ledgerCode }, include: { _count: { select: { children: true } } } });
  if (!ledger || ledger.type !== 'ASSET' || ledger._count.children > 0) {
    throw badInput(`ledgerCode ${ledgerCode} must name an asset account without sub-accounts`, { field: 'ledgerCode' });
  }
  return db.bankAccount.create({ data: { ...data, currency: data.currency ?? defaultCurrency, ledgerCode } });
}
