// Builds a tenant's database, step by step: place, create, migrate, seed (or load an
// archive's rows), verify, activate. Each step is idempotent, so running the whole list again after a
// crash (or a retry) finishes the job without harm, and the tenant only becomes
// ACTIVE once its schema has been verified.
import { engineOfName, type Engine } from '../engine';
import { tenantStorageName } from '../db/identifiers';
import type { MigrationSet } from '../db/migrations';
import type { Services } from '../services';
import { announceTenantChange } from '../tenancy/tenantChanges';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { adoptExistingTables } from './adoptExistingTables';
import { inspectExternalDatabase } from './externalDatabase';
import { reachableServers } from './reachableServers';
import { seedTenantDefaults } from './seedDefaults';
import { poolDatabaseReady } from './readyPools';
import { poolMigrations } from '../db/poolMigrations';
import { recordSchemaVersion } from './schemaVersions';
import { assertTenantSchema, migrateTenantSchema, migrationsOf, totalTables, versionOf } from './tenantSchema';
import { createDatabase, createSchema } from './tenantStorage';
import { withTenantSql } from './tenantSql';
import { createFromTemplate } from './tenantTemplate';
import { expectedTables } from './verifyTenantSchema';
import { migrationsUpTo, type LocalArchive } from '../portability/fillFromArchive';
import { loadTenantArchive } from '../portability/tenantArchives';

export const STEPS = ['place', 'create', 'migrate', 'seed', 'verify', 'activate'] as const;
export type StepName = (typeof STEPS)[number];

export interface ProvisioningReport {
  step: StepName;
  /** 0-100 over the whole job. */
  progress: number;
  message: string;
  tablesCreated?: number;
  totalTables?: number;
}

export type Reporter = (report: ProvisioningReport) => void | Promise<void>;

// Where each step starts on the 0-100 scale; migrate is the long one.
const STARTS_AT: Record<StepName, number> = { place: 0, create: 5, migrate: 15, seed: 75, verify: 88, activate: 95 };

/** What provisioning a tenant uses of the services. */
export type ProvisionServices = Pick<Services, 'config' | 'log' | 'platform' | 'servers' | 'pool' | 'changes'>;

/** The reachable server of the tenant's engine with the fewest tenants gets the next one. */
async function chooseServer(services: Pick<Services, 'config' | 'log' | 'platform' | 'servers'>, engine: Engine): Promise<string> {
  const names = await reachableServers(services, engine);
  if (names.length === 1) return names[0];
  const counts = await services.platform.tenant.groupBy({ by: ['server'], _count: true, where: { server: { in: names } } });
  const load = new Map(counts.map((c) => [c.server, c._count]));
  return names.reduce((best, name) => ((load.get(name) ?? 0) < (load.get(best) ?? 0) ? name : best));
}

/** Where a tenant's tables go on `server`: a database of its own, its schema in the shared database, or its rows in the pool database's tables. */
export function locationOn(config: Services['config'], tenant: Pick<TenantRecord, 'slug' | 'isolation'>, server: string) {
  const storage = tenantStorageName(config.tenantDbPrefix, tenant.slug);
  switch (tenant.isolation) {
    case 'SCHEMA':
      return { server, databaseName: config.sharedSchemaDatabase, schemaName: storage };
    case 'POOL':
      return { server, databaseName: config.poolDatabase, schemaName: null };
    case 'DATABASE':
      return { server, databaseName: storage, schemaName: null };
  }
}

/** Chooses the server, unless createTenant named one (then the tenant has its location already). */
async function place(services: Pick<Services, 'config' | 'log' | 'platform' | 'servers'>, tenant: TenantRecord): Promise<TenantRecord> {
  if (tenant.externalUrlCipher || tenant.databaseName) return tenant;
  const server = await chooseServer(services, engineOfName(tenant.engine));
  return services.platform.tenant.update({ where: { id: tenant.id }, data: locationOn(services.config, tenant, server) });
}

/** Makes the tenant's database or schema; true when its tables came with it (copied from the template). */
export async function createStorage(services: Pick<Services, 'config' | 'log' | 'servers'>, tenant: TenantRecord, set: MigrationSet): Promise<boolean> {
  const serverUrl = services.servers.url(tenant.server);
  if (tenant.schemaName) {
    await createSchema(serverUrl, tenant.databaseName!, tenant.schemaName);
    return false;
  }
  // MySQL has no database templates: its tenants always run the migrations (fast there: no catalog to copy).
  if (services.config.tenantTemplates && tenant.engine === 'POSTGRESQL') {
    try {
      await createFromTemplate(serverUrl, tenant.databaseName!, services.config.tenantDbPrefix, set);
      return true;
    } catch (err) {
      services.log.warn({ err, tenant: tenant.slug }, 'the template database could not be used: running the migrations instead');
    }
  }
  await createDatabase(serverUrl, tenant.databaseName!);
  return false;
}

