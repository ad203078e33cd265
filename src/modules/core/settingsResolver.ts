import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { readSettings, updateSettings, type TenantSettings as Settings } from '../../domain/settings';
import type { GatewayContext } from '../../schema/context';
import { announceTenantChange } from '../../tenancy/tenantChanges';
import { TenantSettings, TenantSettingsInput } from './settingsTypes';

// GraphQL field <-> stored setting key.
const KEYS = {
  invoicePrefix: 'invoice.prefix',
  invoiceTaxRate: 'invoice.taxRate',
  stockAllowNegative: 'stock.allowNegative',
  reportTimeZone: 'report.timeZone',
  bankMatchWindowDays: 'bank.matchWindowDays',
  bookingCancellationCutoffMinutes: 'booking.cancellationCutoffMinutes',
  bookingReminderLeadMinutes: 'booking.reminderLeadMinutes',
} as const satisfies Record<keyof TenantSettings, keyof Settings>;

const fields = (settings: Settings) =>
  Object.fromEntries(Object.entries(KEYS).map(([field, key]) => [field, settings[key]])) as unknown as TenantSettings;

@Resolver(() => TenantSettings)
export class SettingsResolver {
  @Query(() => TenantSettings, { description: "The tenant's settings." })
  async settings(@Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant();
    return fields(await readSettings(db, tenant.locale));
  }

  @Mutation(() => TenantSettings, { description: 'Changes the settings given (ADMIN); the others stay as they are.' })
  async updateSettings(@Arg('input', () => TenantSettingsInput) input: TenantSettingsInput, @Ctx() ctx: GatewayContext) {
    const { db, tenant } = await ctx.tenant('data.configure');
    const changes = Object.fromEntries(Object.entries(KEYS).map(([field, key]) => [key, input[field as keyof TenantSettingsInput] ?? undefined]));
    const settings = await updateSettings(db, tenant.locale, changes);
    // The platform's Tenant.timeZone tells the same zone as the setting.
    const timeZone = settings['report.timeZone'];
    if (timeZone !== tenant.timeZone) {
      await ctx.services.platform.tenant.update({ where: { id: tenant.id }, data: { timeZone } });
      await announceTenantChange(ctx.services, tenant.slug);
    }
    return fields(settings);
  }
}
