// Tenant settings (the Setting table) with the defaults every tenant starts from.
import type { Prisma } from '../generated/tenant/client';
import type { TenantDb } from '../db/tenantClient';

export interface TenantSettings {
  'invoice.prefix': string;
  /** Tax rate applied to invoice lines that do not name one, e.g. 0.09. */
  'invoice.taxRate': number;
  /** Whether a sale may take a product's stock below zero. */
  'stock.allowNegative': boolean;
}

export const defaultSettings = (locale: string): TenantSettings => ({
  'invoice.prefix': 'INV',
  'invoice.taxRate': locale === 'fa' ? 0.1 : 0,
  'stock.allowNegative': false,
});

type Db = Pick<TenantDb, 'setting'> | Prisma.TransactionClient;

export async function readSetting<K extends keyof TenantSettings>(db: Db, key: K, fallback: TenantSettings[K]): Promise<TenantSettings[K]> {
  const row = await db.setting.findUnique({ where: { key } });
  return row ? (row.value as TenantSettings[K]) : fallback;
}
