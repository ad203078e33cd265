// One tenant's turn in a rollout: skipped when it is not serving or another job has
// it (provisioning, a restore, an export, a drop), else its pending migrations applied
// under the migration lock of its tables and MIGRATION_*_TIMEOUT, checked, and its
// version recorded. A failure leaves it on its previous version: on PostgreSQL each
// migration is one transaction; on MySQL the statements that ran are counted in
// `_prisma_migrations`, and the next attempt continues after them (db/migrator.ts).
import { scrubCredentials } from '../../logger';
import type { Tenant } from '../../generated/platform/client';
import type { Services } from '../../services';
import { readSchemaVersion, recordSchemaVersion, SERVING_STATUSES } from '../schemaVersions';
import { assertTenantSchema, migrateTenantSchema, migrationsOf, versionOf } from '../tenantSchema';
import { withTenantSql } from '../tenantSql';

export interface TenantOutcome {
  status: 'SUCCEEDED' | 'FAILED' | 'SKIPPED';
  detail: string;
}

type RolloutServices = Pick<Services, 'config' | 'platform' | 'servers' | 'log'>;

/** What an operator reads: the database's own words, without credentials. */
const operatorText = (error: unknown) => scrubCredentials(error instanceof Error ? error.message : String(error)).split('\n')[0];

/** Why `tenant` cannot migrate now, or null when it can. */
async function busyWith(services: Pick<Services, 'platform'>, tenant: Tenant): Promise<string | null> {
  if (!(SERVING_STATUSES as readonly string[]).includes(tenant.status)) return `the tenant is ${tenant.status.toLowerCase()}`;
  const job = await services.platform.provisioningJob.findFirst({ where: { tenantId: tenant.id, status: { in: ['QUEUED', 'RUNNING'] } }, select: { id: true, kind: true } });
  return job ? `a ${job.kind.toLowerCase()} job (${job.id}) has the tenant` : null;
}

export async function migrateInRollout(services: RolloutServices, tenantId: string): Promise<TenantOutcome> {
  const tenant = await services.platform.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) return { status: 'SKIPPED', detail: 'the tenant was deleted' };
  const busy = await busyWith(services, tenant);
  if (busy) return { status: 'SKIPPED', detail: busy };
  const set = migrationsOf(tenant);
  const version = versionOf(set);
  // POOL tenants share their tables: the first of a pool the rollout reached moved them all.
  if (tenant.schemaVersion === version) return { status: 'SUCCEEDED', detail: 'up to date' };
  try {
    const applied = await withTenantSql(services.servers.connectionOf(tenant), async (sql) => {
      const done = await migrateTenantSchema(sql, set, services.config.migrationLimits);
      if (done.length) await assertTenantSchema(sql, set);
      return done;
    });
    await recordSchemaVersion(services.platform, tenant, version);
    return { status: 'SUCCEEDED', detail: applied.length ? `applied ${applied.join(', ')}` : 'up to date' };
  } catch (error) {
    services.log.warn({ err: error, tenant: tenant.slug }, 'a tenant’s migration failed in a rollout');
    // Migrations before the one that failed stay applied (each is its own transaction): the drift view shows where it stopped.
    await readSchemaVersion(services, tenant)
      .then((reached) => recordSchemaVersion(services.platform, tenant, reached))
      .catch(() => {});
    return { status: 'FAILED', detail: operatorText(error) };
  }
}
