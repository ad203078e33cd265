// Builds a tenant's database, step by step: place, create, migrate, seed, verify,
// activate. Each step is idempotent, so running the whole list again after a
// crash (or a retry) finishes the job without harm, and the tenant only becomes
// ACTIVE once its schema has been verified.
import pg from 'pg';
import { tenantStorageName } from '../db/identifiers';
import { loadMigrations } from '../db/migrations';
import { applyMigrations } from '../db/migrator';
import { createTenantClient, tenantPoolConfig } from '../db/tenantClient';
import type { Services } from '../services';
import type { TenantRecord } from '../tenancy/tenantRegistry';
import { seedTenantDefaults } from './seedDefaults';
import { createDatabase, createSchema } from './tenantStorage';
import { withTenantSql } from './tenantSql';
import { describeProblems, tenantSchemaProblems } from './verifyTenantSchema';

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

/** The server with the fewest tenants gets the next one. */
async function chooseServer(services: Services): Promise<string> {
  const names = services.servers.names();
  if (names.length === 1) return names[0];
  const counts = await services.platform.tenant.groupBy({ by: ['server'], _count: true, where: { server: { in: names } } });
  const load = new Map(counts.map((c) => [c.server, c._count]));
  return names.reduce((best, name) => ((load.get(name) ?? 0) < (load.get(best) ?? 0) ? name : best));
}

async function place(services: Services, tenant: TenantRecord): Promise<TenantRecord> {
  if (tenant.externalUrlCipher || tenant.databaseName) return tenant;
  const { tenantDbPrefix, sharedSchemaDatabase } = services.config;
  const storage = tenantStorageName(tenantDbPrefix, tenant.slug);
  return services.platform.tenant.update({
    where: { id: tenant.id },
    data:
      tenant.isolation === 'SCHEMA'
        ? { server: await chooseServer(services), databaseName: sharedSchemaDatabase, schemaName: storage }
        : { server: await chooseServer(services), databaseName: storage },
  });
}

async function createStorage(services: Services, tenant: TenantRecord): Promise<void> {
  if (tenant.externalUrlCipher) return;
  const serverUrl = services.servers.url(tenant.server);
  if (tenant.schemaName) await createSchema(serverUrl, tenant.databaseName!, tenant.schemaName);
  else await createDatabase(serverUrl, tenant.databaseName!);
}

async function seed(services: Services, tenant: TenantRecord): Promise<void> {
  const connection = services.servers.connectionOf(tenant);
  const db = createTenantClient(connection, new pg.Pool(tenantPoolConfig(connection, 1)));
  try {
    await seedTenantDefaults(db, tenant.locale);
  } finally {
    await db.$disconnect();
  }
}

export async function provisionTenant(services: Services, tenantId: string, report: Reporter = () => {}): Promise<TenantRecord> {
  const at = (step: StepName, message: string, extra: Partial<ProvisioningReport> = {}) =>
    report({ step, progress: STARTS_AT[step], message, ...extra });
  let tenant = await services.platform.tenant.findUniqueOrThrow({ where: { id: tenantId } });

  await at('place', 'choosing where the data will live');
  tenant = await place(services, tenant);

  await at('create', tenant.schemaName ? `creating schema ${tenant.schemaName}` : `creating database ${tenant.databaseName ?? '(external)'}`);
  await createStorage(services, tenant);

  const connection = services.servers.connectionOf(tenant);
  const migrations = loadMigrations('tenant');
  await at('migrate', 'applying migrations', { tablesCreated: 0, totalTables: migrations.migrations.reduce((n, m) => n + m.tables, 0) });
  await withTenantSql(connection, (client) =>
    applyMigrations(client, migrations, ({ tablesCreated, totalTables }) =>
      report({
        step: 'migrate',
        progress: STARTS_AT.migrate + Math.round(((STARTS_AT.seed - STARTS_AT.migrate) * tablesCreated) / Math.max(totalTables, 1)),
        message: `created ${tablesCreated} of ${totalTables} tables`,
        tablesCreated,
        totalTables,
      }),
    ),
  );

  await at('seed', 'adding the chart of accounts, settings and categories');
  await seed(services, tenant);

  await at('verify', 'checking the schema against the migrations');
  const problems = describeProblems(await withTenantSql(connection, (client) => tenantSchemaProblems(client, migrations)));
  if (problems) throw new Error(`schema check failed: ${problems}`);

  await at('activate', 'activating');
  // An archived tenant stays archived even if its provisioning was still running.
  await services.platform.tenant.updateMany({ where: { id: tenant.id, status: { in: ['PROVISIONING', 'FAILED'] } }, data: { status: 'ACTIVE' } });
  services.registry.invalidate(tenant.slug);
  return services.platform.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
}