async function seed(services: Pick<Services, 'pool'>, tenant: TenantRecord): Promise<void> {
  const lease = services.pool.acquire(tenant);
  try {
    await seedTenantDefaults(lease.db, tenant);
  } finally {
    lease.release();
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `archive`: the tenant is built from an export instead of seeded: its tables as at the
 * archive's migration, the archive's rows, then the later migrations.
 */
export async function provisionTenant(services: ProvisionServices, tenantId: string, report: Reporter = () => {}, archive?: LocalArchive): Promise<TenantRecord> {
  const at = (step: StepName, message: string, extra: Partial<ProvisioningReport> = {}) =>
    report({ step, progress: STARTS_AT[step], message, ...extra });
  let tenant = await services.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const migrations = migrationsOf(tenant);
  const limits = services.config.migrationLimits;
  const tables = totalTables(migrations);
  // What is built before the archive's rows go in (an archive of a migration this release does not have is refused here, whatever the isolation).
  const built = archive ? migrationsUpTo(migrations, archive.manifest) : migrations;

  if (tenant.externalUrlCipher) {
    await at('place', 'connecting to your database');
    const { tables: existing } = await inspectExternalDatabase(services, tenant);
    const ours = new Set(expectedTables(migrations));
    await at('create', `found ${plural(existing.length, 'table')} in your database, ${existing.filter((t) => ours.has(t)).length} of them the tenant schema's`);
  } else {
    await at('place', 'choosing where the data will live');
    tenant = await place(services, tenant);
    if (tenant.isolation === 'POOL') return provisionPoolTenant(services, tenant, tables, at, archive);
    await at('create', tenant.schemaName ? `creating schema ${tenant.schemaName}` : `creating database ${tenant.databaseName}`);
  }
  const copied = !tenant.externalUrlCipher && (await createStorage(services, tenant, built));

  // One connection to the tenant's tables for migrating and verifying.
  await withTenantSql(services.servers.connectionOf(tenant), async (client) => {
    await at('migrate', copied ? 'tables copied from the template; applying newer migrations, if any' : 'applying migrations', {
      tablesCreated: copied ? tables : 0,
      totalTables: tables,
    });
    const onTable = (created: number, pending: number) =>
      report({
        step: 'migrate',
        progress: STARTS_AT.migrate + Math.round(((STARTS_AT.seed - STARTS_AT.migrate) * created) / Math.max(pending, 1)),
        message: `created ${created} of ${plural(pending, 'table')}`,
        tablesCreated: tables - pending + created,
        totalTables: tables,
      });
    // A database the customer brings may hold some of our tables already: those are kept.
    const adopted = tenant.externalUrlCipher ? await adoptExistingTables(client, migrations, onTable) : null;
    if (adopted) {
      const updated = adopted.updated.length ? `; brought ${adopted.updated.join(', ')} up to date with later migrations` : '';
      await at('migrate', `kept ${plural(adopted.kept.length, 'table')} already in your database (${adopted.kept.join(', ')})${updated}; created ${adopted.created.length}`, {
        tablesCreated: tables,
        totalTables: tables,
      });
    }
    const applied = await migrateTenantSchema(client, built, limits, onTable);
    if (applied.length === 0 && !adopted) {
      await at('migrate', `all ${plural(tables, 'table')} were already in place`, { tablesCreated: tables, totalTables: tables });
    }

    if (archive) {
      await at('seed', `loading the rows of export ${archive.manifest.tenant.slug} taken at ${archive.manifest.takenAt}`);
      await loadTenantArchive(services, tenant, archive.path);
      // An older archive: its tenant is brought to the newest migrations like every other tenant was.
      if (built !== migrations) await migrateTenantSchema(client, migrations, limits, onTable);
    } else {
      await at('seed', 'adding the chart of accounts, settings and categories');
      await seed(services, tenant);
    }

    await at('verify', 'checking the schema against the migrations');
    await assertTenantSchema(client, migrations);
  });

  return activate(services, tenant, at, versionOf(migrations));
}

type StepReporter = (step: StepName, message: string, extra?: Partial<ProvisioningReport>) => Promise<void> | void;

/** Serving, at `schemaVersion`. */
async function activate(services: ProvisionServices, tenant: TenantRecord, at: StepReporter, schemaVersion: string | null): Promise<TenantRecord> {
  await at('activate', 'activating');
  // An archived tenant stays archived even if its provisioning was still running.
  await services.platform.tenant.updateMany({ where: { id: tenant.id, status: { in: ['PROVISIONING', 'FAILED'] } }, data: { status: 'ACTIVE', schemaVersion } });
  await announceTenantChange(services, tenant.slug);
  return services.platform.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
}

/**
 * A POOL tenant has no storage of its own to make: its rows go into the pool
 * database's tables, which are made and migrated once for all of them (and checked
 * then). What is left is its seed rows.
 */
async function provisionPoolTenant(services: ProvisionServices, tenant: TenantRecord, tables: number, at: StepReporter, archive?: LocalArchive): Promise<TenantRecord> {
  await at('create', `preparing the pool database ${tenant.databaseName}`);
  // A release's first POOL tenant on a server may bring the pool database, and every tenant in it, to this release's version.
  await poolDatabaseReady(services.servers, tenant.server, (applied) => {
    if (applied.length) services.log.warn({ server: tenant.server, applied }, 'provisioning a POOL tenant migrated the pool database: its tenants are at this release’s version');
    return recordSchemaVersion(services.platform, tenant, versionOf(poolMigrations()));
  });
  await at('migrate', `the pool's ${plural(tables, 'table')} are shared: nothing to create`, { tablesCreated: tables, totalTables: tables });
  if (archive) {
    await at('seed', `loading the rows of export ${archive.manifest.tenant.slug} taken at ${archive.manifest.takenAt}`);
    await loadTenantArchive(services, tenant, archive.path);
  } else {
    await at('seed', 'adding the chart of accounts, settings and categories');
    await seed(services, tenant);
  }
  await at('verify', 'the pool database matches the migrations (checked when it was prepared)');
  return activate(services, tenant, at, versionOf(poolMigrations()));
}
