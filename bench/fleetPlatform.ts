// A platform of its own for one fleet on the bench server, so each fleet is measured on
// a clean server and gone before the next: its databases (the platform, the shared
// database of SCHEMA tenants, the pool database and its role, each DATABASE tenant's)
// share a fresh prefix, and all of them are dropped when the work is done. Given a
// MySQL or MariaDB server, tenants may be placed there too (TENANT_SERVERS names it
// `mysql` beside `main`), and its databases of the prefix are dropped as well.
import { loadConfig } from '../src/config';
import { closeServices, createServices } from '../src/createServices';
import { createLogger } from '../src/logger';
import { preparePlatformDatabase } from '../src/provisioning/platformDatabase';
import type { Services } from '../src/services';
import { dropMysqlDatabasesStartingWith } from '../src/db/dropDatabases';
import { dropBenchDatabases } from './benchServer';
import { productionGateway } from './processes';

export interface FleetPlatform {
  /** The production gateway's settings on this platform, and how to start it. */
  gateway: ReturnType<typeof productionGateway>;
  /** The services of this process (provisioning, filling, the data path), with the gateway's SERVER_POOL_SIZE. */
  services: Services;
  /** Closes this process's services and their connections, so a gateway started next has the server to itself; once is enough. */
  releaseServices(): Promise<void>;
}

export interface FleetPlatformOptions {
  serverPoolSize: number;
  /** A MySQL or MariaDB server for tenants of engine MYSQL. */
  mysqlUrl?: string;
}

export async function onFleetPlatform<T>(server: string, { serverPoolSize, mysqlUrl }: FleetPlatformOptions, work: (platform: FleetPlatform) => Promise<T>): Promise<T> {
  const gateway = productionGateway(server, mysqlUrl ? { TENANT_SERVERS: `main=${server},mysql=${mysqlUrl}` } : {});
  const log = createLogger('silent');
  try {
    await preparePlatformDatabase(gateway.platformUrl, log);
    // The session the benchmark signs in with must outlast the whole run.
    const config = loadConfig({ ...gateway.env, LOG_LEVEL: 'silent', ACCESS_TOKEN_TTL: '1d', SERVER_POOL_SIZE: String(serverPoolSize) });
    const services = createServices(config, { platformUrl: gateway.platformUrl, log });
    let released: Promise<unknown> | undefined;
    const releaseServices = async () => {
      await (released ??= closeServices(services));
    };
    try {
      return await work({ gateway, services, releaseServices });
    } finally {
      await releaseServices();
    }
  } finally {
    await dropBenchDatabases(server, gateway.prefix);
    if (mysqlUrl) await dropMysqlDatabasesStartingWith(mysqlUrl, gateway.prefix);
  }
}
