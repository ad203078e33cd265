// `db seed` writes seed data where it is missing, and changes nothing that exists:
//   - reference data: the plan catalogue (platform)
//   - tenant defaults: chart of accounts, settings, first categories (every ACTIVE tenant)
//   - demo data, when DEMO is on (never in production): the demo tenants with their
//     products, customers and invoices, and the demo logins
// `db clear-seeds` removes the demo data only (see demo/demoRecords.ts for exactly
// what counts as demo data); plans and tenant defaults stay, the gateway needs them.
import { seedPlans } from '../../../billing/plans';
import { findDemoTenants, findDemoUsers } from '../../../demo/demoRecords';
import { ensureDemo } from '../../../demo/seedDemo';
import { dropTenantStorage } from '../../../provisioning/dropTenantStorage';
import { seedTenantDefaults } from '../../../provisioning/seedDefaults';
import type { DbContext } from '../dbContext';
import { RefusedError } from '../refused';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';

export async function seed(ctx: DbContext, concurrency: number): Promise<Outcome> {
  const services = ctx.services();
  const one = { concurrency: 1, progress: ctx.progress, name: (item: string) => item };
  const plans = await runTasks('seed', ['plans'], one, async () => {
    await seedPlans(services.platform);
    return 'plan catalogue written';
  });
  const tenants = await ctx.tenants({ statuses: ['ACTIVE'] });
  const defaults = await runTasks('seed', tenants, { concurrency, progress: ctx.progress, name: (t) => t.slug }, async (tenant) => {
    const lease = services.pool.acquire(tenant);
    try {
      await seedTenantDefaults(lease.db, tenant.locale);
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

export async function clearSeeds(ctx: DbContext): Promise<Outcome> {
  if (ctx.config.production) throw new RefusedError('clear-seeds never runs with NODE_ENV=production');
  const { platform, servers } = ctx.services();
  const tenants = await findDemoTenants(platform);
  const one = { concurrency: 1, progress: ctx.progress };
  const removedTenants = await runTasks('clear-seeds', tenants, { ...one, name: (t) => `tenant ${t.slug}` }, async (tenant) => {
    const dropped = await dropTenantStorage(servers, tenant);
    await platform.tenant.delete({ where: { id: tenant.id } });
    return `removed (${dropped})`;
  });
  const users = await findDemoUsers(platform);
  const kept: string[] = [];
  const removedUsers = await runTasks('clear-seeds', users, { ...one, name: (u) => `user ${u.email}` }, async (user) => {
    const elsewhere = await platform.membership.findMany({ where: { userId: user.id }, include: { tenant: { select: { slug: true } } } });
    if (elsewhere.length) {
      kept.push(`${user.email} (still a member of ${elsewhere.map((m) => m.tenant.slug).join(', ')})`);
      return 'kept: member of a tenant that is not demo data';
    }
    await platform.user.delete({ where: { id: user.id } });
    return 'removed';
  });
  const lines = [
    tenants.length || users.length ? `removed demo data: ${tenants.length} tenant(s), ${users.length - kept.length} user(s)` : 'no demo data found',
    ...kept.map((k) => `kept user ${k}`),
  ];
  return { lines, results: [...removedTenants, ...removedUsers] };
}
