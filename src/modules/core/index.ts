// What every tenant has: its settings, and the analytics of its events (tracked, and
// those of its data, written by the other modules into the outbox).
import { defaultSettings } from '../../domain/settings';
import type { TenantModule } from '../tenantModule';
import { AnalyticsResolver } from './analyticsResolver';
import { SettingsResolver } from './settingsResolver';

export const tenantModule: TenantModule = {
  name: 'core',
  resolvers: [SettingsResolver, AnalyticsResolver],
  async seedDefaults(db, { locale, timeZone }) {
    await db.setting.createMany({
      data: Object.entries(defaultSettings(locale, timeZone)).map(([key, value]) => ({ key, value })),
      skipDuplicates: true,
    });
  },
};
