// `db status`: a table of every tenant with its isolation, where it lives, its schema
// version, its applied and pending migrations and whether it is healthy; then how
// many serving tenants are at each version (what the API's schemaVersions says, read
// here from the tenants' databases themselves). A tenant that cannot be reached, or
// whose applied migrations changed or failed, counts as failed.
import { loadMigrations } from '../../../db/migrations';
import { migrationStatus, type MigrationStatus } from '../../../db/migrator';
import { pgConnection } from '../../../db/sqlConnection';
import { withClient } from '../../../db/withClient';
import { withTenantSql } from '../../../provisioning/tenantSql';
import { migrationsOf } from '../../../provisioning/tenantSchema';
import { latestVersion, SERVING_STATUSES } from '../../../provisioning/schemaVersions';
import type { DbContext } from '../dbContext';
import type { Outcome } from '../summary';
import { table } from '../table';
import { failureText, runTasks, type TaskResult } from '../tasks';
import { describeLocation, hostAndDatabase } from '../tenantLocation';

function health(status: MigrationStatus): string {
  if (status.failed.length) throw new Error(`failed migrations: ${status.failed.join(', ')}`);
  if (status.modified.length) throw new Error(`migrations changed after they were applied: ${status.modified.join(', ')}`);
  return status.pending.length ? 'ok, needs migrate' : 'ok';
}

function platformStatus(url: string): Promise<MigrationStatus> {
  return withClient({ connectionString: url }, (client) => migrationStatus(pgConnection(client), loadMigrations('platform')));
}

export async function status(ctx: DbContext, concurrency: number): Promise<Outcome> {
  const where = hostAndDatabase(ctx.platformUrl);
  let platform: TaskResult;
  try {
    const s = await platformStatus(ctx.platformUrl);
    if (s.applied.length === 0) throw new Error('not migrated yet: run `npm run db -- migrate`');
    platform = { item: 'platform', ok: true, detail: `${s.applied.length} applied, ${s.pending.length} pending, ${health(s)}` };
  } catch (error) {
    return { lines: [`platform ${where}: ${failureText(error)}`], results: [{ item: 'platform', ok: false, detail: failureText(error) }] };
  }

  const { servers } = ctx.services();
  const tenants = await ctx.tenants();
  const rows = new Map<string, string[]>();
  const versions = new Map<string, number>();
  const results = await runTasks('status', tenants, { concurrency, progress: ctx.progress, name: (t) => t.slug }, async (tenant) => {
    // Filled in as far as the checks get; a check that throws leaves FAILED in health.
    const row = [tenant.slug, tenant.status, tenant.engine, tenant.isolation, '?', '-', '-', '-', 'FAILED'];
    rows.set(tenant.slug, row);
    row[4] = describeLocation(tenant, servers);
    if (!tenant.databaseName && !tenant.externalUrlCipher) return (row[8] = 'not placed yet');
    const s = await withTenantSql(servers.connectionOf(tenant), (connection) => migrationStatus(connection, migrationsOf(tenant)));
    row[5] = s.applied.at(-1) ?? '-';
    row[6] = String(s.applied.length);
    row[7] = String(s.pending.length);
    if ((SERVING_STATUSES as readonly string[]).includes(tenant.status)) versions.set(row[5], (versions.get(row[5]) ?? 0) + 1);
    return (row[8] = health(s));
  });
  const latest = latestVersion();
  const lines = [
    `platform ${where}: ${platform.detail}`,
    '',
    ...table(['tenant', 'status', 'engine', 'isolation', 'where it lives', 'version', 'applied', 'pending', 'health'], tenants.map((t) => rows.get(t.slug)!)),
    '',
    ...table(
      ['version', 'serving tenants', ''],
      [...versions].sort(([a], [b]) => b.localeCompare(a)).map(([version, count]) => [version, String(count), version === latest ? 'this release' : '']),
    ),
  ];
  return { lines, results: [platform, ...results] };
}

