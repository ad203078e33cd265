// What every new tenant starts with, in its locale, each built-in module writing its own
// part: the settings (its reports in the time zone it was created with), a first
// category, the chart of accounts. Safe to run again: existing rows are kept as they are.
// One transaction for all of it: a tenant never has half its defaults, and a POOL
// tenant (whose every unit of work is a transaction of its own) pays one, not one a
// statement.
import type { TenantDb } from '../db/tenantClient';
import { SELECTED_MODULES } from '../generated/selectedModules';

export async function seedTenantDefaults(db: TenantDb, tenant: { locale: string; timeZone: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const { seedDefaults } of SELECTED_MODULES) await seedDefaults?.(tx, tenant);
  });
}
