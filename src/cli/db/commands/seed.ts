// `db seed` writes seed data where it is missing, and changes nothing that exists:
//   - reference data: the plan catalogue (platform)
//   - tenant defaults: chart of accounts, settings, first categories (every ACTIVE tenant)
//   - demo data, when DEMO is on (never in production): the demo tenants with their
//     products, customers and invoices, and the demo logins
// `db clear-seeds` (clearSeeds.ts) removes the demo data only.
import { seedPlans } from '../../../billing/plans';
import { ensureDemo } from '../../../demo/seedDemo';
import { seedTenantDefaults } from '../../../provisioning/seedDefaults';
import { announcePlansWritten } from '../../../tenancy/tenantChanges';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';

export async function seed(ctx: DbContext, concurrency: number): Promise<Outcome> {
  const services = ctx.services();
  const one = { concurrency: 1, progress: ctx.progress, name: (item: string) => item };
  const plans = await runTasks('seed', ['plans'], one, async () => {
    await seedPlans(services.platform);
    await announcePlansWritten(services);
    return 'plan catalogue written';
  });
  const tenants = await ctx.tenants({ statuses: ['ACTIVE'] });
  const defaults = await runTasks('seed', tenants, { concurrency, progress: ctx.progress, name: (t) => t.slug }, async (tenant) => {
    const lease = services.pool.acquire(tenant);
    try {
      await seedTenantDefaults(lease.db, tenant);
    } finally {
      lease.release();
    }
    return 'defaults present (chart of accounts, settings, categories)';
  });
  const demo = ctx.config.demo
    ? await runTasks('seed', ['demo tenants'], one, async () => {
        await ensureDemo(services);
        return 'demo tenants and logins present';
      })
    : [];
  const lines = ctx.config.demo ? [] : ['demo data: not written (DEMO is off)'];
  return { lines, results: [...plans, ...defaults, ...demo] };
}
