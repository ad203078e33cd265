// Adds flushed API-call counts to UsageMetric in one statement. Increments, not
// overwrites: every process flushes only counts it took out of the store, so
// adding them up is exact however many processes flush at once.
import type { PlatformDb } from '../db/platformClient';
import type { UsageRow } from './usageStore';

export async function writeUsage(platform: PlatformDb, rows: UsageRow[]): Promise<void> {
  // One order for every writer, so two flushes touching the same rows queue instead of deadlocking.
  const sorted = [...rows].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.day.localeCompare(b.day));
  const column = <K extends keyof UsageRow>(key: K) => sorted.map((row) => row[key]);
  // Counts of a tenant deleted since are dropped (EXISTS) rather than failing the whole batch.
  // The row id is only a key: rows are found by (tenantId, day).
  await platform.$executeRaw`
    INSERT INTO "UsageMetric" ("id", "tenantId", "day", "apiCalls", "apiErrors")
    SELECT gen_random_uuid(), u.tenant_id, u.day, u.calls, u.errors
    FROM unnest(${column('tenantId')}::uuid[], ${column('day')}::date[], ${column('calls')}::int[], ${column('errors')}::int[])
      AS u(tenant_id, day, calls, errors)
    WHERE EXISTS (SELECT 1 FROM "Tenant" t WHERE t.id = u.tenant_id)
    ON CONFLICT ("tenantId", "day") DO UPDATE
      SET "apiCalls" = "UsageMetric"."apiCalls" + EXCLUDED."apiCalls",
          "apiErrors" = "UsageMetric"."apiErrors" + EXCLUDED."apiErrors"`;
}
