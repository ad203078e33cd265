// `db verify`: every serving tenant's schema matches the tenant migrations (all
// recorded as applied with unchanged checksums, every table present).
import { loadMigrations } from '../../../db/migrations';
import { withTenantSql } from '../../../provisioning/tenantSql';
import { describeProblems, tenantSchemaProblems } from '../../../provisioning/verifyTenantSchema';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';
import { SERVING } from './migrate';

export async function verify(ctx: DbContext, concurrency: number): Promise<Outcome> {
  const { servers } = ctx.services();
  const set = loadMigrations('tenant');
  const tenants = await ctx.tenants({ statuses: [...SERVING] });
  const results = await runTasks('verify', tenants, { concurrency, progress: ctx.progress, name: (t) => t.slug }, async (tenant) => {
    const problems = describeProblems(await withTenantSql(servers.connectionOf(tenant), (client) => tenantSchemaProblems(client, set)));
    if (problems) throw new Error(problems);
    return `matches ${set.migrations.length} migration(s)`;
  });
  return { results };
}
