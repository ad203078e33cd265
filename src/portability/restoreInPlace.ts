// restoreTenantFrom: the tenant's data replaced by an export's without a moment of
// downtime. A RESTORE job builds the archive's tables and rows in a new database (or
// schema) beside the live one, checks them against the manifest, then switches the
// tenant's placement to it in one platform transaction; every process follows the
// change feed to the new place, requests already running finish on the old one. The
// previous data is kept RESTORE_KEEP_HOURS: undoRestore switches back meanwhile;
// afterwards the discard task drops whichever of the two the tenant no longer uses.
import type { Task } from 'graphile-worker';
import { authorize } from '../auth/policy';
import type { UserPrincipal } from '../auth/principal';
import { quoteIdent } from '../db/identifiers';
import { badInput, ErrorCode, gatewayError } from '../errors';
import type { Prisma, TenantRestore } from '../generated/platform/client';
import type { Services } from '../services';
import { announceTenantChange } from '../tenancy/tenantChanges';
import { lockTenant } from '../tenancy/suspension';
import { dropTenantStorage } from '../provisioning/dropTenantStorage';
import { createJob } from '../provisioning/jobs/jobQueue';
import type { JobDefinition } from '../provisioning/jobs/runJob';
import type { RunningJob } from '../provisioning/jobs/runningJob';
import { namedTenant } from '../provisioning/namedTenant';
import { ProvisioningError } from '../provisioning/provisioningError';
import { createStorage } from '../provisioning/provisionTenant';
import { assertTenantSchema, migrateTenantSchema, migrationsOf, versionOf } from '../provisioning/tenantSchema';
import { withTenantSql } from '../provisioning/tenantSql';
import { assertRowsMatch, migrationsUpTo, withArchiveOf } from './fillFromArchive';
import { loadTenantArchive } from './tenantArchives';
import { restorableExport } from './tenantExports';

export const DISCARD_TASK = 'tenantgraph:discardRestoredData';

type Tx = Prisma.TransactionClient;

/**
 * Where a restore builds: a name of its own, whatever the slug's length, that no slug
 * can make (slugs hold no "--", so a tenant's names never hold "__"), as a template's.
 */
const restoreStorageName = (tenantDbPrefix: string, jobId: string) => quoteIdent(`${tenantDbPrefix}_restore_${jobId.replaceAll('-', '')}`).slice(1, -1);

export async function restoreTenantFrom(services: Pick<Services, 'config' | 'platform' | 'memberships'>, user: UserPrincipal, slug: string, exportId: string) {
  const { tenant: named, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'tenant.restore');
  const from = await restorableExport(services, user, exportId, 'exportId');
  if (named.isolation === 'POOL') {
    throw badInput('a POOL tenant’s rows share tables with other tenants, so nothing can be built beside them: restore the export into a new tenant (createTenant with restoreFrom)', { field: 'tenant' });
  }
  if (named.externalUrlCipher) throw badInput('the tenant’s data is in a database you brought: restore it there yourself, or into a new tenant (createTenant with restoreFrom)', { field: 'tenant' });
  return services.platform.$transaction(async (tx) => {
    const tenant = await lockTenant(tx, named.id);
    if (tenant?.status !== 'ACTIVE' && tenant?.status !== 'SUSPENDED') throw gatewayError(ErrorCode.TENANT_NOT_READY, `tenant "${slug}" is ${tenant?.status.toLowerCase()}`);
    const running = await tx.provisioningJob.findFirst({ where: { tenantId: tenant.id, kind: 'RESTORE', status: { in: ['QUEUED', 'RUNNING'] } } });
    if (running) throw gatewayError(ErrorCode.CONFLICT, `a restore of "${slug}" is running (job ${running.id})`, { jobId: running.id });
    const job = await createJob(tx, tenant.id, 'RESTORE', { maxAttempts: services.config.jobs.maxAttempts, message: 'waiting for a worker' });
    const storage = restoreStorageName(services.config.tenantDbPrefix, job.id);
    await tx.tenantRestore.create({
      data: {
        tenantId: tenant.id,
        exportId: from.id,
        jobId: job.id,
        databaseName: tenant.schemaName ? tenant.databaseName! : storage,
        schemaName: tenant.schemaName ? storage : null,
        previousDatabaseName: tenant.databaseName,
        previousSchemaName: tenant.schemaName,
      },
    });
    const withPlan = await tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, include: { plan: true } });
    return { tenant: withPlan, job: { ...job, tenant: withPlan } };
  });
}

type RestoreServices = Pick<Services, 'config' | 'log' | 'platform' | 'servers' | 'archives' | 'changes'>;

