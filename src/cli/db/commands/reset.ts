// `db reset --force`: every tenant's database or schema dropped (a customer's own
// external database is left alone), the tenant templates and the pool databases
// (with their role); the platform database dropped and made again,
// migrated, with its plans. Refused without --force, and always with
// NODE_ENV=production. Demo data comes back with `db seed` (or the next `npm start`).
import { databaseOf, withDatabase } from '../../../db/urls';
import { dropDatabase } from '../../../provisioning/tenantStorage';
import { dropTenantStorage } from '../../../provisioning/dropTenantStorage';
import { dropTenantTemplates } from '../../../provisioning/tenantTemplate';
import { dropPoolDatabase } from '../../../provisioning/readyPools';
import { preparePlatformDatabase } from '../../../provisioning/platformDatabase';
import type { DbContext } from '../dbContext';
import { RefusedError } from '../refused';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';

export async function reset(ctx: DbContext, options: { force: boolean; concurrency: number }): Promise<Outcome> {
  if (ctx.config.production) throw new RefusedError('reset never runs with NODE_ENV=production');
  if (!options.force) {
    throw new RefusedError('reset drops the platform database and every tenant database: run it again with --force if that is what you want');
  }
  const { servers } = ctx.services();
  const tenants = await ctx.tenants().catch(() => []); // a platform database that was never migrated has none
  const dropped = await runTasks('reset', tenants, { concurrency: options.concurrency, progress: ctx.progress, name: (t) => t.slug }, (tenant) =>
    dropTenantStorage(servers, tenant),
  );
  // Only PostgreSQL servers keep templates and pool databases.
  const templates = await runTasks('reset', servers.namesOf('postgresql'), { concurrency: 1, progress: ctx.progress, name: (name) => `templates and pool on ${name}` }, async (name) => {
    await dropTenantTemplates(servers.url(name), ctx.config.tenantDbPrefix);
    await dropPoolDatabase(servers.url(name), servers.poolLogin);
    return 'dropped';
  });
  // Nothing may hold the platform database open while it is dropped.
  await ctx.releaseServices();
  const platformName = databaseOf(ctx.platformUrl);
  const platform = await runTasks('reset', [ctx.platformUrl], { concurrency: 1, progress: ctx.progress, name: () => 'platform' }, async (url) => {
    await dropDatabase(withDatabase(url, 'postgres'), platformName);
    const applied = await preparePlatformDatabase(url, ctx.log);
    return `dropped and made again (${applied.length} migration(s) applied)`;
  });
  return { lines: ['run `npm run db -- seed` for the demo data'], results: [...dropped, ...templates, ...platform] };
}
