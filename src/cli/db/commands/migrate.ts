// `db migrate`: the platform database first (migrations and plans), then every
// serving tenant (ACTIVE or SUSPENDED), DB_CONCURRENCY at a time. Tenants still
// provisioning (or failed, or archived) are left to their provisioning job.
import { applyMigrations } from '../../../db/migrator';
import { preparePlatformDatabase } from '../../../provisioning/platformDatabase';
import { migrationsOf } from '../../../provisioning/tenantSchema';
import { withTenantSql } from '../../../provisioning/tenantSql';
import { announcePlansWritten } from '../../../tenancy/tenantChanges';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';

export const SERVING = ['ACTIVE', 'SUSPENDED'] as const;

const appliedText = (applied: string[]) => (applied.length ? `applied ${applied.join(', ')}` : 'up to date');

export async function migrate(ctx: DbContext, concurrency: number): Promise<Outcome> {
  const platform = await runTasks('platform', [ctx.platformUrl], { concurrency: 1, progress: ctx.progress, name: () => 'platform' }, async (url) =>
    appliedText(await preparePlatformDatabase(url, ctx.log)),
  );
  if (!platform[0].ok) return { results: platform };

  const services = ctx.services();
  // It wrote the plan catalogue too: running gateways read their tenants' plans again.
  await announcePlansWritten(services);
  const { servers } = services;
  const all = await ctx.tenants();
  const serving = all.filter((t) => (SERVING as readonly string[]).includes(t.status));
  const tenants = await runTasks('migrate', serving, { concurrency, progress: ctx.progress, name: (t) => t.slug }, async (tenant) => {
    const { applied } = await withTenantSql(servers.connectionOf(tenant), (connection) => applyMigrations(connection, migrationsOf(tenant)));
    return appliedText(applied);
  });
  const skipped = all.filter((t) => !serving.includes(t));
  const lines = skipped.length ? [`skipped (not serving): ${skipped.map((t) => `${t.slug} (${t.status})`).join(', ')}`] : [];
  return { lines, results: [...platform, ...tenants] };
}
