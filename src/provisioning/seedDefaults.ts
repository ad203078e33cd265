// What every new tenant starts with: its chart of accounts, settings and a first
// category, in its locale; its reports in the time zone it was created with. Safe to
// run again: existing rows are kept as they are.
import type { TenantDb } from '../db/tenantClient';
import { DEFAULT_ACCOUNTS, accountName } from '../domain/chartOfAccounts';
import { defaultSettings } from '../domain/settings';

const DEFAULT_CATEGORIES: Record<string, string[]> = {
  fa: ['طلای آب‌شده', 'زیورآلات طلا', 'سکه', 'سنگ‌های قیمتی'],
  en: ['General'],
};

export async function seedTenantDefaults(db: TenantDb, { locale, timeZone }: { locale: string; timeZone: string }): Promise<void> {
  const roots = DEFAULT_ACCOUNTS.filter((a) => !a.parent);
  await db.account.createMany({
    data: roots.map((a) => ({ code: a.code, type: a.type, name: accountName(a, locale) })),
    skipDuplicates: true,
  });
  const parents = new Map((await db.account.findMany({ where: { code: { in: roots.map((a) => a.code) } } })).map((a) => [a.code, a.id]));
  await db.account.createMany({
    data: DEFAULT_ACCOUNTS.filter((a) => a.parent).map((a) => ({
      code: a.code,
      type: a.type,
      name: accountName(a, locale),
      parentId: parents.get(a.parent!)!,
    })),
    skipDuplicates: true,
  });
  await db.setting.createMany({
    data: Object.entries(defaultSettings(locale, timeZone)).map(([key, value]) => ({ key, value })),
    skipDuplicates: true,
  });
  await db.category.createMany({
    data: (DEFAULT_CATEGORIES[locale] ?? DEFAULT_CATEGORIES.en).map((name) => ({ name })),
    skipDuplicates: true,
  });
}
