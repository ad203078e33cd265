// Tenant settings (the Setting table) with the defaults every tenant starts from.
import { z } from 'zod';
import type { Prisma } from '../generated/tenant/client';
import type { TenantDb } from '../db/tenantClient';
import { canonicalTimeZone } from '../tenancy/localization';
import { parseInput } from './validate';

export interface TenantSettings {
  'invoice.prefix': string;
  /** Tax rate applied to invoice lines that do not name one, as a decimal string: "0.09". */
  'invoice.taxRate': string;
  /** Whether a sale may take a product's stock below zero. */
  'stock.allowNegative': boolean;
  /** IANA time zone whose days and months the reports group by. */
  'report.timeZone': string;
  /** How many days a bank statement line and the payment it matches may be apart. */
  'bank.matchWindowDays': number;
  /** Minutes before a booking's start after which cancelling it no longer gives its credits back. */
  'booking.cancellationCutoffMinutes': number;
  /** Minutes before a confirmed booking's start when its reminder mail goes out. */
  'booking.reminderLeadMinutes': number;
}

/** The time zone a tenant of `locale` reports in unless it names another. */
export const defaultTimeZone = (locale: string) => (locale === 'fa' ? 'Asia/Tehran' : 'UTC');

export const defaultSettings = (locale: string, timeZone = defaultTimeZone(locale)): TenantSettings => ({
  'invoice.prefix': 'INV',
  'invoice.taxRate': locale === 'fa' ? '0.1' : '0',
  'stock.allowNegative': false,
  'report.timeZone': timeZone,
  'bank.matchWindowDays': 3,
  'booking.cancellationCutoffMinutes': 1440,
  'booking.reminderLeadMinutes': 1440,
});

type Db = Pick<TenantDb, 'setting'> | Prisma.TransactionClient;

// Tenants created before rates were strings hold the tax rate as a JSON number: read both.
const storedValue = (key: string, value: Prisma.JsonValue) => (key === 'invoice.taxRate' ? String(value) : value);

export async function readSetting<K extends keyof TenantSettings>(db: Db, key: K, fallback: TenantSettings[K]): Promise<TenantSettings[K]> {
  const row = await db.setting.findUnique({ where: { key } });
  return row ? (storedValue(key, row.value) as TenantSettings[K]) : fallback;
}

/** Every setting, stored values over the locale's defaults. */
export async function readSettings(db: Db, locale: string): Promise<TenantSettings> {
  const stored = await db.setting.findMany();
  const settings = defaultSettings(locale);
  for (const row of stored) {
    if (row.key in settings) (settings as unknown as Record<string, unknown>)[row.key] = storedValue(row.key, row.value);
  }
  return settings;
}

const SettingsUpdate = z.object({
  'invoice.prefix': z.string().regex(/^[A-Za-z0-9-]{1,12}$/, 'must be 1 to 12 letters, digits or dashes').optional(),
  'invoice.taxRate': z
    .string()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'must be a rate between 0 and 1 with at most 4 decimals, e.g. "0.09"')
    .optional(),
  'stock.allowNegative': z.boolean().optional(),
  'report.timeZone': z.string().refine((zone) => canonicalTimeZone(zone) !== undefined, 'must be an IANA time zone such as "Asia/Tehran"').optional(),
  'bank.matchWindowDays': z.number().int().min(0, 'must be 0 to 31').max(31, 'must be 0 to 31').optional(),
  'booking.cancellationCutoffMinutes': z.number().int().min(0, 'must be 0 to 43200 (30 days)').max(43_200, 'must be 0 to 43200 (30 days)').optional(),
  'booking.reminderLeadMinutes': z.number().int().min(1, 'must be 1 to 10080 (7 days)').max(10_080, 'must be 1 to 10080 (7 days)').optional(),
});

export type SettingsUpdate = z.input<typeof SettingsUpdate>;

export async function updateSettings(db: TenantDb, locale: string, input: SettingsUpdate): Promise<TenantSettings> {
  const changes = Object.entries(parseInput(SettingsUpdate, input)).filter(([, value]) => value !== undefined);
  await db.$transaction(
    changes.map(([key, value]) => db.setting.upsert({ where: { key }, create: { key, value: value! }, update: { value: value! } })),
  );
  return readSettings(db, locale);
}