export const restoreJob: JobDefinition = {
  async run(services: RestoreServices, job: RunningJob) {
    const { platform, servers } = services;
    const restore = await platform.tenantRestore.findUniqueOrThrow({ where: { jobId: job.id }, include: { tenant: true, export: true } });
    if (restore.switchedAt) return 'the tenant was switched to the restored data already';
    if (!restore.export) throw new ProvisioningError('the export to restore from was deleted', false);
    const { tenant } = restore;
    const beside = { ...tenant, databaseName: restore.databaseName, schemaName: restore.schemaName };
    const migrations = migrationsOf(tenant);
    await withArchiveOf(services, restore.export, job.id, async (archive) => {
      const built = migrationsUpTo(migrations, archive.manifest);
      await job.report({ step: 'build', progress: 5, message: `creating ${restore.schemaName ? `schema ${restore.schemaName}` : `database ${restore.databaseName}`} beside the live data` });
      await createStorage(services, beside, built);
      await withTenantSql(servers.connectionOf(beside), async (sql) => {
        await migrateTenantSchema(sql, built, services.config.migrationLimits);
        await job.report({ step: 'load', progress: 20, message: `loading ${archive.manifest.tables.reduce((n, t) => n + t.rows, 0)} rows` });
        await loadTenantArchive(services, beside, archive.path);
        await job.report({ step: 'check', progress: 80, message: 'checking the rows against the manifest and the schema against the migrations' });
        await assertRowsMatch(sql, archive.manifest);
        await migrateTenantSchema(sql, migrations, services.config.migrationLimits);
        await assertTenantSchema(sql, migrations);
      });
    });
    await job.report({ step: 'switch', progress: 95, message: 'switching the tenant to the restored data' });
    const keepUntil = new Date(Date.now() + services.config.portability.restoreKeepMs);
    await platform.$transaction(async (tx) => {
      await moveTenant(tx, restore.tenantId, { from: previousOf(restore), to: restoredOf(restore), schemaVersion: versionOf(migrations) });
      await tx.tenantRestore.update({ where: { id: restore.id }, data: { switchedAt: new Date(), keepUntil } });
      await tx.$executeRaw`SELECT graphile_worker.add_job(${DISCARD_TASK}::text, json_build_object('restoreId', ${restore.id}::text), run_at := ${keepUntil}::timestamptz, job_key := ${`discard-${restore.id}`}::text)`;
    });
    await announceTenantChange(services, tenant.slug);
    return `serving the data of export ${restore.export.id}; the previous data is kept until ${keepUntil.toISOString()} (undoRestore)`;
  },
  async failed(services: RestoreServices, job: RunningJob) {
    // What was half built beside the live data goes; the tenant never left its data.
    const restore = await services.platform.tenantRestore.findUniqueOrThrow({ where: { jobId: job.id }, include: { tenant: true } });
    if (!restore.switchedAt) await dropTenantStorage(services.servers, { ...restore.tenant, ...restoredOf(restore) });
  },
};

interface Place {
  databaseName: string | null;
  schemaName: string | null;
}

const previousOf = (restore: TenantRestore): Place => ({ databaseName: restore.previousDatabaseName, schemaName: restore.previousSchemaName });
const restoredOf = (restore: TenantRestore): Place => ({ databaseName: restore.databaseName, schemaName: restore.schemaName });

/** Points the tenant at `to`, whose tables are at `schemaVersion`, if it is still at `from` (nothing else moved it meanwhile). */
async function moveTenant(tx: Tx, tenantId: string, { from, to, schemaVersion }: { from: Place; to: Place; schemaVersion: string | null }) {
  const tenant = await lockTenant(tx, tenantId);
  if (tenant?.databaseName !== from.databaseName || tenant.schemaName !== from.schemaName) {
    throw gatewayError(ErrorCode.CONFLICT, 'the tenant’s data moved meanwhile (another restore or an undo): nothing was switched');
  }
  await tx.tenant.update({ where: { id: tenantId }, data: { ...to, schemaVersion } });
}

/** Switches the tenant back to the data it had before its last restore, while that is kept. */
export async function undoRestore(services: Pick<Services, 'platform' | 'memberships' | 'changes'>, user: UserPrincipal, slug: string) {
  const { tenant, role } = await namedTenant(services, user, slug);
  authorize(user, role, 'tenant.restore');
  const undone = await services.platform.$transaction(async (tx) => {
    const restore = await tx.tenantRestore.findFirst({ where: { tenantId: tenant.id, switchedAt: { not: null } }, orderBy: { createdAt: 'desc' } });
    if (!restore || restore.undoneAt || restore.discardedAt) throw badInput(`tenant "${slug}" has no restore to undo (none, undone already, or its previous data is dropped)`, { field: 'tenant' });
    // The data it goes back to missed the rollouts since: its version is read again (null: unknown).
    await moveTenant(tx, tenant.id, { from: restoredOf(restore), to: previousOf(restore), schemaVersion: null });
    await tx.tenantRestore.update({ where: { id: restore.id }, data: { undoneAt: new Date() } });
    return tx.tenant.findUniqueOrThrow({ where: { id: tenant.id }, include: { plan: true } });
  });
  await announceTenantChange(services, slug);
  return undone;
}

/**
 * RESTORE_KEEP_HOURS after a switch: drops the data the tenant does not use (the
 * previous, or after an undo the restored). It is marked discarded first, under the
 * tenant's lock, so an undo never switches to data being dropped; a drop that fails
 * unmarks it, and graphile-worker runs the task again.
 */
export const discardTask =
  (services: Pick<Services, 'platform' | 'servers' | 'log'>): Task =>
  async (payload) => {
    const { restoreId } = payload as { restoreId: string };
    const restore = await services.platform.$transaction(async (tx) => {
      const row = await tx.tenantRestore.findUniqueOrThrow({ where: { id: restoreId } });
      await lockTenant(tx, row.tenantId);
      const { count } = await tx.tenantRestore.updateMany({ where: { id: restoreId, discardedAt: null }, data: { discardedAt: new Date() } });
      return count ? tx.tenantRestore.findUniqueOrThrow({ where: { id: restoreId }, include: { tenant: true } }) : null;
    });
    if (!restore) return;
    const unused = restore.undoneAt ? restoredOf(restore) : previousOf(restore);
    try {
      const said = await dropTenantStorage(services.servers, { ...restore.tenant, ...unused });
      services.log.info({ tenant: restore.tenant.slug, restoreId }, `restore: ${said}`);
    } catch (error) {
      await services.platform.tenantRestore.update({ where: { id: restoreId }, data: { discardedAt: null } });
      throw error;
    }
  };
