// The MIGRATE job: brings an ACTIVE tenant to the current tenant migrations (after a
// release that added some), reporting each table, then verifies the result. The
// tenant keeps serving: on PostgreSQL each migration runs in one transaction.
import type { Services } from '../services';
import type { JobDefinition } from './jobs/runJob';
import type { RunningJob } from './jobs/runningJob';
import { assertTenantSchema, migrateTenantSchema, migrationsOf } from './tenantSchema';
import { withTenantSql } from './tenantSql';

const VERIFY_AT = 85;

export const migrateJob: JobDefinition = {
  async run(services: Pick<Services, 'platform' | 'servers'>, job: RunningJob) {
    const tenant = await services.platform.tenant.findUniqueOrThrow({ where: { id: job.tenantId } });
    if (tenant.status !== 'ACTIVE') return `${tenant.slug} is ${tenant.status.toLowerCase()}: nothing to migrate`;
    // A POOL tenant's tables are the pool database's: the first job of a release migrates them for all its tenants, the others find nothing pending.
    const migrations = migrationsOf(tenant);
    const applied = await withTenantSql(services.servers.connectionOf(tenant), async (client) => {
      await job.report({ step: 'migrate', progress: 0, message: 'applying pending migrations' });
      const done = await migrateTenantSchema(client, migrations, (created, pending) =>
        job.report({
          step: 'migrate',
          progress: Math.round((VERIFY_AT * created) / Math.max(pending, 1)),
          message: `created ${created} of ${pending} new tables`,
          tablesCreated: created,
          totalTables: pending,
        }),
      );
      await job.report({ step: 'verify', progress: VERIFY_AT, message: 'checking the schema against the migrations' });
      await assertTenantSchema(client, migrations);
      return done;
    });
    return applied.length ? `applied ${applied.join(', ')}` : 'already up to date';
  },
};
