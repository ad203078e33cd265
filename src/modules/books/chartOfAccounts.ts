// The chart of accounts every tenant starts with. Codes are stable across locales
// and are what the posting rules refer to; names follow the tenant's locale.
import type { AccountType } from '../../generated/tenant/enums';

export const ACCOUNT = {
  ASSETS: '1000',
  CASH: '1100',
  BANK: '1200',
  RECEIVABLE: '1300',
  INVENTORY: '1400',
  LIABILITIES: '2000',
  PAYABLE: '2100',
  TAX_PAYABLE: '2200',
  EQUITY: '3000',
  CAPITAL: '3100',
  REVENUE: '4000',
  SALES: '4100',
  EXPENSES: '5000',
  COST_OF_GOODS_SOLD: '5100',
  GENERAL_EXPENSES: '5200',
  INVENTORY_ADJUSTMENTS: '5300',
  INVENTORY_WRITE_OFFS: '5400',
} as const;

interface AccountDefinition {
  code: string;
  type: AccountType;
  parent: string | null;
  names: { en: string; fa: string };
}

export const DEFAULT_ACCOUNTS: AccountDefinition[] = [
  { code: ACCOUNT.ASSETS, type: 'ASSET', parent: null, names: { en: 'Assets', fa: 'دارایی‌ها' } },
  { code: ACCOUNT.CASH, type: 'ASSET', parent: ACCOUNT.ASSETS, names: { en: 'Cash', fa: 'صندوق' } },
  { code: ACCOUNT.BANK, type: 'ASSET', parent: ACCOUNT.ASSETS, names: { en: 'Bank', fa: 'بانک' } },
  { code: ACCOUNT.RECEIVABLE, type: 'ASSET', parent: ACCOUNT.ASSETS, names: { en: 'Accounts receivable', fa: 'حساب‌های دریافتنی' } },
  { code: ACCOUNT.INVENTORY, type: 'ASSET', parent: ACCOUNT.ASSETS, names: { en: 'Inventory', fa: 'موجودی کالا' } },
  { code: ACCOUNT.LIABILITIES, type: 'LIABILITY', parent: null, names: { en: 'Liabilities', fa: 'بدهی‌ها' } },
  { code: ACCOUNT.PAYABLE, type: 'LIABILITY', parent: ACCOUNT.LIABILITIES, names: { en: 'Accounts payable', fa: 'حساب‌های پرداختنی' } },
  { code: ACCOUNT.TAX_PAYABLE, type: 'LIABILITY', parent: ACCOUNT.LIABILITIES, names: { en: 'Sales tax payable', fa: 'مالیات بر ارزش افزوده پرداختنی' } },
  { code: ACCOUNT.EQUITY, type: 'EQUITY', parent: null, names: { en: 'Equity', fa: 'حقوق صاحبان سرمایه' } },
  { code: ACCOUNT.CAPITAL, type: 'EQUITY', parent: ACCOUNT.EQUITY, names: { en: "Owner's capital", fa: 'سرمایه' } },
  { code: ACCOUNT.REVENUE, type: 'REVENUE', parent: null, names: { en: 'Revenue', fa: 'درآمدها' } },
  { code: ACCOUNT.SALES, type: 'REVENUE', parent: ACCOUNT.REVENUE, names: { en: 'Sales', fa: 'فروش' } },
  { code: ACCOUNT.EXPENSES, type: 'EXPENSE', parent: null, names: { en: 'Expenses', fa: 'هزینه‌ها' } },
  { code: ACCOUNT.COST_OF_GOODS_SOLD, type: 'EXPENSE', parent: ACCOUNT.EXPENSES, names: { en: 'Cost of goods sold', fa: 'بهای تمام‌شده کالای فروش‌رفته' } },
  { code: ACCOUNT.GENERAL_EXPENSES, type: 'EXPENSE', parent: ACCOUNT.EXPENSES, names: { en: 'General expenses', fa: 'هزینه‌های عمومی' } },
  // Stock counts that differ from the books: a shortfall is debited, a surplus credited.
  { code: ACCOUNT.INVENTORY_ADJUSTMENTS, type: 'EXPENSE', parent: ACCOUNT.EXPENSES, names: { en: 'Inventory adjustments', fa: 'کسری و اضافی انبار' } },
  // Damaged or spoiled goods taken out of stock.
  { code: ACCOUNT.INVENTORY_WRITE_OFFS, type: 'EXPENSE', parent: ACCOUNT.EXPENSES, names: { en: 'Inventory write-offs', fa: 'ضایعات کالا' } },
];

export const accountName = (account: AccountDefinition, locale: string) => (locale === 'fa' ? account.names.fa : account.names.en);
