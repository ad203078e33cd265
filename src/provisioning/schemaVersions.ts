// Which tenant migration each tenant is at: the drift view. The truth is each
// tenant's `_prisma_migrations`; the platform keeps a copy (Tenant.schemaVersion),
// written by whatever applied migrations (provisioning, a rollout, a restore), so the
// fleet's versions are one query rather than a connection per tenant. POOL tenants of
// one server share their tables, so they share a version: a migration of the pool
// database moves all of them. Null is unknown (a tenant from before versions were
// recorded, or one whose data an undone restore brought back): read from its
// database at the next start, and migrated by a rollout like any tenant behind.
import { migrationStatus } from '../db/migrator';
import type { Prisma, Tenant } from '../generated/platform/client';
import type { Services } from '../services';
import { migrationsOf, versionOf } from './tenantSchema';
import { withTenantSql } from './tenantSql';

type Db = Pick<Services, 'platform'>['platform'] | Prisma.TransactionClient;
type Located = Pick<Tenant, 'id' | 'isolation' | 'engine' | 'server' | 'databaseName' | 'schemaName' | 'externalUrlCipher'>;

/** The tenants serving requests: the fleet the drift view counts. */
export const SERVING_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;

export interface VersionCount {
  /** Null: not known yet. */
  version: string | null;
  tenants: number;
}

/** The version this release brings tenants to (PostgreSQL and MySQL migrations share their names). */
export const latestVersion = (): string => versionOf(migrationsOf({ engine: 'POSTGRESQL', isolation: 'DATABASE' }))!;

/** Records that `tenant`'s tables are at `version`: for a POOL tenant, every tenant of its pool database. */
export async function recordSchemaVersion(db: Db, tenant: Located, version: string | null): Promise<void> {
  if (tenant.isolation === 'POOL') {
    await db.$executeRaw`
      UPDATE "Tenant" SET "schemaVersion" = ${version}
      WHERE isolation = 'POOL' AND server = ${tenant.server} AND "databaseName" = ${tenant.databaseName} AND "schemaVersion" IS DISTINCT FROM ${version}`;
  } else {
    await db.tenant.update({ where: { id: tenant.id }, data: { schemaVersion: version } });
  }
}

/** How many serving tenants are at each version, newest first, unknown last. */
export async function schemaVersions(services: Pick<Services, 'platform'>): Promise<VersionCount[]> {
  const groups = await services.platform.tenant.groupBy({ by: ['schemaVersion'], where: { status: { in: [...SERVING_STATUSES] } }, _count: { _all: true } });
  return groups
    .map((g) => ({ version: g.schemaVersion, tenants: g._count._all }))
    .sort((a, b) => (a.version === b.version ? 0 : a.version === null ? 1 : b.version === null ? -1 : b.version.localeCompare(a.version)));
}

/** The version `tenant`'s database says it is at (its last applied migration), read from it. */
export async function readSchemaVersion(services: Pick<Services, 'servers'>, tenant: Located): Promise<string | null> {
  const set = migrationsOf(tenant);
  const { applied } = await withTenantSql(services.servers.connectionOf(tenant), (sql) => migrationStatus(sql, set));
  return applied.at(-1) ?? null;
}

/**
 * At start: the versions of serving tenants not known yet are read from their
 * databases (a POOL database once for all its tenants), then the drift is logged.
 * Nothing is migrated: bringing tenants forward is a rollout's work.
 */
export async function reportSchemaDrift(services: Pick<Services, 'platform' | 'servers' | 'log' | 'config'>): Promise<VersionCount[]> {
  const unknown = await services.platform.tenant.findMany({ where: { status: { in: [...SERVING_STATUSES] }, schemaVersion: null }, orderBy: { createdAt: 'asc' } });
  const places = new Map<string, Located>();
  for (const tenant of unknown) places.set(tenant.isolation === 'POOL' ? `pool ${tenant.server} ${tenant.databaseName}` : tenant.id, tenant);
  const queue = [...places.values()];
  const worker = async () => {
    for (let tenant = queue.shift(); tenant; tenant = queue.shift()) {
      try {
        await recordSchemaVersion(services.platform, tenant, await readSchemaVersion(services, tenant));
      } catch (err) {
        services.log.warn({ err, tenantId: tenant.id }, 'could not read a tenant’s schema version');
      }
    }
  };
  await Promise.all(Array.from({ length: services.config.dbConcurrency }, worker));
  const versions = await schemaVersions(services);
  const latest = latestVersion();
  const behind = versions.filter((v) => v.version !== latest).reduce((n, v) => n + v.tenants, 0);
  if (behind > 0) {
    services.log.warn({ latest, versions }, `${behind} serving tenants are not at this release's schema version ${latest}: start a rollout (startRollout, or npm run db -- migrate)`);
  } else {
    services.log.info({ latest }, 'every serving tenant is at this release’s schema version');
  }
  return versions;
}
