// What every db command works with: the configuration, the platform database (the
// embedded one when DATABASE_URL is unset: reused if `npm start` is running, else
// started for the command) and the gateway's services, quiet unless LOG_LEVEL is set.
import pg from 'pg';
import type { Config } from '../../config';
import { closeServices, createServices } from '../../createServices';
import { embeddedUrl, startEmbeddedPostgres } from '../../db/embeddedPostgres';
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

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openDbContext(config: Config): Promise<DbContext> {
  // Secrets generated for local use and other warnings would clutter the output.
  const log = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'error');
  let stopEmbedded: (() => Promise<void>) | undefined;
  let platformUrl = config.databaseUrl;
  if (!platformUrl) {
    const url = embeddedUrl(config.embeddedPgPort);
    if (!(await answers(url))) stopEmbedded = (await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log)).stop;
    platformUrl = withDatabase(url, 'tenantgraph');
  }
  let services: Services | undefined;
  const open = () => (services ??= createServices(config, { platformUrl: platformUrl!, log }));
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
      await stopEmbedded?.();
    },
  };
}
