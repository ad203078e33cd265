// What every new tenant starts with, in its locale, each built-in module writing its own
// part: the settings (its reports in the time zone it was created with), a first
// category, the chart of accounts. Safe to run again: existing rows are kept as they are.
import type { TenantDb } from '../db/tenantClient';
import { SELECTED_MODULES } from '../generated/selectedModules';

export async function seedTenantDefaults(db: TenantDb, tenant: { locale: string; timeZone: string }): Promise<void> {
  for (const { seedDefaults } of SELECTED_MODULES) await seedDefaults?.(db, tenant);
}
