// `db verify`: every serving tenant's schema matches the tenant migrations (all
// recorded as applied with unchanged checksums, every table present).
import { migrationsOf } from '../../../provisioning/tenantSchema';
import { withTenantSql } from '../../../provisioning/tenantSql';
import { describeProblems, tenantSchemaProblems } from '../../../provisioning/verifyTenantSchema';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { runTasks } from '../tasks';
import { SERVING_STATUSES } from '../../../provisioning/schemaVersions';

export async function verify(ctx: DbContext, concurrency: number): Promise<Outcome> {
  const { servers } = ctx.services();
  const tenants = await ctx.tenants({ statuses: [...SERVING_STATUSES] });
  const results = await runTasks('verify', tenants, { concurrency, progress: ctx.progress, name: (t) => t.slug }, async (tenant) => {
    return withTenantSql(servers.connectionOf(tenant), async (connection) => {
      const set = migrationsOf(tenant);
      const problems = describeProblems(await tenantSchemaProblems(connection, set));
      if (problems) throw new Error(problems);
      return `matches ${set.migrations.length} migration(s)`;
    });
  });
  return { results };
}
