// What every db command works with: the configuration, the platform database (the
// embedded one of DATA_DIR when DATABASE_URL is unset: the running gateway's, at the
// port it recorded in DATA_DIR, else started for the command) and the gateway's
// services, quiet unless LOG_LEVEL is set.
import type { Config } from '../../config';
import { closeServices, createServices } from '../../createServices';
import { DataDirInUseError } from '../../db/dataDirLock';
import { embeddedUrl, startDataDirPostgres, type EmbeddedPostgres } from '../../db/embeddedPostgres';
import { withDatabase } from '../../db/urls';
import { createLogger, type Logger } from '../../logger';
import type { Services } from '../../services';
import type { TenantRecord } from '../../tenancy/tenantRegistry';
import { createProgress, type Progress } from './progress';

export interface DbContext {
  config: Config;
  platformUrl: string;
  log: Logger;
  progress: Progress;
  /** The gateway's services over the platform database; made on first use. */
  services(): Services;
  tenants(filter?: { statuses?: TenantRecord['status'][] }): Promise<TenantRecord[]>;
  /** Closes the services' database connections; services() makes new ones if asked again. */
  releaseServices(): Promise<void>;
  close(): Promise<void>;
}

/**
 * DATA_DIR's embedded server: the gateway's while one runs on the folder (never
 * whatever answers on EMBEDDED_PG_PORT: that may be another folder's server), else
 * one this command starts, holds the folder for, and stops when it is done.
 */
async function embeddedServer(config: Config, log: Logger): Promise<EmbeddedPostgres | { url: string; stop?: undefined }> {
  const started = await startDataDirPostgres(config.dataDir, config.embeddedPgPort, 'db', log);
  if ('server' in started) return started.server;
  const { heldBy } = started;
  if (heldBy.by === 'gateway' && heldBy.postgresPort) return { url: embeddedUrl(heldBy.postgresPort) };
  throw new DataDirInUseError(heldBy, config.dataDir);
}

export async function openDbContext(config: Config): Promise<DbContext> {
  // Secrets generated for local use and other warnings would clutter the output.
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'error');
  const embedded = config.databaseUrl ? undefined : await embeddedServer(config, log);
  const platformUrl = config.databaseUrl ?? withDatabase(embedded!.url, 'tenantgraph');
  let services: Services | undefined;
  const open = () => (services ??= createServices(config, { platformUrl, log }));
  const releaseServices = async () => {
    const current = services;
    services = undefined;
    if (current) await closeServices(current);
  };
  return {
    config,
    platformUrl,
    log,
    progress: createProgress(),
    services: open,
    tenants: (filter = {}) =>
      open().platform.tenant.findMany({
        where: filter.statuses ? { status: { in: filter.statuses } } : {},
        orderBy: { slug: 'asc' },
      }),
    releaseServices,
    async close() {
      await releaseServices();
      await embedded?.stop?.();
    },
  };
}
