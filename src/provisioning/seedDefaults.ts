// What every new tenant starts with: its chart of accounts, settings and a first
// category, in its locale; its reports in the time zone it was created with. Safe to
// run again: existing rows are kept as they are.
import type { TenantDb } from '../db/tenantClient';
import { addDefaultAccounts } from '../domain/accounting/defaultAccounts';
import { defaultSettings } from '../domain/settings';

const DEFAULT_CATEGORIES: Record<string, string[]> = {
  fa: ['طلای آب‌شده', 'زیورآلات طلا', 'سکه', 'سنگ‌های قیمتی'],
  en: ['General'],
};

export async function seedTenantDefaults(db: TenantDb, { locale, timeZone }: { locale: string; timeZone: string }): Promise<void> {
  await addDefaultAccounts(db, locale);
  await db.setting.createMany({
    data: Object.entries(defaultSettings(locale, timeZone)).map(([key, value]) => ({ key, value })),
    skipDuplicates: true,
  });
  await db.category.createMany({
    data: (DEFAULT_CATEGORIES[locale] ?? DEFAULT_CATEGORIES.en).map((name) => ({ name })),
    skipDuplicates: true,
  });
}
