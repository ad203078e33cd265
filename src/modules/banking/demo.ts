// The demo tenants' bank accounts (src/demo), each with a statement of the last six
// weeks imported, partly matched to the invoices' payments.
import type { TenantDb } from '../../db/tenantClient';
import type { DemoTenant } from '../../demo/demoData';
import { Decimal, round2 } from '../../domain/money';
import { DEMO_BOOKS } from '../invoicing/demo';
import { settlement } from '../invoicing/invoicePostings';
import { createBankAccount } from './bankAccounts';
import { importBankStatement } from './importStatement';

/** By demo tenant. */
const DEMO_BANK_ACCOUNTS: Record<string, { name: string; bankName: string; accountNumber: string }> = {
  talanou: { name: 'حساب جاری', bankName: 'بانک ملی ایران', accountNumber: 'IR820170000000111122223333' },
  'arya-jewelry': { name: 'حساب جاری', bankName: 'بانک ملت', accountNumber: 'IR120120000000444455556666' },
  'demo-shop': { name: 'Operating account', bankName: 'First Community Bank', accountNumber: '021000021-4400012345' },
};

const DAY = 86_400_000;

/**
 * The bank's statement of the last six weeks: what reached the bank, card takings a
 * day late and without a reference, plus a fee and a deposit nobody recorded. The
 * latest transfer is not on it yet.
 */
async function importDemoStatement(db: TenantDb, demo: DemoTenant, bankAccountId: string, now: number) {
  const payments = await db.payment.findMany({
    where: { method: { not: 'CASH' }, paidAt: { gte: new Date(now - 42 * DAY) } },
    include: { invoice: { select: { kind: true, total: true } } },
    orderBy: { paidAt: 'asc' },
  });
  const day = (date: Date | number) => new Date(date).toISOString().slice(0, 10);
  const rows = payments.slice(0, -1).map((p) => {
    const amount = settlement(p.invoice).direction === 'IN' ? p.amount : p.amount.neg();
    const date = p.method === 'CARD' ? day(p.paidAt.getTime() + DAY) : day(p.paidAt);
    return [date, amount.toFixed(2), p.method === 'CARD' ? '' : (p.reference ?? ''), p.method === 'CARD' ? 'card settlement' : 'transfer'];
  });
  const fee = round2(new Decimal(DEMO_BOOKS[demo.slug].openingBank).div(2000));
  rows.push([day(now - 20 * DAY), fee.neg().toFixed(2), '', 'bank fee'], [day(now - 9 * DAY), fee.mul(37).toFixed(2), 'DEP-0912', 'deposit']);
  const csv = ['date,amount,reference,description', ...rows.map((r) => r.join(','))].join('\n');
  await importBankStatement(db, bankAccountId, csv);
}

export async function seedBankingDemo(db: TenantDb, demo: DemoTenant): Promise<void> {
  const account = DEMO_BANK_ACCOUNTS[demo.slug];
  if (!account || (await db.bankAccount.count()) > 0) return;
  const bank = await createBankAccount(db, demo.currency, account);
  await importDemoStatement(db, demo, bank.id, Date.now());
}
