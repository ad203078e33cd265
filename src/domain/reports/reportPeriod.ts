// The window every report takes: [from, to), in the tenant's time zone.
import { badInput } from '../../errors';
import type { Tx } from '../transaction';
import type { TenantDb } from '../../db/tenantClient';
import { defaultSettings, readSetting } from '../settings';

/** Which invoices count as revenue: sales and trades that were issued and not voided. */
export const REVENUE_KINDS = ['SALE', 'TRADE'];
export const REVENUE_STATUSES = ['ISSUED', 'PARTIALLY_PAID', 'PAID'];

export function checkRange(from: Date, to: Date) {
  if (!(from < to)) throw badInput('from must be before to', { field: 'to' });
}

export const reportTimeZone = (db: TenantDb | Tx, locale: string) => readSetting(db, 'report.timeZone', defaultSettings(locale)['report.timeZone']);
